import VitallyKit

/// What `raw` will send: a path under `/resources/` with no way out of it, however encoded.
enum RawPath {
    static let refusal = "raw reads paths under /resources/ only; '..', ';', backslashes and percent-encoded dots or slashes are not allowed"

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

    /// A typed query's `+` means a plus, as it would in a browser's address bar: sent as `%2B`.
    static func keepingPlus(_ target: String) -> String {
        guard let mark = target.firstIndex(of: "?") else { return target }
        return String(target[..<mark]) + target[mark...].replacingOccurrences(of: "+", with: "%2B")
    }
}
