import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// The degraded-tenant knobs: `--fail-rate RATE@PATTERN`, `--latency-jitter`, `--slow-after`, `--search-latency`.
@Suite struct SimulatorDegradationTests {
    @Test func failRateReadsAShareAndAnOptionalPattern() {
        #expect(SimulatorOptions.parseFailRate("0.5")?.rate == 0.5)
        #expect(SimulatorOptions.parseFailRate("0.5")?.pattern == nil)
        #expect(SimulatorOptions.parseFailRate("1@/resources/users/search*")?.pattern == RequestPattern("/resources/users/search*"))
        for bad in ["1.5", "-0.1", "half", "0.5@", ""] { #expect(SimulatorOptions.parseFailRate(bad) == nil, "\(bad)") }
    }

    @Test func aPatternMatchesPathAndQuery() {
        let search = RequestPattern("/resources/users/search?email=ann*")
        #expect(search.matches(path: "/resources/users/search", query: [QueryItem("email", "ann@acme.com")]))
        #expect(!search.matches(path: "/resources/users/search", query: [QueryItem("email", "bob@acme.com")]))
        #expect(RequestPattern("*/notes").matches(path: "/resources/accounts/a1/notes"))
        #expect(!RequestPattern("*/notes").matches(path: "/resources/accounts/a1/notes/x"))
        #expect(RequestPattern("/resources/users").matches(path: "/resources/users/search"))
    }

    @Test func failuresHitOnlyTheMatchingPath() async throws {
        try await withServer({
            $0.failRate = 1
            $0.failPattern = RequestPattern("/resources/users/search*")
        }) { (simulator: RunningSimulator) async throws in
            #expect(try await fetch(simulator, "/resources/accounts?limit=1").status == 200)
            #expect(try await fetch(simulator, "/resources/users?limit=1").status == 200)
            let log = await simulator.state.log
            #expect(log.map(\.status) == [200, 200])
        }
    }

    @Test func slowAfterKeepsTheFirstRequestsFastAndSearchLatencySlowsOnlySearch() async throws {
        try await withServer({
            $0.latencyMilliseconds = 300
            $0.latencyJitterMilliseconds = 100
            $0.slowAfterRequests = 2
            $0.searchLatencyMilliseconds = 400
        }) { (simulator: RunningSimulator) async throws in
            for _ in 0..<3 { _ = try await fetch(simulator, "/resources/accounts?limit=1") }
            _ = try await fetch(simulator, "/resources/users/search?email=nobody@example.com")
            let log = await simulator.state.log
            let took = log.map { $0.answeredAt - $0.receivedAt }
            #expect(took[0] < 0.25 && took[1] < 0.25, "the first two are fast: \(took)")
            #expect(took[2] >= 0.3 && took[2] < 0.6, "then latency plus jitter: \(took)")
            #expect(took[3] >= 0.7, "search gets its own latency on top: \(took)")
        }
    }
}
