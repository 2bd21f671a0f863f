import Foundation
import VitallyKit

/// A glob over a request's path and query (`/resources/users/search?email=ann*`): `*` matches any
/// run of characters; a pattern without `*` matches every request that starts with it.
package struct RequestPattern: Sendable, Equatable {
    package let text: String

    package init(_ text: String) { self.text = text }

    /// The request as the pattern sees it: the path, then `?` and the query as sent.
    static func subject(path: String, query: [QueryItem]) -> String {
        query.isEmpty ? path : path + "?" + query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    package func matches(path: String, query: [QueryItem] = []) -> Bool {
        let subject = Self.subject(path: path, query: query)
        guard text.contains("*") else { return subject.hasPrefix(text) }
        return Self.glob(Array(text), Array(subject))
    }

    /// Iterative glob with backtracking to the last `*` (linear in practice, never recursive).
    static func glob(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0, t = 0
        var star: Int?, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let s = star {
                p = s + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}

extension SimulatorOptions {
    /// Reads `--fail-rate RATE[@PATTERN]`: a share 0-1 of requests, optionally only those matching PATTERN.
    package static func parseFailRate(_ text: String) -> (rate: Double, pattern: RequestPattern?)? {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, let rate = Double(first), (0...1).contains(rate) else { return nil }
        guard parts.count == 2 else { return (rate, nil) }
        guard !parts[1].isEmpty else { return nil }
        return (rate, RequestPattern(parts[1]))
    }
}
