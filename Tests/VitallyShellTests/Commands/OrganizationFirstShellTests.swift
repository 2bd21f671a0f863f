import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// Organization-first customers through the shell, against the simulator over loopback.
@Suite struct OrganizationFirstShellTests {
    @Test func aBriefForAnOrganizationFirstAccountShowsTheOrganizationsNumbersLabelled() async throws {
        try await withSimulatedShell { shell, _, _ in
            let (out, err, status) = await shell.text("brief michael.scott@dundermifflin.com")
            #expect(status == .ok, "\(err)")
            #expect(out.contains("Health 3.2/10 (poor) · from organization Dunder Mifflin"))
            #expect(out.contains("MRR $6,400 · from organization Dunder Mifflin"))
            #expect(out.contains("Renews 2026-12-28 (in 38 days) · from organization Dunder Mifflin"))
            #expect(out.contains("Segments: Enterprise · from organization Dunder Mifflin"))
            #expect(!out.contains("No health score"))
            // Karen's NPS response is in Dunder Mifflin's list, but she is Stamford's user, not Scranton's.
            #expect(out.contains("1 NPS detractor: Michael Scott (4)"))
        }
    }

    @Test func healthAndAccountsShowLabelTheOrganizationsValuesAndShowBoth() async throws {
        try await withSimulatedShell { shell, _, _ in
            let stamford = await shell.text("health dm-stamford")
            #expect(stamford.out.contains("health 3.2/10 poor · from organization Dunder Mifflin"))
            #expect(stamford.out.contains("$6,400 · from organization Dunder Mifflin"))
            let acme = await shell.text("accounts show acme-001")
            #expect(acme.out.contains("7.4/10 good · organization Acme Holdings: 6.8/10 fair"))
            let timeline = await shell.text("timeline dm-scranton", width: 140)
            #expect(timeline.out.contains("health 3.2/10 · from organization"))
            #expect(timeline.out.contains("[Dunder Mifflin]"))
            let nps = await shell.text("nps dm-scranton")
            #expect(nps.out.contains("NPS -33 (1 promoter, 0 passive, 2 detractors) · from"))
        }
    }

    @Test func doctorSaysWhereTheDataLivesAsInformationNotFailure() async throws {
        try await withSimulatedShell({ $0.shape = .organizations }) { shell, _, _ in
            let (out, _, status) = await shell.text("doctor michael.scott@dundermifflin.com")
            #expect(status == .ok)
            #expect(out.contains("PASS  data location: data lives on the organization"))
            #expect(out.contains("health on 0 of 100 accounts, on 97 of 100 organizations"))
            #expect(!out.contains("no health score"))
        }
        try await withSimulatedShell { shell, _, _ in
            let (out, _, _) = await shell.text("doctor")
            #expect(out.contains("PASS  data location: data lives on the accounts"))
        }
    }

    /// Runs each line and expects every text in its output.
    func expectOutputs(_ shell: Shell, _ cases: [(line: String, shows: [String])], sourceLocation: SourceLocation = #_sourceLocation) async {
        for (line, texts) in cases {
            let (out, err, status) = await shell.text(line)
            #expect(status == .ok, "\(line): \(err)", sourceLocation: sourceLocation)
            for text in texts { #expect(out.contains(text), "\(line) did not show \(text):\n\(out)", sourceLocation: sourceLocation) }
        }
    }

    @Test func organizationsSearchShowAndListsAttributeItemsToTheirAccounts() async throws {
        try await withSimulatedShell({ $0.organizationLists = .inclusive }) { shell, _, _ in
            await expectOutputs(shell, [
                ("organizations search dunder", ["Dunder Mifflin", "dunder-mifflin"]),
                ("organizations show dunder-mifflin", ["3.2/10 poor", "$6,400", "dunmifsys.com"]),
                ("organizations notes 'Acme Holdings'", ["[Acme Labs]", "[Acme Corp]"]),
                ("organizations tasks dunder-mifflin", ["[Dunder Mifflin Stamford] Share release notes", "  Review expansion proposal"]),
            ])
            let none = await shell.text("organizations show no-such-org")
            #expect(none.status == .failure && none.err.contains("no organization found for 'no-such-org'"))
        }
    }

    @Test func anAccountArgumentMayNameAnOrganizationAndTheOutputSaysSo() async throws {
        try await withSimulatedShell({ $0.shape = .organizations }) { shell, _, _ in
            let (out, err, status) = await shell.text("health org-globex-17")
            #expect(status == .ok, "\(err)")
            #expect(out.hasPrefix("'org-globex-17' is the organization Globex Inc: showing its account Globex Inc"))
            #expect(out.contains("health 8.6/10 good · from organization Globex Inc"))
            let several = await shell.text("notes cyberdyne-holdings")
            #expect(several.status == .failure && several.err.contains("is the organization Cyberdyne Holdings, with"))
        }
        try await withSimulatedShell { shell, _, _ in
            // Two accounts are named like it, but it is an organization's exact name: that is what is meant.
            let named = await shell.text("health 'Dunder Mifflin'")
            #expect(named.err.contains("'Dunder Mifflin' is the organization Dunder Mifflin, with 2 accounts: Dunder Mifflin Scranton"))
            #expect(await shell.text("health acme").err.contains("2 accounts are named like 'acme'"))
        }
    }

    @Test func objectsListsCustomObjectsAndACustomersInstancesAndTheBriefShowsGoals() async throws {
        try await withSimulatedShell({ $0.instancesEnvelope = .results }) { shell, _, _ in
            await expectOutputs(shell, [
                ("objects", ["Customer Goals", "Due date, Status"]),
                ("objects dunder-mifflin 'Customer Goals'", ["organization Dunder Mifflin", "Reduce churn — Due date: 2027-02-01, Status: On track"]),
                ("objects acme-001 contracts", ["account Acme Corp", "Acme Corp MSA"]),
                ("brief pam@dundermifflin.com", ["Customer Goals: Reduce churn (Due date 2027-02-01, Status On track) · from organization Dunder Mifflin"]),
            ])
        }
    }

    @Test func theDemoSessionRunsAgainstAnOrganizationShapedTenantAndNeverSaysNoHealthScore() async throws {
        let session = try String(contentsOf: packageRoot.appendingPathComponent("scripts/demo-session.txt"), encoding: .utf8)
        let lines = session.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(lines.contains { $0.hasPrefix("organizations ") } && lines.contains { $0.hasPrefix("objects") })
        try await withSimulatedShell({ $0.shape = .organizations }) { shell, _, _ in
            var labelled = 0
            for line in lines {
                let (out, err, status) = await shell.text(line)
                if out.contains("from organization") { labelled += 1 }
                // audit's finding "no health score, MRR or owner" counts such customers; it is not a view of one.
                #expect(line.hasPrefix("audit") || !(out + err).lowercased().contains("no health score"), "\(line): \(out)")
                // Only doctor fails: its session names an address no rule can match, on purpose.
                #expect(status == .ok || line.hasPrefix("doctor"), "\(line): \(err)")
            }
            // Every health, brief and account view of this tenant reads the organization's values.
            #expect(labelled >= 12, "\(labelled) of \(lines.count) commands showed an organization's values")
        }
    }
}
