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
