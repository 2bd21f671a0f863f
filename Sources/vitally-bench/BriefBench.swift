import Foundation
import VitallyKit
import VitallyShell
import VitallySimulator

/// A brief's wall time with 100 ms per request, as a ratio to one request.
enum BriefBench {
    static func run() async throws {
        var options = SimulatorOptions(token: "sk_test_bench", anchor: anchor)
        options.latencyMilliseconds = 100
        let simulator = try await SimulatorServer.start(options)
        let ratio = try await measure(simulator, maxInFlight: 5)
        figure("brief wall time / one request", String(format: "%.2f (%.0f ms / %.0f ms)", ratio.0, ratio.1 * 1000, ratio.2 * 1000),
               goal: "<= 2.5", met: ratio.0 <= 2.5)
        // One round trip to match, then the account's 9 reads and, once the account names its
        // organization, the organization's 6: 15 reads at most five at a time, ⌈15/5⌉ = 3 waves.
        print("  (floor with the 5-in-flight limit: 4.0 — 1 match round trip + 3 waves of the account's 9 reads and its organization's 6)")
        let wide = try await measure(simulator, maxInFlight: 10)
        print(String(format: "  (for comparison, with 10 in flight: %.2f; floor 3.0)", wide.0))
        await simulator.stop()
    }

    /// The ratio, the brief's time and one request's time.
    static func measure(_ simulator: RunningSimulator, maxInFlight: Int) async throws -> (Double, Double, Double) {
        let client = VitallyClient(transport: RetryingTransport(
            base: LiveTransport(endpoint: try .custom(simulator.baseURL), token: "sk_test_bench"),
            limiter: RateLimiter(maxInFlight: maxInFlight), clock: VirtualRetryClock()))
        _ = try await client.account(id: "acme-001")  // warm the connection pool
        var single = Double.infinity
        for _ in 0..<3 { single = min(single, try await seconds { _ = try await client.account(id: "acme-001") }) }
        var best = Double.infinity
        for _ in 0..<3 {
            let elapsed = try await seconds {
                var matcher = AttendeeMatcher(client: client, directory: AccountDirectory(client: client, tenant: "b"), team: TeamDirectory(client: client))
                matcher.fetchesAccounts = false
                let matches = try await matcher.match(["pat.lee@acme.com"], title: "Acme QBR")
                let ids = matches.flatMap { $0.accounts.map(\.id) }
                let bundles = try await BriefGatherer(client: client).gather(accountIds: ids)
                _ = BriefRenderer.text(BriefComposer(now: anchor).compose(title: "Acme QBR", meetingStart: nil, matches: matches, bundles: bundles))
            }
            best = min(best, elapsed)
        }
        return (best / single, best, single)
    }
}
