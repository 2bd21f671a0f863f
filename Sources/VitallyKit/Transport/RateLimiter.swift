import Foundation

/// Keeps at most a few requests in flight, paces them when the server says the budget is
/// running low, and remembers the last headroom it saw for `status` and `doctor`.
public actor RateLimiter {
    public let maxInFlight: Int
    /// Below this many remaining requests, start spacing requests out.
    public let lowWater: Int
    private var inFlight = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID: UInt64 = 0
    package private(set) var lastSeen: RateLimitHeaders?
    package private(set) var requestCount = 0
    /// Latency, 429s, waits, retries and failures on this connection.
    package nonisolated let meter = ConnectionMeter()

    public init(maxInFlight: Int = 5, lowWater: Int = 20) {
        self.maxInFlight = max(1, maxInFlight)
        self.lowWater = lowWater
    }

    /// The most requests this connection may start (nil: no limit), and how many it started.
    package private(set) var budget: Int?
    package private(set) var started = 0
    /// Requests refused because the budget was spent.
    package private(set) var refused = 0

    /// Caps the requests this connection starts, retries included (`mcp --max-requests`).
    package func setBudget(_ budget: Int?) { self.budget = budget }

    /// Whether the budget is spent: the next request would be refused.
    package var budgetSpent: Bool { budget.map { started >= $0 } ?? false }

    /// The refusal of a request beyond the budget.
    package static func budgetError(_ budget: Int, method: String = "GET", path: String = "") -> VitallyError {
        VitallyError(
            .invalidInput, method: method, path: path,
            cause: "the session's budget of \(budget) request\(budget == 1 ? "" : "s") is spent", hint: .requestBudget(budget))
    }

    /// Waits for a free slot; throws if the task is cancelled while waiting, or when the budget is spent.
    func acquire(for request: HTTPRequest? = nil) async throws {
        try Task.checkCancellation()
        if let budget, started >= budget {
            refused += 1
            throw Self.budgetError(budget, method: request?.method ?? "GET", path: request?.path ?? "")
        }
        started += 1
        if inFlight < maxInFlight {
            inFlight += 1
            return
        }
        nextID += 1
        let id = nextID
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiters.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        if let index = waiters.firstIndex(where: { $0.id == id }) {
            waiters.remove(at: index).continuation.resume(throwing: CancellationError())
        }
    }

    package func release() {
        if waiters.isEmpty {
            inFlight -= 1
        } else {
            waiters.removeFirst().continuation.resume()
        }
    }

    /// When `lastSeen`'s window ends and how much headroom it said, to rank the next answer.
    private var lastSeenRank: (windowEnd: Double, remaining: Int)?

    package func observe(_ response: HTTPResponse) {
        requestCount += 1
        guard let headers = RateLimitHeaders(response: response) else { return }
        // Answers arrive in any order: concurrent requests, and a replay serves answers recorded at
        // different times. The answer from the latest window wins (when it started plus how long
        // its window had left), and within one window the lowest headroom, so what `status` and
        // `doctor` show does not depend on arrival order.
        let started = (response.startedAt ?? Date()).timeIntervalSince1970
        let end = started + (headers.resetSeconds ?? 0)
        let rank = (windowEnd: end.isFinite ? end.rounded(.down) : 0, remaining: headers.remaining ?? Int.max)
        if let previous = lastSeenRank {
            let newer = rank.windowEnd != previous.windowEnd ? rank.windowEnd > previous.windowEnd : rank.remaining < previous.remaining
            guard newer else { return }
        }
        lastSeen = headers
        lastSeenRank = rank
    }

    func countFailure() { requestCount += 1 }

    /// How long to wait before the next request so the budget lasts until it resets.
    package func pacingDelay() -> Double {
        guard let seen = lastSeen, let remaining = seen.remaining, remaining < lowWater else { return 0 }
        let reset = seen.resetSeconds ?? 1
        return min(max(reset / Double(max(remaining, 1)), 0), 60)
    }
}
