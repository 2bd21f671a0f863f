import Foundation

// How the values a doctor outcome carries are encoded for `doctor --json`: the facts a script
// reads (codes, statuses, requests, numbers), never the token or a sentence.

extension VitallyError.Code: Encodable {}
extension VitallyRegion: Encodable {}
extension MatchRule: Encodable {}
extension CredentialSource: Encodable {}

extension RetryCause: Encodable {
    /// `HTTP 503`, `connection`, `timeout`.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .status(let code): try container.encode("HTTP \(code)")
        case .connection: try container.encode("connection")
        case .timeout: try container.encode("timeout")
        }
    }
}

extension ConnectionStats: Encodable {
    enum CodingKeys: String, CodingKey {
        case requests, medianSeconds, worstSeconds, rateLimited, waitedSeconds, pacedSeconds, retries, failedAfterRetries
        case rateLimitHeaders, cancelled
    }

    /// One retry cause and how often it was met.
    struct RetryCount: Encodable {
        var cause: RetryCause
        var count: Int
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(requests, forKey: .requests)
        // Rounded as the text shows them (`ConnectionStats.shown`), so the two never disagree.
        try container.encode(median.map(Self.shown), forKey: .medianSeconds)
        try container.encode(worst.map(Self.shown), forKey: .worstSeconds)
        try container.encode(rateLimited, forKey: .rateLimited)
        try container.encode(Self.shown(waitedSeconds), forKey: .waitedSeconds)
        try container.encode(Self.shown(pacedSeconds), forKey: .pacedSeconds)
        try container.encode(retryCounts.map { RetryCount(cause: $0.cause, count: $0.count) }, forKey: .retries)
        try container.encode(failures, forKey: .failedAfterRetries)
        try container.encode(lastRateLimit, forKey: .rateLimitHeaders)
        try container.encode(cancelled, forKey: .cancelled)
    }
}
