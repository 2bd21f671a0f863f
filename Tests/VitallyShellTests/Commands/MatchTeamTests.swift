import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// `match` says why an admin's domain is or is not internal, and names the admin.
@Suite struct MatchTeamTests {
    @Test func matchNamesTheAdminAndTheCustomerEvidence() async throws {
        try await withSimulatedShell { shell, _, _ in
            let out = await shell.text("match someone.new@umbrella-health.com bill@initech.com new.hire@brightwave.io", width: 300).out
            // Only an account trait holds umbrella-health.com: not internal, and which trait says so.
            #expect(out.contains("not internal: umbrella-health.com is the domain of admin Kai Tan <kai@umbrella-health.com>, but Vitally "
                + "holds it as a customer's too (Umbrella Health's trait vitally.custom.companyDomain), so it is not internal"), "\(out)")
            #expect(out.contains("someone.new@umbrella-health.com  ->  Umbrella Health (ext umbrella)"))
            // A user of a customer at initech.com.
            #expect(out.contains("not internal: initech.com is the domain of admin Ravi Shah <ravi@initech.com>, but Vitally holds it "
                + "as a customer's too (1 user there belongs to accounts), so it is not internal"))
            // Our own domain: internal, and the admin who makes it so is named.
            #expect(out.contains("new.hire@brightwave.io  internal: your own team, not a customer (brightwave.io is the domain of admin "))
        }
    }
}
