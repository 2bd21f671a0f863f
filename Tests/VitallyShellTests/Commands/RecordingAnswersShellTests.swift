import Foundation
import Testing
import VitallyKit
import VitallyShell

/// `recordings show FILE --answers` lists what a replay of FILE answers, in words the replay
/// resolves: it once showed each account's first domain, which the replay may never have looked up.
@Suite struct RecordingAnswersShellTests {
    @Test func whatTheAnswersListReplays() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (shell, home) = makeShell(recordings: try recordingsWithDemo(in: scratch))
        defer { try? FileManager.default.removeItem(at: home) }
        let text = await shell.text("recordings show demo.har --answers", width: 200).out
        let piedPiper = try #require(text.split(separator: "\n").first { $0.hasPrefix("Pied Piper ") }, "\(text)")
        // Its domain's user search was never recorded, so `health piedpiper.com` misses in a replay.
        #expect(!piedPiper.contains("piedpiper.com"), "\(piedPiper)")
        #expect(piedPiper.contains("Pied Piper  ") && piedPiper.contains("health"), "\(piedPiper)")

        #expect(await shell.start(replay: "demo.har").error == nil)
        let rows = try #require(try JSONParser.parse(await shell.text("recordings show demo.har --answers --json").out)["accounts"]?.array)
        let shown = text.split(separator: "\n").map(String.init)
        for row in rows where row["commands"]?.array?.contains(.string("health")) == true {
            let word = try #require(row["answersAs"]?[0]?.string)
            let line = try #require(shown.first { $0.hasPrefix((row["name"]?.string ?? "") + " ") })
            #expect(line.contains(word), "the text shows the word a replay resolves: \(line)")
            let health = await shell.text("health '\(word)'")
            #expect(health.status == .ok || health.status == .partial, "health '\(word)' in a replay: \(health.err)")
        }
    }
}
