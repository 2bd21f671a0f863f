import Foundation
import Testing
import VitallyKit
import VitallyShell

/// The demo's history (made with demo.har by scripts/make-demo-recording.sh), as `make demo` passes it.
let demoHistory = packageRoot.appendingPathComponent("recordings/demo-history.sqlite").path

/// Output replayed from recordings/demo.har (with the demo's history) compared with checked-in files.
/// Re-record with: VITALLY_RECORD_GOLDEN=1 swift test --filter GoldenTests (which then fails on purpose).
@Suite(.serialized) struct GoldenTests {
    static let cases: [(file: String, line: String)] = [
        ("help.txt", "help"),
        ("help-brief.txt", "help brief"),
        ("health-acme.txt", "health acme.com"),
        ("tasks-soylent.txt", "tasks soylent.com"),
        ("match.txt", "match pat.lee@acme.com jane.doe@gmail.com casey.wu@eu.acme.com someone@umbrella-health.com pepper.potts@stark.com gavin@hooli.com dana@brightwave.io nobody@nowhere-example.com"),
        ("brief-acme.txt", "brief pat.lee@acme.com jordan.kim@acme.com dana@brightwave.io --title \"Acme QBR\""),
        ("brief-soylent.md", "brief sol@soylent.com --format markdown"),
        ("brief-acme.json", "brief pat.lee@acme.com --json"),
        ("brief-ics.txt", "brief --ics examples/acme-qbr.ics"),
        ("doctor.txt", "doctor pat.lee@acme.com nobody@nowhere-example.com jane.doe@gmail.com gavin@hooli.com"),
    ]

    @Test(arguments: cases.map(\.file))
    func replayedOutputMatchesTheGoldenFile(file: String) async throws {
        let line = try #require(GoldenTests.cases.first { $0.file == file }).line
        let (shell, scratch) = makeShell(recordings: packageRoot.appendingPathComponent("recordings"), clock: Date())
        defer { try? FileManager.default.removeItem(at: scratch) }
        await shell.configureHistory(file: demoHistory, disabled: false)
        let opened = await shell.start(replay: "demo.har")
        #expect(opened.error == nil)
        let result = await shell.text(line)
        let actual = result.out + (result.err.isEmpty ? "" : "stderr: " + result.err + "\n")
        let golden = packageRoot.appendingPathComponent("Tests/VitallyShellTests/Golden/\(file)")
        if ProcessInfo.processInfo.environment["VITALLY_RECORD_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: golden)
            // As swift-snapshot-testing does: a re-record never passes, so it cannot go unnoticed.
            Issue.record("re-recorded \(file); review the diff, then run again without VITALLY_RECORD_GOLDEN")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "replayed '\(line)' differs from \(file); re-record with VITALLY_RECORD_GOLDEN=1 if intended")
    }

    @Test func twoReplaysPrintTheSameBytes() async throws {
        func once() async throws -> String {
            let (shell, scratch) = makeShell(recordings: packageRoot.appendingPathComponent("recordings"), clock: Date())
            defer { try? FileManager.default.removeItem(at: scratch) }
            await shell.configureHistory(file: demoHistory, disabled: false)
            _ = await shell.start(replay: "demo.har")
            var out = ""
            for line in try String(contentsOf: packageRoot.appendingPathComponent("scripts/demo-session.txt"), encoding: .utf8)
                .split(separator: "\n") where !line.hasPrefix("#") {
                let result = await shell.text(String(line))
                #expect(!result.err.contains("is not in demo.har"), "demo.har lacks what '\(line)' needs")
                out += result.out + result.err
            }
            return out
        }
        let first = try await once()
        #expect(first.count > 10_000)
        // The demo leads with change: a sparkline in health, the change first in a brief.
        #expect(first.contains(try Regex("History +[▁▂▃▄▅▆▇█]{3} ")), "the demo's health shows no sparkline")
        #expect(first.contains(try Regex("\\+  Health [0-9.]+ → [0-9.]+ over 30 days \\(improving\\)")))
        #expect(try await once() == first)
    }
}
