import Foundation

/// Credentials a foreign HAR may hold (`api_key=…`, `Set-Cookie`, `X-Amz-Security-Token`), hidden
/// wherever a recording is shown or served: `recordings show`, the replay server's answers and
/// its 404 hints. Which names are credentials is `Redactor.isSecretName`, the one list.
extension Redactor {
    /// Query items, credential values replaced by `REDACTED`.
    package static func credentialsHidden(_ query: [QueryItem]) -> [QueryItem] {
        query.map { isSecretName($0.name) ? QueryItem($0.name, placeholder) : $0 }
    }

    /// Headers, credential values replaced by `REDACTED` (names and order kept).
    package static func credentialsHidden(headers: [HTTPHeader]) -> [HTTPHeader] {
        headers.map { isSecretName($0.name) ? HTTPHeader($0.name, placeholder) : $0 }
    }

    /// A request with its credential query values replaced.
    package static func credentialsHidden(_ request: HTTPRequest) -> HTTPRequest {
        var shown = request
        shown.query = credentialsHidden(request.query)
        return shown
    }

    /// A URL with its credential query values and any userinfo replaced; other bytes as they were.
    package static func credentialsHidden(url: String) -> String {
        let withoutUserinfo = hidingUserinfo(url)
        guard let mark = withoutUserinfo.firstIndex(of: "?") else { return withoutUserinfo }
        let base = withoutUserinfo[..<mark]
        var rest = withoutUserinfo[withoutUserinfo.index(after: mark)...]
        var fragment = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[hash...])
            rest = rest[..<hash]
        }
        let parts = rest.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = URLEncoding.decode(String(pair[..<equals]))
            return isSecretName(name) ? String(pair[..<equals]) + "=" + placeholder : String(pair)
        }
        return base + "?" + parts.joined(separator: "&") + fragment
    }
}
