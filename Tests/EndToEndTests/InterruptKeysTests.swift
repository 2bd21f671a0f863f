import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// Ctrl-C as people expect: it clears the line or cancels the command; only Ctrl-D or `exit` leaves.
@Suite(.serialized) struct InterruptKeysTests {
    @Test func ctrlCAtAnEmptyPromptAndAtTheContinuationPromptKeepsTheShell() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try PTY(shellBinary, ["--replay", "demo.har"], environment: env, directory: packageRoot.path)
        let prompt = "vitally[brightwave · replay]> "
        try await pty.expect(prompt)
        try await pty.type("\u{03}")  // an empty line
        try await pty.expect("^C")
        try await pty.expect(prompt)
        try await pty.type("match \"pat")
        try await pty.type("\r")
        try await pty.expect("...> ")
        try await pty.type("\u{03}")  // the continuation prompt, on its empty line
        try await pty.expect(prompt)
        try await pty.type("status\r")
        let status = try await pty.expect(prompt)
        #expect(status.contains("Mode"), "the shell is still running: \(status)")
        try await pty.type("\u{04}")
        #expect(await pty.waitForExit() == 0)
    }

    @Test func aRightArrowInCtrlRSearchAcceptsTheMatchAsInBash() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try PTY(shellBinary, ["--replay", "demo.har"], environment: env, directory: packageRoot.path)
        let prompt = "vitally[brightwave · replay]> "
        try await pty.expect(prompt)
        try await pty.type("status\r")
        try await pty.expect(prompt)
        try await pty.type("\u{12}sta")
        try await pty.type("\u{1B}[C")  // right arrow: accept "status", cursor at its end
        try await pty.type(" --json\r")
        let out = try await pty.expect(prompt)
        #expect(out.contains("\"mode\": \"replay\""), "\(out)")
        #expect(!out.contains("[C") && !out.contains("unknown command"), "\(out)")
        try await pty.type("\u{04}")
        #expect(await pty.waitForExit() == 0)
    }

    @Test func ctrlCTwiceDuringACommandCancelsItAndTheRecordingStaysOpen() async throws {
        let simulator = try await startSimulator { $0.latencyMilliseconds = 3000 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken, "VITALLY_SUBDOMAIN": "acme"])
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("keys.har").path
        let pty = try PTY(shellBinary, ["--record", file], environment: env, directory: packageRoot.path)
        let prompt = "vitally[acme · record]> "
        try await pty.expect(prompt)
        let received = await simulator.state.requestsReceived
        try await pty.type("health acme.com\r")
        try await pty.waitForCommand()
        try await waitUntil { await simulator.state.requestsReceived > received }
        pty.send("\u{03}")
        pty.send("\u{03}")
        try await pty.expect("cancelled", timeout: 5)
        try await pty.expect(prompt, timeout: 5)
        try await pty.type("status\r")
        let status = try await pty.expect(prompt, timeout: 10)
        #expect(status.contains("keys.har"), "the recording is still open: \(status)")
        try await pty.type("\u{04}")
        try await pty.expect("recording saved: ")
        try await pty.expect("exchanges in \(file)")
        #expect(await pty.waitForExit() == 0)
    }
}
