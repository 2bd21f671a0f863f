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
}
