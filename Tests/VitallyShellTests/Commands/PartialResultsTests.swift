import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// One attendee's failed lookup never fails the others: the rule is marked "could not check",
/// matching goes on, and the exit status says partial (3).
@Suite struct PartialResultsTests {
    @Test func aSearchThatTimesOutForOneAttendeeLeavesTheOthersBriefIntact() async throws {
        var options = SimulatorOptions(token: shellTestToken, anchor: shellTestAnchor)
        options.failRate = 0
        let simulator = try await SimulatorServer.start(options)
        defer { Task { await simulator.stop() } }
        // Every try of Zed's own search (three, with retries) answers after the client's timeout.
        for _ in 0..<3 { await simulator.state.inject(.delay(milliseconds: 2_500), pathPrefix: "/resources/users/search?email=zed*") }
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var environment = ShellEnvironment(
            environmentCredentials: Credentials(subdomain: "acme", token: shellTestToken, baseURL: simulator.baseURL, source: .environment),
            cacheDirectory: scratch.appendingPathComponent("cache"), recordingsDirectory: scratch, workingDirectory: packageRoot,
            clock: { shellTestAnchor })
        environment.requestTimeoutSeconds = 1
        let shell = Shell(environment: environment)
        _ = await shell.start()
        let (out, err, status) = await shell.text("brief pat.lee@acme.com zed@acme.com --title 'Acme QBR'")
        #expect(status == .partial, "\(err)")
        #expect(out.contains("pat.lee@acme.com -> Acme Corp (contact association"), "\(out)")
        #expect(out.contains("Acme Corp (ext acme-001)") && out.contains("Health"), "the other attendee's brief is intact")
        // Zed's rule 1 timed out; rule 2 (colleagues at acme.com) still matched.
        #expect(out.contains("zed@acme.com -> Acme Corp (email domain"), "\(out)")
        #expect(out.contains("Data coverage (attendees)"))
        #expect(out.contains("zed@acme.com: rule 1 (contact association) could not be checked (timeout after 1 s): GET /resources/users/search?email=zed%40acme.com"), "\(out)")
    }

    @Test func anAccountWhoseRecordFailsIsNamedAndTheOthersAreBriefed() async throws {
        try await withSimulatedShell { shell, simulator, _ in
            let soylent = try #require(simulator.handler.api.data.accounts.first { $0["externalId"]?.string == "soylent" }?["id"]?.string)
            // A leading * makes the pattern a whole-request glob: the record itself, not its lists.
            for _ in 0..<3 { await simulator.state.inject(.status(503), pathPrefix: "*/resources/accounts/\(soylent)") }
            let (out, err, status) = await shell.text("brief pat.lee@acme.com sol@soylent.com")
            #expect(status == .partial, "\(err)")
            #expect(out.contains("Acme Corp (ext acme-001)"), "the other account is briefed: \(out)")
            #expect(out.contains("Account \(soylent) not shown: GET /resources/accounts/\(soylent) failed (HTTP 503 after retries)"), "\(out)")
        }
    }

    @Test func matchOfFourWithOneMissingFromTheRecordingGivesThreeAnswersAndStatusThree() async throws {
        let (shell, scratch) = makeShell()
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = await shell.text("replay \(packageRoot.appendingPathComponent("recordings/demo.har").path)")
        let emails = ["pat.lee@acme.com", "jordan.kim@acme.com", "zed@unrecorded-example.org", "jane.doe@gmail.com"]
        let (out, err, status) = await shell.text("match " + emails.joined(separator: " "))
        #expect(status == .partial, "\(err)")
        #expect(out.contains("pat.lee@acme.com  ->  Acme Corp (ext acme-001)"))
        #expect(out.contains("jordan.kim@acme.com  ->  Acme Corp (ext acme-001)"))
        #expect(out.contains("jane.doe@gmail.com (free mail)  ->  Pied Piper"), "\(out)")
        #expect(out.contains("1) contact association: users/search?email=zed@unrecorded-example.org: could not check"), "\(out)")
        #expect(out.contains("the recording): GET /resources/users/search?email=zed%40unrecorded-example.org"))
        #expect(out.contains("Partial: 1 of 4 attendees could not be fully checked"))
        #expect(out.contains("--record-mode missing"))
        let json = await shell.text("match --json " + emails.joined(separator: " "))
        let parsed = try JSONParser.parse(json.out)
        #expect(parsed[2]?["partial"]?.bool == true)
        #expect(parsed[2]?["failures"]?[0]?["request"]?.string == "GET /resources/users/search?email=zed%40unrecorded-example.org")
        #expect(parsed[0]?["partial"] == nil)
    }
}

/// What `doctor` says about a degraded tenant, as the user reads it.
@Suite struct DoctorConnectionWordingTests {
    @Test func aFlakyTenantIsNeverAllPassedAndJSONCarriesTheNumbers() async throws {
        try await withSimulatedShell({ $0.failRate = 0.5 }) { shell, _, _ in
            let (out, _, _) = await shell.text("doctor pat.lee@acme.com")
            #expect(!out.contains("All checks passed"), "\(out)")
            #expect(out.contains("connection: "), "\(out)")
            #expect(out.contains("retries (") || out.contains("failed after retries"), "\(out)")
            let json = try JSONParser.parse(await shell.text("doctor --json").out)
            let connection = try #require(json["connection"])
            #expect((connection["requests"]?.double ?? 0) > 0)
            #expect(connection["medianSeconds"]?.double != nil)
            #expect(connection["retries"]?.array?.isEmpty == false || connection["failedAfterRetries"]?.array?.isEmpty == false)
        }
    }
}
