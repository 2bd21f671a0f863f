import Foundation
import Testing
import VitallyKit
import VitallySimulator

@Suite struct RetryTests {
    @Test func waitsOutA429ThenSucceeds() async throws {
        let clock = VirtualRetryClock()
        try await withSimulator(clock: clock) { client, simulator in
            await simulator.state.inject(.status(429, headers: [HTTPHeader("Retry-After", "7")]))
            let account = try await client.account(id: "acme-001")
            #expect(account.name == "Acme Corp")
            #expect(await clock.waits == [7])
            #expect(await simulator.state.log.map(\.status) == [429, 200])
        }
    }

    @Test func usesRateLimitResetWhenThereIsNoRetryAfterAndClampsIt() async throws {
        let clock = VirtualRetryClock()
        try await withSimulator(clock: clock) { client, simulator in
            await simulator.state.inject(.status(429, headers: [HTTPHeader("RateLimit-Reset", "600")]))
            _ = try await client.account(id: "acme-001")
            // The simulator's own RateLimit-Reset comes after the injected one; the first wins and is clamped.
            #expect(await clock.waits == [60])
        }
    }

    @Test func retriesA5xxWithBackoff() async throws {
        let clock = VirtualRetryClock()
        try await withSimulator(clock: clock) { client, simulator in
            await simulator.state.inject(.status(503))
            await simulator.state.inject(.status(502))
            let account = try await client.account(id: "globex-17")
            #expect(account.name == "Globex Inc")
            let waits = await clock.waits
            #expect(waits.count == 2)
            #expect(waits[0] >= 0.25 && waits[0] <= 0.5)
            #expect(waits[1] >= 0.5 && waits[1] <= 1.0)
        }
    }

    @Test func givesUpAfterThreeTries() async throws {
        try await withSimulator { client, simulator in
            for _ in 0..<3 { await simulator.state.inject(.status(500)) }
            let error = await #expect(throws: VitallyError.self) { try await client.account(id: "acme-001") }
            #expect(error?.code == .server)
            #expect(await simulator.state.log.count == 3)
        }
    }

    @Test func retriesADroppedConnection() async throws {
        try await withSimulator { client, simulator in
            await simulator.state.inject(.dropConnection)
            let account = try await client.account(id: "acme-001")
            #expect(account.externalId == "acme-001")
            #expect(await simulator.state.log.map(\.status) == [0, 200])
        }
    }

    @Test func neverRetriesA401AndNeverEchoesTheToken() async throws {
        let wrong = "sk_test_wrong_token_123"
        try await withSimulator(token: wrong) { client, simulator in
            let error = await #expect(throws: VitallyError.self) { try await client.accounts().collect() }
            #expect(error?.code == .unauthorized)
            #expect(error?.status == 401)
            #expect(!(error?.description.contains(wrong) ?? true))
            #expect(await simulator.state.log.count == 1)
        }
    }

    @Test func neverRetriesA403Or404() async throws {
        try await withSimulator({ $0.forbiddenResources = ["notes"] }) { client, simulator in
            let forbidden = await #expect(throws: VitallyError.self) { try await client.list(VitallyPath.resource("notes"), as: Note.self).collect() }
            #expect(forbidden?.code == .forbidden)
            let missing = await #expect(throws: VitallyError.self) { try await client.account(id: "no-such-account") }
            #expect(missing?.code == .notFound)
            #expect(await simulator.state.log.count == 2)
        }
    }

    @Test func refusesWritesBeforeTheyLeaveTheProcess() async throws {
        try await withSimulator { client, simulator in
            let error = await #expect(throws: VitallyError.self) {
                try await client.send(HTTPRequest(method: "POST", path: "/resources/accounts"))
            }
            #expect(error?.code == .readOnly)
            #expect(await simulator.state.log.isEmpty)
        }
    }

    @Test func keepsAtMostFiveRequestsInFlight() async throws {
        try await withSimulator({ $0.latencyMilliseconds = 50 }) { client, _ in
            let probe = InFlightProbe(base: client.transport)
            let limited = VitallyClient(transport: RetryingTransport(base: probe, clock: VirtualRetryClock()))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<12 { group.addTask { _ = try await limited.account(id: "acme-001") } }
                try await group.waitForAll()
            }
            #expect(await probe.peak == 5)
        }
    }

    @Test func slowsDownWhenTheBudgetRunsLow() async throws {
        let limiter = RateLimiter(maxInFlight: 5, lowWater: 20)
        await limiter.observe(
            HTTPResponse(status: 200, headers: [HTTPHeader("RateLimit-Remaining", "4"), HTTPHeader("RateLimit-Reset", "20")], body: []))
        #expect(await limiter.pacingDelay() == 5)
        await limiter.observe(
            HTTPResponse(status: 200, headers: [HTTPHeader("RateLimit-Remaining", "900"), HTTPHeader("RateLimit-Reset", "59")], body: []))
        #expect(await limiter.pacingDelay() == 0)
    }

    /// Concurrent answers (and a replay's answers, recorded at different times) arrive in any
    /// order; the headroom kept must not depend on it, or `doctor` replays differently each time.
    @Test func theHeadroomKeptDoesNotDependOnArrivalOrder() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        func answer(_ remaining: Int, reset: Int, at seconds: Double) -> HTTPResponse {
            HTTPResponse(status: 200, headers: [HTTPHeader("RateLimit-Remaining", "\(remaining)"), HTTPHeader("RateLimit-Reset", "\(reset)")],
                         body: [], startedAt: start.addingTimeInterval(seconds))
        }
        // A new window's first answer, two answers later in that window, one from an older window.
        let answers = [answer(999, reset: 60, at: 0), answer(809, reset: 57, at: 3.2), answer(808, reset: 57, at: 3.4),
                       answer(5, reset: 2, at: -70)]
        var kept: Set<Int> = []
        for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2], [2, 3, 0, 1], [0, 2, 1, 3]] {
            let limiter = RateLimiter()
            for index in order { await limiter.observe(answers[index]) }
            kept.insert(await limiter.lastSeen?.remaining ?? -1)
        }
        #expect(kept == [808])
    }
}

/// Counts concurrent sends.
actor InFlightProbe: HTTPTransport {
    let base: any HTTPTransport
    var current = 0
    var peak = 0
    init(base: any HTTPTransport) { self.base = base }
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        current += 1
        peak = max(peak, current)
        defer { current -= 1 }
        return try await base.send(request)
    }
}
