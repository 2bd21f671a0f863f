import Foundation

/// Why a request was tried again.
package enum RetryCause: Sendable, Hashable {
    /// The server answered this status (5xx).
    case status(Int)
    case connection, timeout
}

/// What a connection met, as numbers: each answered try's latency, 429s and the time waited,
/// retries by cause, and the requests that failed even after retries. Append-only, so
/// `since(_:)` gives what one command met.
package struct ConnectionStats: Sendable, Equatable {
    /// Seconds per try that got an answer or timed out or lost its connection, in order.
    package var latencies: [Double] = []
    /// 429 answers met.
    package var rateLimited = 0
    /// Seconds spent waiting: for the rate limit, and backing off before retries.
    package var waitedSeconds = 0.0
    /// Seconds spent spacing requests out because the budget ran low (no 429 needed).
    package var pacedSeconds = 0.0
    /// The `RateLimit-*` headers that made the client pace.
    package var pacedBy: RateLimitHeaders?
    package var retries: [RetryCause] = []
    /// Requests that failed after every retry: `GET /resources/users/search: timeout`.
    package var failures: [String] = []
    /// The `RateLimit-*` headers of the last 429.
    package var lastRateLimit: RateLimitHeaders?
    /// Requests finished (each once, however many tries).
    package var requests = 0
    /// Requests the caller cancelled.
    package var cancelled = 0

    package init() {}

    /// What happened after `earlier` was taken.
    package func since(_ earlier: ConnectionStats) -> ConnectionStats {
        var delta = self
        delta.latencies = Array(latencies.dropFirst(earlier.latencies.count))
        delta.rateLimited -= earlier.rateLimited
        delta.waitedSeconds -= earlier.waitedSeconds
        delta.pacedSeconds -= earlier.pacedSeconds
        if pacedSeconds == earlier.pacedSeconds { delta.pacedBy = nil }
        delta.retries = Array(retries.dropFirst(earlier.retries.count))
        delta.failures = Array(failures.dropFirst(earlier.failures.count))
        delta.requests -= earlier.requests
        delta.cancelled -= earlier.cancelled
        if rateLimited == earlier.rateLimited { delta.lastRateLimit = nil }
        return delta
    }

    package var median: Double? {
        guard !latencies.isEmpty else { return nil }
        let sorted = latencies.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    package var worst: Double? { latencies.max() }

    /// Seconds as `doctor` shows them, in its text and its JSON alike: whole milliseconds below a
    /// second, tenths from one second up.
    package static func shown(_ seconds: Double) -> Double {
        let milliseconds = (seconds * 1000).rounded() / 1000
        return milliseconds < 1 ? milliseconds : (seconds * 10).rounded() / 10
    }

    /// Retries counted by cause, most first.
    package var retryCounts: [(cause: RetryCause, count: Int)] {
        var counts: [RetryCause: Int] = [:]
        for cause in retries { counts[cause, default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : "\($0.cause)" < "\($1.cause)" }
    }
}

/// What the connection is doing now, for a progress line.
package struct ConnectionActivity: Sendable, Equatable {
    /// A wait in progress: why, until when, and which try comes next of how many.
    package struct Wait: Sendable, Equatable {
        /// Why: a retry's cause; nil for a 429 (`pacing` false) or a low budget (`pacing` true).
        package var cause: RetryCause?
        package var pacing = false
        package var until: Date
        package var attempt: Int
        package var of: Int
        /// Which request waits (its number in `started`).
        package var request = 0
    }

    package var started = 0
    package var finished = 0
    /// Pages of the account list read (the scan behind matching by trait and name).
    package var accountPages = 0
    package var wait: Wait?
}

/// Counts what the retrying transport meets; `doctor` turns it into checks and the shell's
/// progress line reads `activity`.
package actor ConnectionMeter {
    package private(set) var stats = ConnectionStats()
    package private(set) var activity = ConnectionActivity()

    package init() {}

    /// Counts a request; returns its number, which its waits carry.
    func began(_ request: HTTPRequest) -> Int {
        activity.started += 1
        if request.path == "/resources/accounts" { activity.accountPages += 1 }
        return activity.started
    }

    func answered(seconds: Double) { stats.latencies.append(seconds) }

    func rateLimited(_ headers: RateLimitHeaders?) {
        stats.rateLimited += 1
        if let headers { stats.lastRateLimit = headers }
    }

    /// A wait before the next try; `cause` nil for the rate limit.
    func waiting(_ seconds: Double, cause: RetryCause?, attempt: Int, of total: Int, request number: Int) {
        stats.waitedSeconds += seconds
        if let cause { stats.retries.append(cause) }
        activity.wait = ConnectionActivity.Wait(cause: cause, until: Date().addingTimeInterval(seconds), attempt: attempt, of: total,
                                                request: number)
    }

    /// The wait of request `number` is over (another request's wait stays shown).
    func doneWaiting(request number: Int) { if activity.wait?.request == number { activity.wait = nil } }

    /// A pause before a request because the budget is running low.
    func pacing(_ seconds: Double, headers: RateLimitHeaders?, request number: Int) {
        stats.pacedSeconds += seconds
        stats.pacedBy = headers
        activity.wait = ConnectionActivity.Wait(cause: nil, pacing: true, until: Date().addingTimeInterval(seconds), attempt: 0, of: 0,
                                                request: number)
    }

    /// The request is over; `failure` says why it failed after retries, if it did.
    func finished(_ request: HTTPRequest, number: Int, failure: String? = nil, cancelled: Bool = false) {
        activity.finished += 1
        doneWaiting(request: number)
        stats.requests += 1
        if cancelled { stats.cancelled += 1 }
        if let failure { stats.failures.append("\(request.summary): \(failure)") }
    }
}
