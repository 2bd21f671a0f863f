import VitallyKit

/// What `raw` will send: a path under `/resources/` with no way out of it, however encoded.
enum RawPath {
    static let refusal = "raw reads paths under /resources/ only; '..', ';', backslashes, percent-encoded dots or slashes and URL schemes other than http(s) are not allowed"

    /// Whether `path` (no query) could step out of `/resources/`: `..`, `%2e%2e`, `%252e`, `..;/`, `%2f`.
    static func isUnsafe(_ path: String) -> Bool {
        if path.contains(";") || path.contains("\\") { return true }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            var decoded = String(segment)
            // Decode until stable, so double encoding (`%252e`) is seen too.
            for _ in 0..<4 {
                let next = URLEncoding.decode(decoded, plusAsSpace: false)
                if next == decoded { break }
                decoded = next
            }
            if decoded == ".." || decoded == "." { return true }
            if decoded != segment, decoded.contains(where: { "./\\;".contains($0) || ($0.asciiValue.map { $0 < 0x20 } ?? false) }) {
                return true
            }
        }
        return false
    }

    /// Whether `target` starts with a URL scheme other than http(s) (`file:`, `ftp:`, `FILE:`), whose
    /// path would otherwise be sent as is, outside `/resources/` (found by the attack on the MCP server).
    static func hasForeignScheme(_ target: String) -> Bool {
        guard let colon = target.firstIndex(of: ":") else { return false }
        let scheme = target[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }) else { return false }
        return !["http", "https"].contains(scheme.lowercased())
    }

    /// A typed query's `+` means a plus, as it would in a browser's address bar: sent as `%2B`.
    static func keepingPlus(_ target: String) -> String {
        guard let mark = target.firstIndex(of: "?") else { return target }
        return String(target[..<mark]) + target[mark...].replacingOccurrences(of: "+", with: "%2B")
    }
}
