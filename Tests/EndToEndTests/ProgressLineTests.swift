import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// The status line of a command that waits: on a terminal only, with numbers, erased when done.
@Suite(.serialized) struct ProgressLineTests {
    func liveShell(_ simulator: RunningSimulator) throws -> (PTY, URL) {
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken, "VITALLY_SUBDOMAIN": "acme"])
        return (try PTY(shellBinary, [], environment: env, directory: packageRoot.path), home)
    }

    @Test func aSlowTenantShowsWhatTheCommandIsDoingThenErasesIt() async throws {
        let simulator = try await startSimulator { $0.latencyMilliseconds = 1_200 }
        defer { Task { await simulator.stop() } }
        let (pty, home) = try liveShell(simulator)
        defer { try? FileManager.default.removeItem(at: home) }
        let prompt = "vitally[acme · live]> "
        try await pty.expect(prompt)
        try await pty.type("match pat.lee@acme.com\r")
        try await pty.expect("matching 1 attendee · 0/", timeout: 5)
        try await pty.expect(" requests")
        try await pty.type("status")  // typed ahead while the command runs
        let rest = try await pty.expect("by 1) contact association", timeout: 15)
        #expect(rest.contains("\r\u{1B}[K"), "the line is erased before the output")
        #expect(!rest.contains("status"), "typed-ahead keys are not mixed into the output: \(rest)")
        try await pty.expect(prompt)
        try await pty.expect("status")  // and are there at the next prompt
        try await pty.type("\r")
        try await pty.expect("Mode")
        try await pty.expect(prompt)
        try await pty.type("\u{04}")
        #expect(await pty.waitForExit() == 0)
    }

    /// A token prompt stays on screen while it waits: `connect`'s status line, due after 300 ms,
    /// once replaced "… (input hidden): " with "connect acme --base-url".
    @Test func theStatusLineNeverCoversATokenPrompt() async throws {
        let simulator = try await startSimulator { $0.accountCount = 30 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try PTY(shellBinary, [], environment: env, directory: packageRoot.path)
        try await pty.expect("vitally> ")
        try await pty.type("connect acme --base-url \(simulator.baseURL)\r")
        try await pty.expect("(input hidden): ")
        try await Task.sleep(nanoseconds: 1_000_000_000)  // well past the status line's 300 ms
        pty.send(e2eToken + "\r")
        let rest = try await pty.expect("vitally[acme · live]> ")
        let whileWaiting = String(rest.prefix { $0 != "\n" && $0 != "\r\n" })
        #expect(!whileWaiting.contains("\u{1B}[K") && !whileWaiting.contains("connect"), "drawn over the prompt: \(rest.debugDescription)")
        try await pty.type("exit\r")
        #expect(await pty.waitForExit() == 0)
    }

    @Test func aRateLimitWaitShowsItsReasonAndCountdown() async throws {
        let simulator = try await startSimulator()
        defer { Task { await simulator.stop() } }
        await simulator.state.inject(.status(429, headers: [HTTPHeader("RateLimit-Reset", "41")]), pathPrefix: "/resources/users/search")
        let (pty, home) = try liveShell(simulator)
        defer { try? FileManager.default.removeItem(at: home) }
        let prompt = "vitally[acme · live]> "
        try await pty.expect(prompt)
        try await pty.type("match pat.lee@acme.com\r")
        try await pty.expect("rate-limited by Vitally: retrying in 4", timeout: 5)
        try await pty.expect(" s (attempt 2/5)")
        pty.send("\u{03}")
        try await pty.expect("cancelled", timeout: 5)
        try await pty.expect(prompt)
        try await pty.type("\u{04}")
        #expect(await pty.waitForExit() == 0)
    }

    @Test func noStatusLineInPipedOutput() async throws {
        let simulator = try await startSimulator { $0.latencyMilliseconds = 500 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken, "VITALLY_SUBDOMAIN": "acme"])
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try await runShell([], environment: env, stdin: "match pat.lee@acme.com\n")
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("Acme Corp"))
        #expect(!run.err.contains("requests") && !run.err.contains("\u{1B}[K") && !run.out.contains("\u{1B}[K"), "\(run.err)")
    }

    /// Keys typed while a command runs wait for the next prompt, even when the answer is longer
    /// than the screen: the pager read them from the terminal instead (`less` took "stat" as its
    /// `s` command and saved a log file named "tat"). With keys typed ahead the answer is printed,
    /// not paged. The pager here, like less, reads the terminal.
    @Test func keysTypedAheadOfALongAnswerReachTheNextPromptNotThePager() async throws {
        let simulator = try await startSimulator { $0.latencyMilliseconds = 600 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken, "VITALLY_SUBDOMAIN": "acme",
                                               "PAGER": "cat; head -c 1 /dev/tty >/dev/null"])
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try PTY(shellBinary, [], environment: env, directory: packageRoot.path, rows: 20)
        let prompt = "vitally[acme · live]> "
        try await pty.expect(prompt)
        try await pty.type("brief pat.lee@acme.com\r")
        try await pty.expect("briefing 1 attendee · ", timeout: 5)
        pty.send("status")  // typed ahead, while the command runs
        let answer = try await pty.expect(prompt, timeout: 30)
        #expect(answer.contains("Team activity"), "\(answer)")
        #expect(!answer.contains("status"), "typed-ahead keys are not mixed into the output: \(answer)")
        try await pty.expect("status")  // they are at the next prompt, all of them
        try await pty.type("\r")
        try await pty.expect("Requests this session")
        try await pty.expect(prompt)
        try await pty.type("\u{04}")
        #expect(await pty.waitForExit() == 0)
    }

    /// `-c` on a terminal is a command on a terminal: it showed no status line, so a brief under
    /// the rate limit left the screen blank for minutes (only `-c` to a file or pipe stays bare).
    @Test func aCommandGivenWithDashCOnATerminalShowsTheLineToo() async throws {
        let simulator = try await startSimulator { $0.latencyMilliseconds = 1_200 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken, "VITALLY_SUBDOMAIN": "acme"])
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try PTY(shellBinary, ["-c", "match pat.lee@acme.com"], environment: env, directory: packageRoot.path)
        try await pty.expect("matching 1 attendee · ", timeout: 5)
        let rest = try await pty.expect("by 1) contact association", timeout: 15)
        #expect(rest.contains("\r\u{1B}[K"), "the line is erased before the output")
        #expect(await pty.waitForExit() == 0)
    }
}
