import Foundation
import Synchronization
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// `connect`, `use`, `disconnect`, `profiles` and `status` return values: the text is drawn from
/// them and `--json` is them encoded, so a fact the text shows is in the JSON too.
@Suite struct ConnectionValuesTests {
    @Test func theTokenTheTextDescribesIsInTheJSON() async throws {
        let simulator = try await SimulatorServer.start(SimulatorOptions(token: shellTestToken, anchor: shellTestAnchor))
        defer { Task { await simulator.stop() } }
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let clock = TestClock()
        let shell = Shell(environment: ShellEnvironment(
            configDirectory: scratch.appendingPathComponent("config"), recordingsDirectory: scratch, workingDirectory: scratch,
            clock: { clock.now.withLock { $0 } }))
        _ = await shell.start()

        let connect = try JSONParser.parse(await shell.text("connect acme --token \(shellTestToken) --base-url \(simulator.baseURL) --json").out)
        #expect(connect["connected"] == .bool(true) && connect["profile"]?.string == "acme" && connect["tenant"]?.string == "acme", "\(connect)")
        #expect(connect["saved"] == .bool(true) && connect["tokenSource"]?.string == "saved" && connect["replaced"]?.isNull == true, "\(connect)")
        let status = try JSONParser.parse(await shell.text("status --json").out)
        #expect(status["credentialsFrom"]?.string == "connect" && status["tokenSource"]?.string == "saved", "\(status)")
        #expect(status["tokenAgeDays"]?.int == 0 && status["rotateToken"] == .bool(false), "\(status)")

        clock.advance(days: 90.1)
        // The text reminded to rotate; use's JSON said nothing of the token.
        let use = await shell.text("use acme", width: 300).out
        #expect(use.contains("token saved in profile 'acme', 90 days ago") && use.contains("rotate it"), "\(use)")
        let used = try JSONParser.parse(await shell.text("use acme --json").out)
        #expect(used["tokenSource"]?.string == "saved" && used["tokenAgeDays"]?.int == 90 && used["rotateToken"] == .bool(true), "\(used)")
        let aged = try JSONParser.parse(await shell.text("status --json").out)
        #expect(aged["credentialsFrom"]?.string == "profile" && aged["rotateToken"] == .bool(true), "\(aged)")
        let profiles = try JSONParser.parse(await shell.text("profiles --json").out)
        #expect(profiles[0]?["tokenAgeDays"]?.int == 90 && profiles[0]?["current"] == .bool(true), "\(profiles)")

        // Another tenant under the same name: the text said what it replaced, the JSON did not.
        let other = try JSONParser.parse(
            await shell.text("connect globex --profile acme --token \(shellTestToken) --base-url \(simulator.baseURL) --json").out)
        #expect(other["replaced"]?["name"]?.string == "acme" && other["replaced"]?["subdomain"]?.string == "acme", "\(other)")
        let memory = try JSONParser.parse(
            await shell.text("connect globex --no-save --token \(shellTestToken) --base-url \(simulator.baseURL) --json").out)
        #expect(memory["saved"] == .bool(false) && memory["saveProblem"]?.isNull == true && memory["tokenSource"]?.string == "memory",
                "\(memory)")

        // The text said "Now offline"; the JSON said only what was removed.
        _ = await shell.text("use acme")
        let gone = try JSONParser.parse(await shell.text("disconnect --json").out)
        #expect(gone["removed"] == .bool(true) && gone["profile"]?.string == "acme" && gone["disconnected"] == .bool(true), "\(gone)")
        #expect(gone["environmentToken"] == .bool(false))
    }

    @Test func aProfileWithNoSavedTokenSaysNoneInBoth() async throws {
        let (shell, scratch) = try makeShell(profiles: "[profile acme]\nsubdomain = acme\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = await shell.text("profiles", width: 200)
        #expect(text.out.contains("none saved"), "\(text.out) \(text.err)")
        let json = try JSONParser.parse(await shell.text("profiles --json").out)
        // It said "saved" while the text said "none saved".
        #expect(json[0]?["tokenSource"]?.string == "none" && json[0]?["tokenAgeDays"]?.isNull == true, "\(json)")
    }

    @Test func aReplaysStatusHasTheFileAndItsTimeInTheJSON() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (shell, home) = makeShell(recordings: try recordingsWithDemo(in: scratch))
        defer { try? FileManager.default.removeItem(at: home) }
        _ = await shell.start()
        #expect(await shell.text("replay demo.har").status == .ok)
        let text = await shell.text("status", width: 200).out
        let status = try JSONParser.parse(await shell.text("status --json").out)
        let exchanges = try #require(status["replay"]?["exchanges"]?.int, "\(status)")
        #expect(text.contains("Exchanges in file") && text.contains(String(exchanges)), "\(text)")
        let time = try #require(status["recordingTime"]?.string, "\(status)")
        #expect(text.contains(time) && status["mode"]?.string == "replay" && status["recordMissing"] == .bool(false), "\(text)\n\(status)")
        #expect(status["tokenSource"]?.isNull == true && status["replay"]?["notReplayed"]?.int != nil, "\(status)")
    }
}
