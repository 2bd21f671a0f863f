import Foundation
import Testing
@testable import VitallyKit

/// The byte paths of domain matching held to the Character rules they replaced: `normalize` to
/// `normalizeCharacters`, and the trait split to the old split on Characters.
@Suite struct DomainByteSplitTests {
    /// The domains the old code gave for one `domain` trait value: split on Characters, normalised by Characters.
    static func before(_ text: String) -> [String] {
        var found: [String] = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) {
            if let domain = Domain.normalizeCharacters(String(piece)), !found.contains(domain) { found.append(domain) }
        }
        return found
    }

    static func now(_ text: String) -> [String] {
        let account = Account(json: .object(JSONObject([("id", "a"), ("name", "A"), ("traits", .object(JSONObject([("domain", .string(text))])))])))
        return DomainTraits().domains(of: account).map(\.domain)
    }

    /// A seeded walk over every ASCII byte, biased to the ones the rules look at.
    static func asciiTexts(count: Int) -> [String] {
        let special = Array("wW.@:/?#-_ ,;\t\r\n\u{0B}\u{0C}aZ09")
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<Int(next() % 24) {
                let r = next()
                text.append(r % 3 == 0 ? Character(Unicode.Scalar(UInt8(r >> 8 & 0x7F))) : special[Int(r >> 8) % special.count])
            }
            return text
        }
    }

    @Test func normalizeAgreesOnEveryASCIIByte() {
        for text in Self.asciiTexts(count: 60_000) + (0..<128).map({ "a\(Character(Unicode.Scalar(UInt8($0))))b.com" }) {
            #expect(Domain.normalize(text) == Domain.normalizeCharacters(text), "\(text.debugDescription)")
        }
    }

    /// `registrable` by its labels, as it was before the byte cut.
    static func registrableByLabels(_ domain: String) -> String {
        let labels = domain.split(separator: ".").map(String.init)
        guard labels.count > 2 else { return domain }
        let lastTwo = labels.suffix(2).joined(separator: ".")
        let keep = Domain.multiLabelSuffixes.contains(lastTwo) ? 3 : 2
        return labels.suffix(keep).joined(separator: ".")
    }

    @Test func registrableAgreesWithTheLabels() {
        let dotted = Self.asciiTexts(count: 20_000).map { $0.replacingOccurrences(of: "/", with: ".") }
        for text in dotted + ["eu.acme.com", "shop.tyrell.co.uk", "tyrell.co.uk", "co.uk", "a.b.c.co.jp", "x..co.uk", ".a.b.com",
                              "a.b.com.", "acme.com", "com", "", "..", "a..b.c.com", "bücher.shop.de", "x.com.au"] {
            #expect(Domain.registrable(text) == Self.registrableByLabels(text), "\(text.debugDescription)")
        }
    }

    /// Company-name words by bytes (ASCII names) agree with the Character rules.
    @Test func nameTokensAgreeOnEveryASCIIByte() {
        for text in Self.asciiTexts(count: 30_000) + ["Acme, Inc.", "The Quill & Ink Co", "Ltd.", "3M", "AT&T Corp", "Zürich Re AG"] {
            #expect(CompanyName.tokens(text) == CompanyName.tokensOfCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func asciiTraitValuesGiveTheSameDomains() {
        for text in Self.asciiTexts(count: 20_000) + ["acme.com, beta.io;gamma.co.uk", "a.com\r\nb.com", "https://x.io/a,b;c d@e.com"] {
            #expect(Self.now(text) == Self.before(text), "\(text.debugDescription)")
        }
    }

    /// A separator followed by a combining mark, ZWJ or variation selector is one Character with it:
    /// the old split did not cut there (and trimmed " \u{301}" as whitespace), the byte split cuts
    /// between the two. Some values now give more domains (`acme.com,\u{200D}beta.com`), and some
    /// lose one: `acme.com, \u{301}beta.com` gave [acme.com, beta.com] and now gives [acme.com].
    /// This pins the old answers; the lead decides whether either direction is wanted.
    @Test(arguments: [
        "acme.com,\u{200D}beta.com", "https://a.com/x,\u{301}https://b.com", "acme.com;\u{FE0F}", "acme.com \u{0345}beta.io",
        "x@y.com, \u{20E3}z.com", "acme.com, \u{301}beta.com",
    ])
    func separatorsInsideACharacterSplitAsBefore(text: String) {
        #expect(Self.now(text) == Self.before(text), "\(text.debugDescription): now \(Self.now(text)), before \(Self.before(text))")
    }

    /// Non-ASCII text around separators that are Characters of their own splits the same way.
    @Test(arguments: ["café.com, ünï.de", "Acme.COM\u{A0}, b.io", "\u{200B}acme.com;b.io", "ａｃｍｅ.com, b.io", "é,é;é é"])
    func nonASCIIAroundPlainSeparatorsSplitsAsBefore(text: String) {
        #expect(Self.now(text) == Self.before(text), "\(text.debugDescription)")
    }
}
