import Foundation
import VitallyKit
import VitallySimulator

/// A second `match` (a new process's matcher) with a warm cache: at most one account page.
enum MatchingBench {
    static func run() async throws {
        var options = SimulatorOptions(token: "sk_test_bench", anchor: anchor)
        options.accountCount = 2_000
        let simulator = try await SimulatorServer.start(options)
        let cache = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bench-cache-\(UUID().uuidString)/accounts.json")
        defer { try? FileManager.default.removeItem(at: cache.deletingLastPathComponent()) }
        func matcher() throws -> AttendeeMatcher {
            let client = VitallyClient(transport: RetryingTransport(
                base: LiveTransport(endpoint: try .custom(simulator.baseURL), token: "sk_test_bench"), clock: VirtualRetryClock()))
            return AttendeeMatcher(client: client, directory: AccountDirectory(client: client, tenant: "bench", cacheFile: cache),
                                   team: TeamDirectory(client: client))
        }
        _ = try await matcher().match("cfo@umbrella-health.com", title: nil)  // the first process: a full scan
        let coldPages = await simulator.state.log.filter { $0.path == "/resources/accounts" }.count
        await simulator.state.clearLog()
        _ = try await matcher().match("cfo@umbrella-health.com", title: nil)  // a new process, warm cache
        let warmPages = await simulator.state.log.filter { $0.path == "/resources/accounts" }.count
        figure("second match, warm cache", "\(warmPages) account page request(s) (cold: \(coldPages))", goal: "<= 1 page", met: warmPages <= 1)
        await simulator.stop()
    }
}
