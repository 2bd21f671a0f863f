import Foundation
import Testing
import VitallyKit
@testable import VitallyShell

/// `recordings scrub` and `recordings diff` return values from VitallyKit; the text is rendered
/// from them and `--json` is them encoded, so the two cannot disagree.
@Suite struct RecordingValuesTests {
    @Test func scrubAndDiffPrintTheirValues() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let recordings = try recordingsWithDemo(in: scratch)
        let (shell, home) = makeShell(recordings: recordings, clock: Date())
        defer { try? FileManager.default.removeItem(at: home) }

        // The text said a random salt was used; the hand-built JSON left it out.
        let scrub = await shell.text("recordings scrub demo.har copy.har --json")
        let scrubbed = try JSONParser.parse(scrub.out)
        #expect(scrubbed["randomSalt"] == .bool(true), "\(scrub.out.prefix(300))")
        #expect(scrubbed["output"]?.string?.hasSuffix("copy.har") == true && scrubbed["map"]?.isNull == true)
        #expect((scrubbed["replaced"]?["emails"]?.double ?? 0) > 0, "\(scrubbed)")
        let text = await shell.text("recordings scrub demo.har again.har --salt values-test-salt-0123").out
        #expect(text.contains("Wrote ") && text.contains("again.har") && !text.contains("A random salt was used"), "\(text)")

        let run = await shell.text("recordings diff demo.har copy.har --json")
        #expect(run.status == .failure, "different files exit 1: \(run.err)")
        let first = try HARReader.load(recordings.appendingPathComponent("demo.har"))
        let second = try HARReader.load(recordings.appendingPathComponent("copy.har"))
        let value = RecordingDiffReport(try RecordingDiff.compare(first, second, account: nil), first: "demo.har", second: "copy.har")
        #expect(try JSONParser.parse(run.out) == (try JSONValueEncoder().encode(value)))
        let diff = try JSONParser.parse(run.out)
        #expect(diff["same"] == .bool(false) && diff["first"]?.string == "demo.har" && diff["otherChanges"]?.array?.isEmpty == false)
        let group = try #require(diff["otherChanges"]?[0])
        #expect(group["kind"]?.string != nil && group["count"]?.double != nil && group["examples"]?.array != nil, "\(group)")
        let same = await shell.text("recordings diff demo.har demo.har")
        #expect(same.status == .ok && same.out.contains("No differences between demo.har and demo.har."), "\(same.out)")
    }

    @Test func theListAndTheCoverageAreTheirValuesEncoded() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let recordings = try recordingsWithDemo(in: scratch)
        try Data("not a recording".utf8).write(to: recordings.appendingPathComponent("junk.har"))
        let (shell, home) = makeShell(recordings: recordings, clock: Date())
        defer { try? FileManager.default.removeItem(at: home) }

        let list = try JSONParser.parse(await shell.text("recordings --json").out)
        #expect(list == (try JSONValueEncoder().encode(RecordingListing(directory: recordings, names: ["demo.har", "junk.har"]))))
        let demo = try #require(list.array?.first { $0["file"]?.string == "demo.har" })
        #expect((demo["entries"]?.double ?? 0) > 0 && demo["recordedAt"]?.string != nil && demo["error"]?.isNull == true, "\(demo)")
        let junk = try #require(list.array?.first { $0["file"]?.string == "junk.har" })
        #expect(junk["error"]?.string == "unreadable" && junk["entries"]?.isNull == true, "\(junk)")
        let table = await shell.text("recordings").out
        #expect(table.contains("junk.har") && table.contains("unreadable") && table.contains("demo.har"), "\(table)")

        let coverage = try JSONParser.parse(await shell.text("recordings show demo.har --coverage --json").out)
        let recording = try HARReader.load(recordings.appendingPathComponent("demo.har"))
        #expect(coverage == (try JSONValueEncoder().encode(RecordingCoverage(recording))))
        #expect(coverage.array?.contains { $0["scope"]?.string == "tenant" } == true && coverage.array?.contains { $0["scope"]?.string == "" } == false)
    }
}
