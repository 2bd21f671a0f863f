import Foundation

// How the values a doctor outcome carries are encoded for `doctor --json`: the facts a script
// reads (codes, statuses, requests, numbers), never the token or a sentence.

extension VitallyError.Code: Encodable {}
extension VitallyRegion: Encodable {}
extension MatchRule: Encodable {}
extension CredentialSource: Encodable {}

extension VitallyError: Encodable {
    enum CodingKeys: String, CodingKey { case code, method, path, status, cause }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(method, forKey: .method)
        try container.encode(path, forKey: .path)
        try container.encode(status, forKey: .status)
        try container.encode(cause, forKey: .cause)
    }
}

extension VitallyEndpoint: Encodable {
    enum CodingKeys: String, CodingKey { case region, subdomain, baseURL, isCustom }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(region, forKey: .region)
        try container.encode(subdomain, forKey: .subdomain)
        try container.encode(baseURL, forKey: .baseURL)
        try container.encode(isCustom, forKey: .isCustom)
    }
}

extension LookupFailure: Encodable {
    enum CodingKeys: String, CodingKey { case rule, request, error }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(request, forKey: .request)
        try container.encode(error, forKey: .error)
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

extension RetryCause: Encodable {
    /// `HTTP 503`, `connection`, `timeout`.
    public func encode(to encoder: any Encoder) throws {
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

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(requests, forKey: .requests)
        try container.encode(median, forKey: .medianSeconds)
        try container.encode(worst, forKey: .worstSeconds)
        try container.encode(rateLimited, forKey: .rateLimited)
        try container.encode((waitedSeconds * 100).rounded() / 100, forKey: .waitedSeconds)
        try container.encode((pacedSeconds * 100).rounded() / 100, forKey: .pacedSeconds)
        try container.encode(retryCounts.map { RetryCount(cause: $0.cause, count: $0.count) }, forKey: .retries)
        try container.encode(failures, forKey: .failedAfterRetries)
        try container.encode(lastRateLimit, forKey: .rateLimitHeaders)
        try container.encode(cancelled, forKey: .cancelled)
    }
}
