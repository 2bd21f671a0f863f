import Foundation
import VitallyKit
import VitallySimulator

/// The account-domain index at 10,000 accounts, and a second `match` with a warm cache.
enum MatchingBench {
    static func run() async throws {
        let data = SimulatorDataSet.generate(seed: 7, anchor: anchor, accountCount: 10_000)
        let accounts = data.accounts.map(Account.init(json:))
        var index = AccountIndex()
        let traits = DomainTraits()
        let build = seconds {
            index = AccountIndex(accounts.map { AccountSummary(account: $0, traits: traits) })
        }
        figure("domain index build (10,000 accts)", String(format: "%.1f ms", build * 1000), goal: "(reported)", met: true)
        let domains = index.accounts.flatMap { $0.domains.map(\.domain) }
        let probes = domains.isEmpty ? ["acme.com"] : domains
        let rounds = 200_000
        var found = 0
        let lookup = seconds {
            for i in 0..<rounds { found &+= index.accounts(forDomain: "eu." + probes[i % probes.count]).count }
        }
        let micro = lookup / Double(rounds) * 1e6
        figure("domain index lookup", String(format: "%.2f µs (%d hits)", micro, found), goal: "< 50 µs", met: micro < 50)

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
