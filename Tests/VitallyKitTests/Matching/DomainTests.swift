import Testing
import VitallyKit

@Suite struct DomainTests {
    @Test(arguments: [
        ("https://www.Acme.com/", "acme.com"), ("acme.com", "acme.com"), ("http://tyrell.co.uk:8080/about?x=1", "tyrell.co.uk"),
        ("WWW.GLOBEX.COM.", "globex.com"), ("pat@Eu.Acme.com", "eu.acme.com"),
    ])
    func normalises(input: String, expected: String) {
        #expect(Domain.normalize(input) == expected)
    }

    @Test(arguments: ["", "not a domain", "localhost", "acme..com", "https://"])
    func refusesNonDomains(input: String) {
        #expect(Domain.normalize(input) == nil)
    }

    @Test(arguments: [
        ("eu.acme.com", "acme.com"), ("acme.com", "acme.com"), ("shop.tyrell.co.uk", "tyrell.co.uk"), ("a.b.example.com.au", "example.com.au"),
    ])
    func registrableDomains(input: String, expected: String) {
        #expect(Domain.registrable(input) == expected)
    }

    @Test func freeMailAndCompanyLabels() {
        #expect(Domain.isFreeMail("gmail.com") && Domain.isFreeMail("proton.me") && !Domain.isFreeMail("acme.com"))
        #expect(Domain.companyLabel("eu.acme.co.uk") == "acme")
        #expect(CompanyName.normalize("Acme, Inc.") == "acme")
        #expect(CompanyName.normalize("Stark Industries GmbH") == "stark industries")
        #expect(CompanyName.score(accountName: "Pied Piper", title: nil, domainLabel: "piedpiper") == 1)
        #expect(CompanyName.score(accountName: "Acme Corp", title: "Acme QBR", domainLabel: nil) == 1)
        #expect(CompanyName.score(accountName: "Globex Inc", title: "Weekly sync", domainLabel: "hooli") < 0.9)
    }

    @Test func domainTraitsFindDomainsUnderEveryKnownKey() throws {
        let account = Account(json: try JSONParser.parse(#"""
            {"id":"a","name":"X","traits":{"hubspot.domain":"x.com","salesforce.Website":"https://www.X-Corp.io/","vitally.custom.companyDomain":"X.DE","vitally.custom.plan":"Gold","website":null}}
            """#))
        let found = DomainTraits().domains(of: account).map(\.domain).sorted()
        #expect(found == ["x-corp.io", "x.com", "x.de"])
        let fields = [CustomField(json: ["label": "Primary web address URL", "path": "vitally.custom.primaryWeb"])]
        #expect(DomainTraits(customFields: fields).keys.contains("vitally.custom.primaryWeb"))
    }
}

/// `Domain.normalize` reads ASCII as bytes; it must say what the Character rules say, on any text.
@Suite struct DomainFastPathTests {
    @Test func theByteAndCharacterPathsAgree() {
        var fixed = [
            " https://WWW.Acme.com:443/x ", "www.", "WWW.x.io", "a@b@c.com", "x://y://z.com", "acme.com...", ".acme.com",
            "acme.com\r\n", "\tacme.com\u{0B}", "ac me.com", "a_b.com", "-a-.b-", String(repeating: "a", count: 63) + ".com",
            String(repeating: "a", count: 64) + ".com", "mailto:x@y.com", "acme.com#frag", "ftp://[::1]/", "1.2.3.4",
            "acme.com\u{7F}", "acme.com\u{1C}", "", " ", "@", "://", "a.b:c/d?e#f",
        ]
        // A seeded walk over the bytes that matter to the rules.
        let alphabet = Array("aZ09-._@:/?#w W\t\r\n\u{0B}\u{7F}")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for step in 0..<Int(state >> 60) + 1 {
                let pick = (state >> UInt64(step * 4 % 56)) & 0xFF
                text.append(alphabet[Int(pick) % alphabet.count])
            }
            fixed.append(text)
        }
        for text in fixed {
            #expect(Domain.normalize(text) == Domain.normalizeCharacters(text), "\(text.debugDescription)")
        }
    }

    /// The company label is the registrable domain's first label as `split` finds it, for any text:
    /// ASCII takes a byte path, which must agree.
    @Test func theCompanyLabelIsTheFirstLabelForAnyText() {
        var random = SplitMix(seed: 134)
        let parts = ["acme", "co", "uk", "com", ".", "..", "-", "x1", "eu", "\u{0301}", "é", "bücher", "ＡＢ"]
        for _ in 0..<20_000 {
            let domain = (0..<Int.random(in: 1...7, using: &random)).map { _ in parts.randomElement(using: &random)! }.joined()
            let defined = Domain.registrable(domain).split(separator: ".").first.map(String.init) ?? domain
            #expect(Domain.companyLabel(domain) == defined, "\(domain.debugDescription)")
        }
    }
}
