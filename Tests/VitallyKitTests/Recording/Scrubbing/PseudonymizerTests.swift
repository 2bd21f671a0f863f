import Testing
@testable import VitallyKit

/// Pseudonyms that stand for one of many values (emails, domains, externalIds) must stay
/// distinct at a tenant's scale: two originals that share one merge two accounts in the copy.
@Suite struct PseudonymizerTests {
    let pseudonyms = Pseudonymizer(salt: "a-salt-of-sixteen-chars")

    /// 30,000 domains, as a large tenant's recording holds: no two share a pseudonym (with the
    /// 24 bits a domain had before, about 27 pairs did).
    @Test func thirtyThousandDomainsGetThirtyThousandPseudonyms() {
        let count = 30_000
        let domains = Set((0..<count).map { pseudonyms.domain("company\($0).example") })
        #expect(domains.count == count)
    }

    /// Each of the three carries 48 bits (12 hex digits), where a million values share one with
    /// odds of about 1 in 500.
    @Test func emailsDomainsAndExternalIdsCarryFortyEightBits() {
        let hex = { (s: Substring) in s.count == 12 && s.allSatisfy(\.isHexDigit) }
        #expect(hex(pseudonyms.emailLocalPart("pat.lee").dropFirst("person-".count)))
        #expect(hex(pseudonyms.domain("acme.com").dropFirst("org-".count).dropLast(".example".count)))
        #expect(hex(pseudonyms.externalId("acme-001").dropFirst("ext-".count)))
    }

    /// 10,000 account names of one word, bare or with a legal suffix (most names in a CRM): five
    /// syllables (2.2 x 10^9 pseudonyms, as the bytes fall) leave about 0.02 pairs sharing one,
    /// where three syllables left about 120. This salt gives one pair (`Dadofakago Inc`).
    @Test func oneWordAccountNamesRarelyShareAPseudonym() {
        let names = (0..<10_000).map { $0 % 2 == 0 ? "Brand\($0)" : "Brand\($0) Inc" }
        let renamed = names.map(pseudonyms.accountName)
        #expect(names.count - Set(renamed).count <= 2, "\(names.count - Set(renamed).count) shared")
        #expect(renamed[1].hasSuffix(" Inc") && renamed[1].split(separator: " ").count == 2)
    }

    /// 10,000 person names of one word (a first name alone, a nickname): four syllables leave a
    /// pair or two sharing one, where two syllables (5,625 pseudonyms) left 5,395.
    /// Names of two words keep their two-word shape.
    @Test func oneWordPersonNamesRarelyShareAPseudonym() {
        let names = (0..<10_000).map { "Person\($0)" }
        let renamed = names.map(pseudonyms.personName)
        #expect(names.count - Set(renamed).count <= 5, "\(names.count - Set(renamed).count) shared")
        #expect(renamed.allSatisfy { !$0.contains(" ") && $0.count == 8 })
        #expect(pseudonyms.personName("Pat Lee").split(separator: " ").count == 2)
        #expect(pseudonyms.personName("pat") == pseudonyms.personName("PAT"))
    }
}
