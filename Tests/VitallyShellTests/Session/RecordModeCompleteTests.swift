import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// `--record-mode complete`: a brief reads the newest page of each list; the recording still ends
/// up holding every list to its end, read in the background, with the progress in `status`.
@Suite struct RecordModeCompleteTests {
    /// Records one brief of Massive Dynamic (more than a page of notes, conversations and tasks).
    func record(_ mode: RecordMode) async throws -> (coverage: [JSONValue], status: String, stop: String) {
        var options = SimulatorOptions(token: shellTestToken, anchor: shellTestAnchor)
        options.bulkActivity = 60
        let simulator = try await SimulatorServer.start(options)
        let credentials = Credentials(subdomain: "acme", token: shellTestToken, baseURL: simulator.baseURL, source: .environment)
        let (shell, scratch) = makeShell(credentials: credentials)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let started = await shell.start(record: "complete.har", recordMode: mode)
        #expect(started.error == nil)
        #expect(await shell.text("brief nina@massivedynamic.com").status == .ok)
        let status = await shell.text("status").out
        let stop = await shell.text("record stop").out
        let coverage = try JSONParser.parse(Array(await shell.text("recordings show complete.har --coverage --json").out.utf8))
        await simulator.stop()
        return (coverage.array ?? [], status, stop)
    }

    func complete(_ rows: [JSONValue], _ resource: String) -> Bool? {
        rows.first { $0["resource"]?.string == resource && $0["scope"]?.string?.hasPrefix("accounts/") == true }?["complete"]?.bool
    }

    @Test func partlyReadListsAreReadToTheirEndInTheBackground() async throws {
        let run = try await record(.complete)
        #expect(complete(run.coverage, "notes") == true)
        #expect(complete(run.coverage, "conversations") == true)
        let notes = try #require(run.coverage.first { $0["resource"]?.string == "notes" && $0["scope"]?.string != "tenant" })
        #expect((notes["items"]?.int ?? 0) > 150)
        #expect(run.status.contains("Completing lists"))
        #expect(run.stop.contains("Completed in the background: 3 of 3 partly read lists read to their end"))
    }

    @Test func offByDefault() async throws {
        let run = try await record(.all)
        #expect(complete(run.coverage, "notes") == false)
        #expect(!run.status.contains("Completing lists"))
        #expect(!run.stop.contains("background"))
    }
}
