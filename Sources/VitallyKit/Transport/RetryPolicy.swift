import Foundation

/// When to try again and how long to wait: 429 waits for the server's word, 5xx and
/// connection errors back off exponentially, 4xx credential and lookup errors never retry.
public struct RetryPolicy: Sendable, Equatable {
    /// Tries in all for 5xx and connection errors.
    var maxAttempts = 3
    /// Tries in all when the server keeps answering 429.
    var maxRateLimitedAttempts = 5
    var baseBackoffSeconds = 0.5
    var rateLimitWaitRange: ClosedRange<Double> = 1...60

    public init() {}

    public static let none: RetryPolicy = {
        var p = RetryPolicy()
        p.maxAttempts = 1
        p.maxRateLimitedAttempts = 1
        return p
    }()

    func isRetryable(status: Int) -> Bool { status == 429 || (500...599).contains(status) }

    /// Seconds to wait after a 429: `Retry-After`, else `RateLimit-Reset`, clamped.
    package func rateLimitWait(for response: HTTPResponse) -> Double {
        let raw =
            response.header("Retry-After").flatMap(RetryPolicy.parseRetryAfter)
            ?? response.header("RateLimit-Reset").flatMap { RateLimitHeaders.firstNumber(in: $0) }
            ?? rateLimitWaitRange.lowerBound
        return min(max(raw, rateLimitWaitRange.lowerBound), rateLimitWaitRange.upperBound)
    }

    /// Exponential backoff with "full jitter" between half and all of the step.
    func backoff(afterAttempt attempt: Int, jitter: Double) -> Double {
        let step = baseBackoffSeconds * pow(2, Double(attempt - 1))
        return step * (0.5 + 0.5 * min(max(jitter, 0), 1))
    }

    /// `Retry-After` is either delay-seconds or an HTTP date; we accept the seconds form.
    static func parseRetryAfter(_ value: String) -> Double? {
        Double(value.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
    }
}

/// The `RateLimit-*` headers Vitally sends on every response (`RateLimit-Limit: 1000, 1000;window=60`).
public struct RateLimitHeaders: Sendable, Equatable {
    public var limit: Int?
    public var remaining: Int?
    public var resetSeconds: Double?

    public init(limit: Int? = nil, remaining: Int? = nil, resetSeconds: Double? = nil) {
        self.limit = limit
        self.remaining = remaining
        self.resetSeconds = resetSeconds
    }

    public init?(response: HTTPResponse) {
        let limit = response.header("RateLimit-Limit").flatMap(RateLimitHeaders.firstNumber).flatMap { Int(saturating: $0) }
        let remaining = response.header("RateLimit-Remaining").flatMap(RateLimitHeaders.firstNumber).flatMap { Int(saturating: $0) }
        let reset = response.header("RateLimit-Reset").flatMap(RateLimitHeaders.firstNumber)
        if limit == nil && remaining == nil && reset == nil { return nil }
        self.init(limit: limit, remaining: remaining, resetSeconds: reset)
    }

    /// The first number in a header value such as `1000, 1000;window=60` (ASCII digits only).
    static func firstNumber(in value: String) -> Double? {
        let digits = value.drop { !$0.isASCII || !$0.isNumber }.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
        return Double(digits).flatMap { $0.isFinite ? $0 : nil }
    }
}

extension RateLimitHeaders: Encodable {
    enum CodingKeys: String, CodingKey { case limit, remaining, resetSeconds }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(limit, forKey: .limit)
        try container.encode(remaining, forKey: .remaining)
        try container.encode(resetSeconds, forKey: .resetSeconds)
    }
}
