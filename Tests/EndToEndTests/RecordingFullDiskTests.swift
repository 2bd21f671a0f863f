import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// A recording whose disk fills mid-session: the file is capped with the process's file-size limit
/// (`ulimit -f`, which needs no root and fails the write with EFBIG just where a full disk fails
/// with ENOSPC; the shell ignores SIGXFSZ itself). Recording stops with one notice, the answers
/// go on, `status` says so, and the file is a valid HAR holding the exchanges completed before.
@Suite struct RecordingFullDiskTests {
    static let commands = #"health acme.com; brief pat.lee@acme.com jordan.kim@acme.com --title "Acme QBR"; notes acme.com; status; status --json"#

    /// Runs the shell under `ulimit -f KB` (no limit for nil), recording into `name` in `home`.
    func record(_ name: String, limitKB: Int?, commands: String, env: [String: String], home: URL) async throws
        -> (status: Int32, out: String, err: String)
    {
        let limit = limitKB.map { "ulimit -f \($0); " } ?? ""
        return try await runBinary(
            "/bin/bash", ["-c", limit + #"exec "$0" "$@""#, shellBinary, "--no-history", "--record", name, "-c", commands],
            environment: env, directory: home)
    }

    @Test func aFullDiskStopsTheRecordingOnceAndTheAnswersGoOn() async throws {
        let simulator = try await startSimulator()
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken])
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent("recordings")

        // Without a limit: the whole session, and how big the file is after the first command.
        let whole = try await record("whole.har", limitKB: nil, commands: Self.commands, env: env, home: home)
        #expect(whole.status == 0, "\(whole.err)")
        let first = try await record("first.har", limitKB: nil, commands: "health acme.com", env: env, home: home)
        #expect(first.status == 0, "\(first.err)")
        let firstSize = try #require(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("first.har").path)[.size] as? Int)
        let wholeFile = try HARReader.load(folder.appendingPathComponent("whole.har"))
        let healthCount = try HARReader.load(folder.appendingPathComponent("first.har")).exchanges.count

        // The limit leaves room for `health` and one more KB: the disk fills during the brief.
        let limitKB = (firstSize + 1024) / 1024 + 1
        #expect(Int(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("whole.har").path)[.size] as? Int ?? 0)
            > limitKB * 1024 + 4096, "the brief must write well past the limit")
        let full = try await record("full.har", limitKB: limitKB, commands: Self.commands, env: env, home: home)
        #expect(full.status == 0, "\(full.err)")

        // One notice, naming the request that could not be written; no error names the file.
        let file = folder.appendingPathComponent("full.har")
        let notices = full.err.split(separator: "\n").filter { $0.contains("recording stopped") }
        #expect(notices.count == 1, "\(full.err)")
        #expect(notices.first?.hasPrefix("warning: recording stopped: GET /resources/") == true, "\(full.err)")
        #expect(notices.first?.contains("could not be written to full.har (File too large)") == true, "\(full.err)")
        #expect(!full.out.contains("not shown"), "\(full.out)")
        #expect(!full.err.contains("cannot write"), "\(full.err)")

        // The answers go on: every command printed what it prints with room on the disk.
        func answers(_ out: String) -> String {
            String(out[..<(out.range(of: "Mode ")?.lowerBound ?? out.endIndex)])
                .replacingOccurrences(of: "whole.har", with: "X").replacingOccurrences(of: "full.har", with: "X")
        }
        #expect(answers(full.out) == answers(whole.out))
        #expect(full.out.contains("health 7.4/10 good") && full.out.contains("5 notes, newest first"), "\(full.out)")

        // The file: valid, within the limit, and every exchange it holds is one the whole session
        // made, in the same order, the health ones all among them.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        #expect(size <= limitKB * 1024)
        _ = try JSONParser.parse(try Data(contentsOf: file))
        let kept = try HARReader.load(file)
        #expect(kept.warnings.isEmpty, "\(kept.warnings)")
        #expect(kept.exchanges.count >= healthCount && kept.exchanges.count < wholeFile.exchanges.count)
        #expect(kept.exchanges.map(\.url) == wholeFile.exchanges.prefix(kept.exchanges.count).map(\.url))
        let validated = try await runBinary("/usr/bin/env", ["python3", packageRoot.appendingPathComponent("scripts/validate-har.py").path, file.path])
        #expect(validated.status == 0 && validated.out.hasPrefix("ok \(kept.exchanges.count) entries"), "\(validated.out)")

        // `status` says the recording stopped, and how many exchanges the file keeps.
        func field(_ name: String) -> String? {
            full.out.split(separator: "\n").first { $0.hasPrefix(name + " ") }.map { $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces) }
        }
        #expect(field("Exchanges recorded") == String(kept.exchanges.count), "\(full.out)")
        #expect(field("Recording stopped")?.hasPrefix("File too large; answers since are not recorded (at GET /resources/") == true, "\(full.out)")
        let json = try JSONParser.parse(String(full.out[try #require(full.out.range(of: "\n{", options: .backwards)).lowerBound...]))
        #expect(json["recordingStopped"]?["exchanges"]?.int == kept.exchanges.count, "\(full.out)")
        #expect(json["recordingStopped"]?["reason"]?.string == "File too large")
        #expect(json["recordingStopped"]?["request"]?.string?.hasPrefix("GET /resources/") == true)
        #expect(notices.first?.contains("it keeps the \(kept.exchanges.count) exchanges before, and answers go on unrecorded") == true, "\(full.err)")
    }
}
