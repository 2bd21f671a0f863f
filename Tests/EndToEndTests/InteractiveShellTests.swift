import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// The built binary driven through a real pseudo-terminal: what only a terminal shows.
@Suite(.serialized) struct InteractiveShellTests {
    let prompt = "vitally[brightwave · replay]> "

    func replayShell(_ env: [String: String]) throws -> PTY {
        try PTY(shellBinary, ["--replay", "demo.har"], environment: env, directory: packageRoot.path)
    }

    @Test func bannerPromptTabCompletionAndACommand() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try replayShell(env)
        try await pty.expect("vitally-shell \(VitallyKitVersion.current) · replay · brightwave · demo.har")
        try await pty.expect(prompt)
        try await pty.type("hea\tacme.com\r")  // TAB finished the command name, or this would be an unknown command
        try await pty.expect("health 7.4/10 good")
        try await pty.expect(prompt)
        try await pty.type("acc\tse\tacme.c\t\r")  // accounts search acme.com
        try await pty.expect("Acme Corp  acme.com")
        try await pty.expect(prompt)
        try await pty.type("help br\t\r")
        try await pty.expect("brief — the meeting brief")
        try await pty.expect(prompt)
        try await pty.type("\u{04}")
        #expect(await pty.waitForExit() == 0)
    }

    /// A command that scans the accounts again after resolving its argument (health's cohort) never
    /// leaves a "scanning accounts… N" line for its output to be written after.
    @Test func aScanLineIsErasedBeforeTheOutput() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try replayShell(env)
        try await pty.expect(prompt)
        try await pty.type("health dm-scranton\r")
        try await pty.expect("from organization Dunder Mifflin")
        try await pty.expect(prompt)
        let text = String(decoding: pty.output, as: UTF8.self)
        var rest = Substring(text)
        while let drawn = rest.range(of: "scanning accounts… ") {
            let after = rest[drawn.upperBound...].drop { $0.isNumber }
            #expect(after.hasPrefix("\r\u{1B}[K"), "a scan line not erased: \(after.prefix(40).debugDescription)")
            rest = after
        }
        try await pty.type("\u{04}")
        #expect(await pty.waitForExit() == 0)
    }

    @Test func severalCandidatesAreListedLikeAShell() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try replayShell(env)
        try await pty.expect(prompt)
        try await pty.type("re\t")
        try await pty.expect("rec")  // common prefix of record/recordings/replay is "re"; a second TAB lists
        try await pty.type("\t")
        try await pty.expect("recordings")
        try await pty.expect(prompt)  // the listing, then the prompt redrawn under it
        let segments = String(decoding: pty.output, as: UTF8.self).components(separatedBy: prompt)
        let listing = segments.count >= 2 ? segments[segments.count - 2] : ""  // between the last two prompts
        let words = Set(listing.split { !$0.isLetter }.map(String.init))
        #expect(words.isSuperset(of: ["record", "recordings", "replay"]), "the listing should hold all three: \(listing)")
        try await pty.type("\u{15}\u{04}")
        #expect(await pty.waitForExit() == 0)
    }

    @Test func historySurvivesARestartAndNeverHoldsTheToken() async throws {
        let secret = "sk_test_history_secret_0042"
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let first = try replayShell(env)
        try await first.expect(prompt)
        try await first.type("health acme.com\r")
        try await first.expect(prompt)
        try await first.type("connect acme --token \(secret) --base-url http://127.0.0.1:1\r")
        try await first.expect("Connection failed")
        try await first.type("exit\r")
        #expect(await first.waitForExit() == 0)

        let file = home.appendingPathComponent("state/vitally-shell/history")
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.contains("health acme.com"))
        #expect(saved.contains("connect acme --token REDACTED --base-url http://127.0.0.1:1"))
        #expect(!saved.contains(secret))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let second = try replayShell(env)
        try await second.expect(prompt)
        try await second.type("history\r")
        try await second.expect("health acme.com")
        try await second.expect(prompt)
        try await second.type("\u{12}health\r")  // Ctrl-R finds it again; keys are taken in order
        try await second.expect("health 7.4/10 good")
        try await second.expect(prompt)
        try await second.type("\u{04}")
        #expect(await second.waitForExit() == 0)
        #expect(!second.output.contains(Array(secret.utf8)))
    }

    @Test func ctrlCClearsAHalfTypedLineAndCancelsASlowCommand() async throws {
        let simulator = try await startSimulator { $0.latencyMilliseconds = 4000 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken, "VITALLY_SUBDOMAIN": "acme"])
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try PTY(shellBinary, [], environment: env, directory: packageRoot.path)
        let livePrompt = "vitally[acme · live]> "
        try await pty.expect(livePrompt)
        try await pty.type("health acm")
        try await pty.expect("health acm")
        pty.send("\u{03}")
        try await pty.expect(livePrompt)
        try await pty.type("status\r")
        let status = try await pty.expect(livePrompt)
        #expect(status.contains("Mode"))
        #expect(!status.contains("unknown command"))

        let received = await simulator.state.requestsReceived
        try await pty.type("health acme.com\r")
        try await pty.expect("health acme.com")
        try await pty.waitForCommand()
        try await waitUntil { await simulator.state.requestsReceived > received }  // a request is in flight
        let before = Date()
        pty.send("\u{03}")
        try await pty.expect("cancelled", timeout: 3)
        try await pty.expect(livePrompt, timeout: 3)
        #expect(Date().timeIntervalSince(before) < 3)
        try await pty.type("\u{04}")
        #expect(await pty.waitForExit() == 0)
    }

    @Test func theTokenPromptDoesNotEcho() async throws {
        let simulator = try await startSimulator { $0.accountCount = 30 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try PTY(shellBinary, [], environment: env, directory: packageRoot.path)
        try await pty.expect("vitally> ")
        try await pty.type("connect acme --base-url \(simulator.baseURL)\r")
        try await pty.expect("(input hidden): ")
        pty.send(e2eToken + "\r")
        try await pty.expect("Vitally: Connected (acme)")
        try await pty.expect("vitally[acme · live]> ")
        #expect(!pty.output.contains(Array(e2eToken.utf8)))
        let history = try String(contentsOf: home.appendingPathComponent("state/vitally-shell/history"), encoding: .utf8)
        #expect(!history.contains(e2eToken))
        let config = home.appendingPathComponent("config/vitally-shell/credentials")
        let mode = try FileManager.default.attributesOfItem(atPath: config.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try await pty.type("exit\r")
        #expect(await pty.waitForExit() == 0)
    }

    /// Without LANG or LC_ALL (ssh without locale forwarding, `env -i`, many containers) the C
    /// locale cannot hold the prompt's "·", and libedit crashed on the first prompt (a NULL
    /// dereference in its prompt printing). The editor now reads and writes UTF-8 regardless.
    @Test func theShellRunsWithoutALocale() async throws {
        let (withLocale, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = withLocale.filter { $0.key != "LANG" }
        let pty = try PTY(shellBinary, ["--replay", "demo.har"], environment: env, directory: packageRoot.path)
        try await pty.expect("vitally[brightwave · replay]> ")
        try await pty.type("hea\tacme.com\r")
        try await pty.expect("Acme Corp")
        try await pty.expect("vitally[brightwave · replay]> ")
        try await pty.type("\u{04}")
        #expect(await pty.waitForExit() == 0)
    }
}
