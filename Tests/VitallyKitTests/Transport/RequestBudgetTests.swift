import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// `mcp --max-requests`: the rate limiter refuses to start a request once the budget is spent.
@Suite struct RequestBudgetTests {
    @Test func aRetryCountsAndTheRequestAfterTheBudgetIsRefusedUnsent() async throws {
        try await withSimulator { _, simulator in
            let limiter = RateLimiter()
            await limiter.setBudget(2)
            let live = LiveTransport(endpoint: try .custom(simulator.baseURL), token: testToken, timeoutSeconds: 5)
            let client = VitallyClient(transport: RetryingTransport(base: live, limiter: limiter, clock: VirtualRetryClock()))
            await simulator.state.inject(.status(503))
            _ = try await client.account(id: "acme-001")  // a 503, then the answer: two requests
            #expect(await limiter.budgetSpent)
            let error = await #expect(throws: VitallyError.self) { try await client.account(id: "globex-17") }
            #expect(error?.code == .invalidInput && error?.hint == .requestBudget(2))
            #expect(error?.cause == "the session's budget of 2 requests is spent", "\(String(describing: error))")
            #expect(error?.path == "/resources/accounts/globex-17")
            #expect(await simulator.state.log.count == 2, "the refused request was never sent")
            let (refused, started) = (await limiter.refused, await limiter.started)
            #expect(refused == 1 && started == 2)
        }
    }

    @Test func noBudgetMeansNoLimit() async throws {
        let limiter = RateLimiter()
        let (budget, spent) = (await limiter.budget, await limiter.budgetSpent)
        #expect(budget == nil && !spent)
    }
}
