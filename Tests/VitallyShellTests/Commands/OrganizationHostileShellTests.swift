import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// Organization-first tenants in hostile shapes, through the shell against the simulator over
/// loopback: an organization that cannot be read is named with its request, never shown as "no score".
@Suite struct OrganizationHostileShellTests {
    /// The organization id Dunder Mifflin Scranton names.
    func scrantonOrganizationId(_ simulator: RunningSimulator) async throws -> String {
        let live = LiveTransport(endpoint: try .custom(simulator.baseURL), token: shellTestToken, timeoutSeconds: 5)
        return try #require(try await VitallyClient(transport: live).account(id: "dm-scranton").organizationId)
    }

    @Test func anOrganizationThatCannotBeReadIsNamedNotShownAsNoScore() async throws {
        try await withSimulatedShell { shell, simulator, _ in
            let orgId = try await scrantonOrganizationId(simulator)
            // Only the organization's own record (no query), not its lists.
            await simulator.state.inject(.status(404), pathPrefix: "*/organizations/\(orgId)")
            let health = await shell.text("health dm-scranton")
            #expect(health.out.contains("its organization \(orgId) could not be read"), "\(health.out)")
            #expect(health.out.contains("/resources/organizations/\(orgId)") && health.out.contains("404"), "\(health.out)")
            await simulator.state.inject(.status(404), pathPrefix: "*/organizations/\(orgId)")
            let show = await shell.text("accounts show dm-scranton")
            #expect(show.out.contains("its organization \(orgId) could not be read"), "\(show.out)")
            await simulator.state.inject(.status(404), pathPrefix: "*/organizations/\(orgId)")
            let brief = await shell.text("brief michael.scott@dundermifflin.com")
            #expect(!brief.out.contains("No health score in Vitally for this account"), "\(brief.out)")
            #expect(brief.out.contains("Organization \(orgId) not read: GET /resources/organizations/\(orgId) failed (HTTP 404)"), "\(brief.out)")
            #expect(brief.status == .partial)
        }
    }

    @Test func anOrganizationsInstanceThatNamesAnAccountIsThatAccountsShownOnceNeverASiblings() async throws {
        try await withSimulatedShell { shell, _, _ in
            // "Stamford on SSO" carries customerId = Stamford and organizationId = Dunder Mifflin:
            // both searches return it.
            let stamford = await shell.text("brief karen@dundermifflin.com")
            #expect(stamford.out.components(separatedBy: "Stamford on SSO").count == 2, "\(stamford.out)")
            #expect(stamford.out.contains("Customer Goals: Stamford on SSO (Due date 2027-01-04, Status On track)\n"), "\(stamford.out)")
            let scranton = await shell.text("brief michael.scott@dundermifflin.com")
            #expect(!scranton.out.contains("Stamford on SSO") && scranton.out.contains("Reduce churn"), "\(scranton.out)")
            let org = await shell.text("objects dunder-mifflin 'Customer Goals'")
            #expect(org.out.contains("  [Dunder Mifflin Stamford] Stamford on SSO"), "\(org.out)")
            let account = await shell.text("objects dm-scranton 'Customer Goals'")
            #expect(account.out.contains("none for this account; its organization's: 'objects "), "\(account.out)")
        }
    }

    @Test func anOrganizationWithManyAccountsSaysTheRestAreNotShownNotHidesThem() async throws {
        try await withSimulatedShell { shell, _, _ in
            // Cyberdyne Holdings has 9 accounts; Cyberdyne Systems is not among the first six.
            let (_, err, status) = await shell.text("health cyberdyne-holdings")
            #expect(status == .failure)
            #expect(err.contains("with 9 accounts: ") && err.contains(", … (all: 'organizations accounts cyberdyne-holdings')"), "\(err)")
        }
    }

    @Test func aDomainHeldOnlyByAnOrganizationIsAnAccountArgumentToo() async throws {
        try await withSimulatedShell { shell, _, _ in
            // match finds dunmifsys.com by rule 4; an ACCOUNT argument said "no account found".
            let (_, err, _) = await shell.text("health dunmifsys.com")
            #expect(err.contains("'dunmifsys.com' is the organization Dunder Mifflin, with 2 accounts: Dunder Mifflin Scranton"), "\(err)")
            let objects = await shell.text("objects dunmifsys.com 'Customer Goals'")
            #expect(objects.out.contains("organization Dunder Mifflin") && objects.out.contains("Reduce churn"), "\(objects.out) \(objects.err)")
            // Acme Holdings' traits hold acme.com too, but acme.com is Acme Corp's domain: the account is meant.
            let acme = await shell.text("objects acme.com contracts")
            #expect(acme.out.contains("account Acme Corp") && acme.out.contains("Acme Corp MSA"), "\(acme.out) \(acme.err)")
            let none = await shell.text("health nosuchdomain.io")
            #expect(none.err.contains("no account or organization trait holds nosuchdomain.io"), "\(none.err)")
        }
    }

    @Test func theOrganizationsShapeMovesTheNPSCountsWithTheScore() async throws {
        try await withSimulatedShell({ $0.shape = .organizations }) { shell, _, _ in
            // Acme Holdings had no score and zero counts; the first of its accounts' NPS (Acme Corp, newest
            // updated: one of each) moved to it whole. It said "0 (0 promoters, 0 passive, 0 detractors)".
            let (out, err, _) = await shell.text("health acme-001")
            #expect(out.contains("NPS           0 (1 promoter, 1 passive, 1 detractor) · from organization Acme Holdings"), "\(out) \(err)")
        }
    }

    @Test func aGoalSearchThatFailsIsNamedInDataCoverageNotLeftOut() async throws {
        try await withSimulatedShell { shell, simulator, _ in
            await simulator.state.inject(.status(404), pathPrefix: "/resources/customObjects/5d0c7a3e-6b1f-4c2a-9e8d-7f3b2a1c0d4e/instances/search?organizationId=")
            let (out, _, _) = await shell.text("brief michael.scott@dundermifflin.com")
            #expect(!out.contains("Reduce churn"))
            #expect(out.contains("Customer Goals not read: GET /resources/customObjects/5d0c7a3e-6b1f-4c2a-9e8d-7f3b2a1c0d4e/instances/search failed (HTTP 404)"), "\(out)")
        }
    }

    @Test func doctorSaysAnUnreadOrganizationNotNoHealthScore() async throws {
        try await withSimulatedShell { shell, simulator, _ in
            let orgId = try await scrantonOrganizationId(simulator)
            for _ in 0..<4 { await simulator.state.inject(.status(404), pathPrefix: "*/organizations/\(orgId)") }
            let (wrapped, _, _) = await shell.text("doctor michael.scott@dundermifflin.com", width: 1000)
            let out = wrapped.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(out.contains("could not read GET /resources/organizations/\(orgId)"), "\(out)")
            #expect(!out.contains("no health score"), "\(out)")
        }
    }
}

/// `organizations search` stops at its read cap; the cap is said in JSON mode too, never a bare `[]`.
@Suite struct OrganizationSearchCapTests {
    @Test func theCapIsSaidOnStderrWhenTheAnswerIsJSON() async throws {
        try await withSimulatedShell({ $0.shape = .organizations; $0.accountCount = 2_300 }) { shell, _, _ in
            let text = await shell.text("organizations search no-such-organization")
            #expect(text.out.contains("searched the first \(OrganizationDirectory.scanLimit) organizations only"), "\(text.out)")
            let json = await shell.run(line: "organizations search no-such-organization --json")
            #expect(json.first?.asJSON == true)
            #expect(json.first?.output.json == .array([]))
            #expect(json.first?.warnings.contains { $0.contains("searched the first \(OrganizationDirectory.scanLimit) organizations only") } == true,
                    "\(json.first?.warnings ?? [])")
        }
    }
}
