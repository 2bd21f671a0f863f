import Foundation

/// What the records of a response are, from its path.
enum ScrubEntity {
    case person, account
    /// The tenant's custom objects (`/resources/customObjects`): schema, whose names and labels are kept.
    case schema

    static func entity(forPath path: String) -> ScrubEntity? {
        let segments = path.split(separator: "/").map(String.init)
        guard segments.first == "resources", segments.count >= 2 else { return nil }
        if segments.last == "users" || segments.last == "admins" || segments[1] == "users" || segments[1] == "admins" {
            return .person
        }
        if (segments[1] == "accounts" || segments[1] == "organizations") && segments.count <= 3 { return .account }
        if segments[1] == "customObjects" && segments.count <= 3 { return .schema }
        return nil
    }
}

extension ScrubWalk {
    /// Adds every `externalId` value in an entry's JSON response body to `found`.
    static func externalIds(inEntry entry: JSONValue, into found: inout Set<String>) {
        func walk(_ value: JSONValue) {
            switch value {
            case .array(let items): items.forEach(walk)
            case .object(let object):
                for (k, v) in object {
                    if k == "externalId", let id = v.string { found.insert(id) } else { walk(v) }
                }
            default: break
            }
        }
        if let json = responseJSON(of: entry) { walk(json) }
    }
}

extension ScrubWalk {
    /// Adds the name of every account or organization record in an entry's JSON response body to
    /// `found`: the records of `/resources/accounts` (or `organizations`) and those nested under an
    /// `account(s)` or `organization(s)` key, the names the matcher's company-name rule compares.
    static func accountNames(inEntry entry: JSONValue, into found: inout Set<String>) {
        func walk(_ value: JSONValue, account: Bool) {
            switch value {
            case .array(let items): items.forEach { walk($0, account: account) }
            case .object(let object):
                for (k, v) in object {
                    if account, k == "name", let name = v.string { found.insert(name) }
                    else if ScrubSafeList.accountKeys.contains(k) { walk(v, account: true) }
                    else if k == "results" { walk(v, account: account) }
                    else if case .object = v { walk(v, account: false) }
                    else if case .array = v { walk(v, account: false) }
                }
            default: break
            }
        }
        let url = entry["request"]?["url"]?.string ?? ""
        let isAccount = ScrubEntity.entity(forPath: RecordedExchange.split(url: url).path) == .account
        if let json = responseJSON(of: entry) { walk(json, account: isAccount) }
    }
}

extension ScrubWalk {
    /// An entry's response body parsed as JSON (decoded first when base64), or nil.
    static func responseJSON(of entry: JSONValue) -> JSONValue? {
        guard let content = entry["response"]?["content"], let text = content["text"]?.string else { return nil }
        let bytes = content["encoding"]?.string?.lowercased() == "base64" ? Data(base64Encoded: text).map { Array($0) } : Array(text.utf8)
        return bytes.flatMap { try? JSONParser.parse($0) }
    }
}
