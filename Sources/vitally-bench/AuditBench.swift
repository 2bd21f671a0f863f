import Foundation
import VitallyKit
import VitallySimulator

/// `audit` of a whole tenant from a recording: whole `vitally-shell --replay FILE -c audit`
/// processes on the messy tenant recorded at 1,000 and 10,000 accounts.
enum AuditBench {
    static func run(shell: String, folder: URL, environment: [String: String]) async throws {
        var seconds: [Int: Double] = [:]
        for count in [1_000, 10_000] {
            var options = SimulatorOptions(token: "sk_test_bench", anchor: anchor)
            options.accountCount = count
            options.scenario = .messy
            options.rateLimitPerMinute = 10_000_000
            let simulator = try await SimulatorServer.start(options)
            var live = environment
            live["VITALLY_BASE_URL"] = simulator.baseURL
            live["VITALLY_TOKEN"] = "sk_test_bench"
            live["VITALLY_SUBDOMAIN"] = "bench"
            let file = folder.appendingPathComponent("audit-\(count).har")
            let variables = live
            let recorded = await offPool { ChildProcess.run(shell, ["--record", file.path, "-c", "audit"], environment: variables) }
            await simulator.stop()
            guard recorded.status == 0 else {
                figure("audit \(count.formatted()) accounts", "recording failed (status \(recorded.status))", goal: "<= 1 s", met: false)
                continue
            }
            let run = ChildProcess.median(5, shell, ["--replay", file.path, "-c", "audit"], environment: environment)
            seconds[count] = run.seconds
            let label = "audit \(count.formatted()) accounts (replay)"
            let value = String(format: "%.3f s (whole process)", run.seconds)
            figure(label, value, goal: count == 10_000 ? "<= 1 s" : "(reported)", met: run.status == 0 && (count < 10_000 || run.seconds <= 1))
            try? FileManager.default.removeItem(at: file)
        }
        if let small = seconds[1_000], let large = seconds[10_000] {
            figure("  growth 1,000 -> 10,000", String(format: "%.1fx", large / small), goal: "<= 12x (linear)", met: large / small <= 12)
        }
    }
}
