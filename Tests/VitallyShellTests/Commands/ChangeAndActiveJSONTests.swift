import Foundation
import Testing
import VitallyKit
import VitallyShell

/// A shell replaying the demo with the demo's history, as GoldenTests and `make demo` run it.
private func demoShellWithHistory() async -> (Shell, URL) {
    let (shell, scratch) = makeShell(recordings: packageRoot.appendingPathComponent("recordings"), clock: Date())
    await shell.configureHistory(file: demoHistory, disabled: false)
    _ = await shell.start(replay: "demo.har")
    return (shell, scratch)
}

/// `health`'s CHANGE column and its `--json` read one value: each breakdown row's change.
@Suite struct HealthChangeJSONTests {
    @Test func eachBreakdownRowsChangeTheTextShowsIsInTheJSON() async throws {
        let (shell, scratch) = await demoShellWithHistory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = await shell.text("health acme.com", width: 200)
        #expect(text.out.contains("CHANGE"), "\(text.out)")
        let json = try JSONParser.parse(await shell.text("health acme.com --json", width: 200).out)
        let parts = json["breakdown"]?.array ?? []
        #expect(parts.count >= 2, "\(json)")
        for part in parts {
            let name = try #require(part["name"]?.string)
            let change = try #require(part["change"]?["delta"]?.double, "no change for \(name) in \(part)")
            let days = try #require(part["change"]?["days"]?.double)
            let shown = Wording.signed(change) + " (\(Int(days))d)"
            let line = text.out.split(separator: "\n").first { $0.hasPrefix("  " + name + " ") }
            #expect(line?.hasSuffix(shown) == true, "text row '\(line ?? "")' and JSON change \(shown) for \(name)")
        }
    }
}

/// `users`' "N active in the last 30 days" and its `--json` read one rule: each user's `_active`.
@Suite struct UsersActiveJSONTests {
    @Test func theActiveCountTheTextGivesIsTheUsersTheJSONMarksActive() async throws {
        let (shell, scratch) = await demoShellWithHistory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = await shell.text("users acme.com --all", width: 200)
        let match = try #require(text.out.firstMatch(of: try Regex("([0-9]+) active in the last 30 days")), "\(text.out)")
        let active = try #require(Int(match.output[1].substring ?? ""))
        #expect(active > 0)
        let rows = try JSONParser.parse(await shell.text("users acme.com --all --json").out).array ?? []
        #expect(rows.allSatisfy { $0["_active"]?.bool != nil }, "every user says whether it is active")
        #expect(rows.filter { $0["_active"]?.bool == true }.count == active, "\(rows.map { $0["_active"] as Any })")
        #expect(rows.count > active, "the demo has an idle user too")
    }
}
