import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// The audit against the simulator's messy scenario over loopback: each finding kind names the
/// customer built to have it.
@Suite struct AuditTests {
    func audit(users: Bool, scenario: TenantScenario = .messy) async throws -> AuditReport {
        try await withSimulator({ $0.scenario = scenario }) { client, _ in
            let auditor = Auditor(client: client, directory: AccountDirectory(client: client, tenant: "t"), team: TeamDirectory(client: client))
            return try await auditor.run(users: users)
        }
    }

    func names(_ report: AuditReport, _ kind: AuditFinding.Kind) throws -> [String] {
        try #require(report.finding(kind)).examples.map(\.name)
    }

    func rows(_ report: AuditReport, _ kind: AuditFinding.Kind) -> [String] {
        report.rows.filter { $0.kind == kind }.map(\.name)
    }

    @Test func everyFindingKindNamesTheMessyCustomerBuiltForIt() async throws {
        let report = try await audit(users: true)
        #expect(report.findings.map(\.kind) == AuditFinding.Kind.allCases)
        #expect(report.usersRead ?? 0 > 0)
        // No domain anywhere: no trait, no user at a company domain.
        let noDomain = rows(report, .noDomain)
        #expect(noDomain.contains("Nimbus Freight"))
        #expect(noDomain.contains("Quill & Ink"))
        #expect(noDomain.contains("Harbor Collective East"))
        #expect(noDomain.contains("Harbor Collective"))
        #expect(!noDomain.contains("Orbitron"))
        // Wayne Enterprises has no trait and one user on outlook.com: contact association only.
        #expect(noDomain.contains("Wayne Enterprises"))
        // Shared: two active accounts on orbitron.io; Stark's two accounts on stark.com.
        let shared = try #require(report.finding(.sharedDomain))
        #expect(shared.examples.contains { $0.name == "orbitron.io" && $0.detail.contains("Orbitron, Orbitron Europe") })
        #expect(rows(report, .sharedDomain).contains("Stark Industries EMEA"))
        #expect(shared.unit == "domains")
        // Churned and active on one domain (the random tenant has a few too; Hooli holds hooli.com alone).
        let churned = try #require(report.finding(.churnedDomain))
        #expect(churned.examples.contains { $0.name == "lakesidedental.com" && $0.detail == "churned Lakeside Dental and active Lakeside Dental Group" })
        #expect(rows(report, .churnedDomain).contains("Lakeside Dental"))
        #expect(!churned.examples.contains { $0.name == "hooli.com" })
        // Every user on free mail.
        let freeMail = rows(report, .freeMailOnly)
        #expect(freeMail.contains("Nimbus Freight"))
        #expect(freeMail.contains("Wayne Enterprises"))
        #expect(!freeMail.contains("Pied Piper"))  // one user on gmail, one at piedpiper.com
        // Our own domain on a customer; contractors' seats at initech.com and umbrella-health.com count too.
        let ownDomain = try #require(report.finding(.internalDomain))
        #expect(ownDomain.examples.contains { $0.name == "Brightwave Partners" && $0.detail.contains("brightwave.io") })
        #expect(report.teamDomains.contains("brightwave.io"))
        // Names.
        #expect(try names(report, .unmatchableName).sorted() == ["Ltd.", "Test Account"])
        // Missing data, at account and organization level; Dunder Mifflin's accounts have it from their organization.
        for kind in [AuditFinding.Kind.noHealthScore, .noMRR, .noOwner] {
            let missing = rows(report, kind)
            #expect(missing.contains("Harbor Collective East"), "\(kind)")
            #expect(missing.contains("Harbor Collective"), "\(kind)")
            #expect(!missing.contains("Dunder Mifflin Scranton"), "\(kind)")
        }
        #expect(rows(report, .noOwner).contains("Zephyr Analytics"))
        #expect(rows(report, .noHealthScore).contains("Zephyr Analytics"))
        #expect(!rows(report, .noOwner).contains("Acme Corp"))
        // The domain-like field matching does not read, with a label the matcher would read.
        let field = try #require(report.finding(.unusedDomainField))
        #expect(field.examples.map(\.name) == ["vitally.custom.companySite"])
        #expect(field.examples[0].detail.contains("Kestrel Robotics: kestrel-robotics.com"))
        #expect(field.examples[0].detail.contains("\"Company site domain\""))
        // Counts, shares and the example cap hold together.
        for finding in report.findings {
            #expect(finding.examples.count <= Audit.exampleLimit)
            #expect(finding.accounts <= report.activeAccounts)
            #expect(abs(finding.share - Double(finding.accounts) / Double(report.activeAccounts)) < 0.001)
        }
        #expect(report.reach.map(\.accounts).reduce(0, +) == report.activeAccounts)
    }

    @Test func withoutUsersTheUserChecksSayTheyWereNotMade() async throws {
        let report = try await audit(users: false)
        #expect(report.usersRead == nil)
        let freeMail = try #require(report.finding(.freeMailOnly))
        #expect(freeMail.count == 0)
        #expect(freeMail.note?.contains("audit --users") == true)
        #expect(try #require(report.finding(.noDomain)).note?.contains("--users") == true)
        #expect(report.reach.first { $0.way == .userDomain }?.accounts == 0)
    }

    @Test func theStandardTenantHasNoneOfTheMessyCustomers() async throws {
        let report = try await audit(users: false, scenario: .standard)
        #expect(report.finding(.unusedDomainField)?.count == 0)
        #expect(!report.rows.contains { $0.name.hasPrefix("Orbitron") || $0.name == "Ltd." })
        #expect(report.finding(.unmatchableName)?.count == 0)
    }

    @Test(arguments: [
        ("Ltd.", false), ("Inc", false), ("Test Account", false), ("Demo", false), ("AB", false),
        ("Acme Corp", true), ("Quill & Ink", true), ("3M", false), ("IBM", true),
    ])
    func namesThatCannotCorrelate(name: String, correlates: Bool) {
        #expect(Audit.nameCorrelates(name) == correlates)
    }

    @Test(arguments: [
        ("kestrel-robotics.com", "kestrel-robotics.com"), ("https://www.Kestrel.io/about", "kestrel.io"), ("3.5", nil),
        ("v2.1", nil), ("ann@kappa.com", nil), ("Enterprise", nil), ("two words.com", nil),
    ] as [(String, String?)])
    func domainLookalikes(value: String, domain: String?) {
        #expect(Domain.lookalike(value) == domain)
    }
}
