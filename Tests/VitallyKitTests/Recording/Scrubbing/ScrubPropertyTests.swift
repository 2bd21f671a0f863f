import Foundation
import Testing
import VitallySimulator
@testable import VitallyKit

/// Random records nobody here wrote by hand: random trait keys and nesting, names in every Unicode
/// form and case, emails in several scripts, phones in several layouts, free text anywhere.
/// None of the planted values may survive the scrub in any decoded form.
@Suite struct ScrubPropertyTests {
    /// The simulator's seeded generator: the same records on every run for a seed.
    typealias Generator = SeededRandom

    static let givenNames = ["Zoë", "Jürgen", "Øystein", "Siobhán", "Renée", "Юлия", "Дмитрий", "太郎", "Αλέξης", "Nguyễn", "Chloé", "Łukasz"]
    static let familyNames = ["O'Brien", "Weiß", "Løkke", "Ivanova", "山田", "Παπαδόπουλος", "Dvořák", "Müller-Lüdenscheidt", "Çelik"]
    static let emailDomains = ["acme.com", "bücher.de", "пример.рф", "例え.jp", "ACME.COM"]

    static func forms(of name: String, _ g: inout Generator) -> String {
        switch Int.random(in: 0..<4, using: &g) {
        case 0: return name.precomposedStringWithCanonicalMapping
        case 1: return name.decomposedStringWithCanonicalMapping
        case 2: return name.uppercased()
        default: return name.lowercased()
        }
    }

    static func planted(_ g: inout Generator) -> (value: String, needles: [String]) {
        let given = givenNames.randomElement(using: &g)!
        let family = familyNames.randomElement(using: &g)!
        switch Int.random(in: 0..<5, using: &g) {
        case 0:
            let name = forms(of: "\(given) \(family)", &g)
            return (name, [given, family])
        case 1:
            let local = forms(of: given, &g).lowercased() + "." + String(Int.random(in: 10...99, using: &g))
            return (local + "@" + emailDomains.randomElement(using: &g)!, [local + "@"])
        case 2:
            let digits = (0..<9).map { _ in String(Int.random(in: 0...9, using: &g)) }.joined()
            let layouts = ["+1 (\(digits.prefix(3))) \(digits.dropFirst(3).prefix(3))-\(digits.suffix(3))", "0\(digits)", "+44 \(digits)"]
            return (layouts.randomElement(using: &g)!, [String(digits.suffix(7))])
        case 3:
            return ("Spoke with \(forms(of: given, &g)) about renewal; \(family) to follow up", [given, family])
        default:
            let email = forms(of: given, &g).lowercased() + "@acme.com"
            let cursor = Data(#"{"email":"\#(email)"}"#.utf8).base64EncodedString()
            return (cursor, [email])
        }
    }

    static func randomKey(_ g: inout Generator) -> String {
        let pieces = ["vitally.custom.", "hubspot.", "zz_future.", "", "salesforce.", "x."]
        let words = ["champion", "owner_name", "cell", "whatsapp", "notes", "details", "reason", "bodyPlain", "from", "misc", "qx\(Int.random(in: 0...999, using: &g))"]
        return pieces.randomElement(using: &g)! + words.randomElement(using: &g)!
    }

    @Test func noPlantedValueSurvivesInRandomRecords() throws {
        var g = Generator(seed: 21)
        var needles: [String] = []
        for round in 0..<40 {
            var records: [JSONValue] = []
            needles.removeAll()
            for index in 0..<5 {
                var traits = JSONObject()
                for _ in 0..<Int.random(in: 1...6, using: &g) {
                    let (value, found) = Self.planted(&g)
                    needles += found
                    let key = Self.randomKey(&g)
                    switch Int.random(in: 0..<4, using: &g) {
                    case 0: traits[key] = .string(value)
                    case 1: traits[key] = ["nested": ["deeper": .string(value)]]
                    case 2: traits[key] = .string(JSONValue.object(JSONObject([("v", .string(value))])).serialized())
                    default:
                        // The planted value as a key.
                        traits[value] = .number(1)
                    }
                }
                records.append(["id": .string("r-\(round)-\(index)"), "createdAt": "2026-11-20T13:53:24.594Z", "traits": .object(traits)])
            }
            let body = JSONValue.object(JSONObject([("results", .array(records)), ("next", .null)])).serialized()
            let path = ["accounts", "users", "notes", "zzfuture"].randomElement(using: &g)!
            let har = ScrubAttackTests.har(url: "https://acme.rest.vitally.io/resources/\(path)?limit=100", body: body)
            let (bytes, _) = try RecordingScrubber.scrub(bytes: Array(har.utf8), options: ScrubOptions(salt: "property-salt-0123456789"))
            let all = ScrubAttackTests.forms(String(decoding: bytes, as: UTF8.self))
            for needle in needles {
                let folded = needle.precomposedStringWithCanonicalMapping.lowercased()
                #expect(!all.contains(folded), "round \(round): \(needle) survived")
            }
        }
    }
}
