import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// The token never reaches the screen after a line is accepted, the history file, or stderr.
@Suite(.serialized) struct SecretsEndToEndTests {
    let livePrompt = "vitally[acme · live]> "

    @Test func typedTokensAreRedrawnRedactedAndNeverStored() async throws {
        let simulator = try await startSimulator { $0.accountCount = 30 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken, "VITALLY_SUBDOMAIN": "acme"])
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try PTY(shellBinary, [], environment: env, directory: packageRoot.path)
        try await pty.expect(livePrompt)
        var shown: [String] = []

        try await pty.type("raw GET '/resources/accounts?externalId=\(e2eToken)&limit=1'\r")
        try await pty.expect("raw GET '/resources/accounts?externalId=REDACTED&limit=1'")
        shown.append(try await pty.expect(livePrompt))

        try await pty.type("connect acme \"--token\"  \(e2eToken) --base-url \(simulator.baseURL)\r")
        try await pty.expect("connect acme \"--token\"  REDACTED --base-url")
        shown.append(try await pty.expect(livePrompt))
        #expect(shown.last?.contains("Vitally: Connected (acme)") == true)

        try await pty.type("raw GET /resources/\(URLEncoding.encode(e2eToken))\r")
        try await pty.expect("raw GET /resources/REDACTED")
        let missing = try await pty.expect(livePrompt)
        #expect(missing.contains("404"), "the error is still shown: \(missing)")
        shown.append(missing)

        try await pty.type("exit\r")
        #expect(await pty.waitForExit() == 0)
        for text in shown { #expect(!text.contains(e2eToken), "shown after the line was accepted: \(text)") }
        let history = try String(contentsOf: home.appendingPathComponent("state/vitally-shell/history"), encoding: .utf8)
        #expect(!history.contains(e2eToken))
        #expect(history.components(separatedBy: "REDACTED").count == 4, "\(history)")
    }

    @Test func stderrDoesNotRepeatTheTokenInsideA404Path() async throws {
        let simulator = try await startSimulator { $0.accountCount = 30 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken, "VITALLY_SUBDOMAIN": "acme"])
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try await runShell(["-c", "raw GET /resources/accounts/\(e2eToken); raw GET /resources/x%2F\(e2eToken)"], environment: env)
        #expect(run.status != 0)
        #expect(run.err.contains("404"), "\(run.err)")
        #expect(!run.err.contains(e2eToken) && !run.out.contains(e2eToken), "\(run.err)")
    }

    @Test func statusNeverShowsABaseURLPassword() async throws {
        let simulator = try await startSimulator { $0.accountCount = 30 }
        defer { Task { await simulator.stop() } }
        let withPassword = simulator.baseURL.replacingOccurrences(of: "http://", with: "http://support:hunter2pass@")
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": withPassword, "VITALLY_TOKEN": e2eToken, "VITALLY_SUBDOMAIN": "acme"])
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try await runShell(["-c", "status"], environment: env)
        #expect(!run.out.contains("hunter2pass") && !run.err.contains("hunter2pass"), "\(run.out)\(run.err)")
        #expect(run.err.contains("user name or password"), "\(run.err)")
    }
}
