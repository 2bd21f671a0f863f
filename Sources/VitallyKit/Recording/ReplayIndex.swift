import Foundation

/// Finds the recorded answer for a request in constant time: method + path + query as a set
/// of pairs (host ignored). Identical requests are served in recorded order; once they run
/// out, the last one keeps answering.
public struct ReplayIndex: Sendable {
    public let exchanges: [RecordedExchange]
    private var positions: [String: [Int]] = [:]
    private var served: [String: Int] = [:]

    public init(_ exchanges: [RecordedExchange]) {
        self.exchanges = exchanges
        for (index, exchange) in exchanges.enumerated() {
            positions[ReplayIndex.key(method: exchange.method, path: exchange.path, query: exchange.query), default: []]
                .append(index)
        }
    }

    /// The match key: `GET /resources/accounts?from=x&limit=100` with the pairs sorted.
    package static func key(method: String, path: String, query: [QueryItem]) -> String {
        var key = method.uppercased() + " " + path
        guard !query.isEmpty else { return key }
        let pairs = query.map { URLEncoding.encode($0.name) + "=" + URLEncoding.encode($0.value) }.sorted()
        key += "?" + pairs.joined(separator: "&")
        return key
    }

    package static func key(_ request: HTTPRequest) -> String {
        key(method: request.method, path: request.path, query: request.query)
    }

    /// The next recorded exchange for this request, or nil when none was recorded.
    public mutating func next(for request: HTTPRequest) -> RecordedExchange? {
        let key = ReplayIndex.key(request)
        guard let list = positions[key] else { return nil }
        let count = served[key, default: 0]
        served[key] = count + 1
        return exchanges[list[min(count, list.count - 1)]]
    }

    /// How many recorded exchanges were never served (for `status`).
    public var unusedCount: Int {
        positions.reduce(0) { total, item in total + max(0, item.value.count - served[item.key, default: 0]) }
    }

    /// Recorded requests closest to `request`, with what differs, best first; credential query
    /// values (`api_key`, `access_token`, `sig`, …) read `REDACTED`.
    package func closest(to request: HTTPRequest, limit: Int = 3) -> [(summary: String, differences: [String])] {
        var seen = Set<String>()
        var scored: [(Int, String, [String])] = []
        let wanted = Set(Redactor.credentialsHidden(request.query))
        let wantedSegments = request.path.split(separator: "/")
        for exchange in exchanges {
            let key = ReplayIndex.key(method: exchange.method, path: exchange.path, query: exchange.query)
            guard seen.insert(key).inserted else { continue }
            var score = 0
            var differences: [String] = []
            if exchange.method != request.method.uppercased() {
                score += 5
                differences.append("method \(exchange.method) instead of \(request.method)")
            }
            let segments = exchange.path.split(separator: "/")
            if exchange.path != request.path {
                let common = zip(segments, wantedSegments).filter { $0 == $1 }.count
                score += 4 * (max(segments.count, wantedSegments.count) - common)
                differences.append("path \(exchange.path)")
            }
            let recorded = Set(Redactor.credentialsHidden(exchange.query))
            let missing = wanted.subtracting(recorded).sorted { $0.name < $1.name }
            let extra = recorded.subtracting(wanted).sorted { $0.name < $1.name }
            score += missing.count + extra.count
            if !missing.isEmpty {
                differences.append("lacks " + missing.map { "\($0.name)=\(short($0.value))" }.joined(separator: ", "))
            }
            if !extra.isEmpty {
                differences.append("has " + extra.map { "\($0.name)=\(short($0.value))" }.joined(separator: ", "))
            }
            let shown = HTTPRequest(method: exchange.method, path: exchange.path, query: Redactor.credentialsHidden(exchange.query))
            scored.append((score, shown.summary, differences))
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map { ($0.1, $0.2) }
    }

    private func short(_ value: String) -> String { value.count > 24 ? String(value.prefix(21)) + "…" : value }
}
