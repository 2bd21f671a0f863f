extension Redactor {
    /// `https://u:pass@host/x` -> `https://REDACTED@host/x`, for every URL in `text`.
    public static func hidingUserinfo(_ text: String) -> String {
        guard text.contains("@"), text.contains("://") else { return text }
        var out = ""
        var rest = Substring(text)
        while let scheme = rest.range(of: "://") {
            out += rest[..<scheme.upperBound]
            rest = rest[scheme.upperBound...]
            let authorityEnd = rest.firstIndex { "/?#\\ \t\r\n\"'<>".contains($0) } ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                out += placeholder
                rest = rest[at...]
            }
        }
        return out + rest
    }
}
