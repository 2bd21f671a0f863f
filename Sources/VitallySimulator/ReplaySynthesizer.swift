import Foundation
import VitallyKit

/// Answers a request a recording lacks from what the recording knows about the tenant
/// (`vitally-sim --replay FILE --serve-as-tenant`): lists paged from every recorded item of that
/// resource and scope, objects from any list that held them, user searches from recorded users.
/// It never invents an item: what it cannot answer from recorded data is `nil`, with the reason.
package struct ReplaySynthesizer: Sendable {
    package let tenant: RecordedTenant

    /// A synthesized answer and a few words on where it came from (for the server's log line).
    package struct Answer: Sendable {
        package var response: SimulatorResponse
        package var source: String
    }

    /// The header every synthesized answer carries.
    package static let header = HTTPHeader("X-Replay-Synthesized", "true")
    /// The query parameters a synthesized list understands; any other makes the request unanswerable.
    static let listParameters: Set<String> = ["limit", "from", "sortBy", "status", "archived", "source"]
    /// Our own page tokens start with this (inside the base64), so a foreign cursor is told apart.
    static let tokenPrefix = "replay-after:"

    package init(tenant: RecordedTenant) { self.tenant = tenant }

    /// The synthesized answer to a GET, or why the recording cannot give one.
    package func answer(path: String, query: [QueryItem]) -> Result<Answer, Unanswerable> {
        guard let route = RecordedTenant.route(path) else { return .failure(Unanswerable("no recorded list or object has this shape")) }
        let q = Dictionary(query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        switch route {
        case .list(let key): return list(key, q)
        case .object(let resource, let id):
            guard query.isEmpty, let item = tenant.object(resource, id: id) else {
                return .failure(Unanswerable("no recorded list or object holds \(resource) \(id)"))
            }
            return .success(Answer(response: Self.json(item), source: "\(resource) \(id) from a recorded list or object"))
        case .search(let resource): return search(resource, q)
        }
    }

    /// Why a request cannot be answered from recorded data.
    package struct Unanswerable: Error, Sendable {
        package var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    func list(_ key: RecordedTenant.ListKey, _ q: [String: String]) -> Result<Answer, Unanswerable> {
        if let unknown = q.keys.sorted().first(where: { !Self.listParameters.contains($0) }) {
            return .failure(Unanswerable("a recorded list cannot apply \(unknown)"))
        }
        guard var items = tenant.items(in: key) else { return .failure(Unanswerable("no page of \(key.path) was recorded")) }
        var limit = 100
        if let raw = q["limit"] {
            guard let value = Int(raw), value > 0 else { return .failure(Unanswerable("limit \(raw) is not a positive number")) }
            limit = min(value, 100)
        }
        let sortKey = q["sortBy"] ?? "updatedAt"
        guard ["updatedAt", "createdAt"].contains(sortKey) else { return .failure(Unanswerable("sortBy \(sortKey) is not updatedAt or createdAt")) }
        switch filter(items, key, q) {
        case .success(let kept): items = kept
        case .failure(let reason): return .failure(reason)
        }
        items = Self.newestFirst(items, by: sortKey)
        var start = 0
        if let from = q["from"], !from.isEmpty {
            guard let after = Self.decodeToken(from) ?? tenant.lastID(beforeRecordedCursor: from),
                let index = items.firstIndex(where: { $0["id"]?.string == after || $0["id"]?.int.map(String.init) == after })
            else { return .failure(Unanswerable("the cursor is neither this server's nor a recorded one of this list")) }
            start = index + 1
        }
        let end = min(start + limit, items.count)
        let slice = start < end ? Array(items[start..<end]) : []
        let atEnd = end >= items.count
        let lastID = slice.last.flatMap { $0["id"]?.string ?? $0["id"]?.int.map(String.init) } ?? ""
        var body = JSONObject([("results", .array(slice)), ("next", atEnd ? .null : .string(Self.encodeToken(lastID)))])
        if tenant.listsWithAtEnd.contains(key) || tenant.listsWithAtEnd.contains(where: { $0.resource == key.resource }) {
            body["atEnd"] = .bool(atEnd)
        }
        let complete = tenant.isComplete(key) ? "" : ", the list was not recorded to its end"
        let scope = key.isTenant ? "the tenant" : key.scope
        return .success(Answer(
            response: Self.json(.object(body)),
            source: "\(slice.count) of \(items.count) recorded \(key.resource) of \(scope) from \(start)\(complete)"))
    }

    /// `status`, `archived` and `source`, applied to the recorded items' own fields.
    func filter(_ items: [JSONValue], _ key: RecordedTenant.ListKey, _ q: [String: String]) -> Result<[JSONValue], Unanswerable> {
        var kept = items
        func isSet(_ item: JSONValue, _ field: String) -> Bool { !(item[field]?.isNull ?? true) }
        if key.resource == "accounts" && key.isTenant {
            switch q["status"] ?? "active" {
            case "active": kept = kept.filter { !isSet($0, "churnedAt") }
            case "churned": kept = kept.filter { isSet($0, "churnedAt") }
            case "activeOrChurned": break
            default: return .failure(Unanswerable("accounts status must be active, churned or activeOrChurned"))
            }
        } else if let status = q["status"] {
            guard key.resource == "tasks", status == "open" || status == "completed" else {
                return .failure(Unanswerable("status=\(status) on \(key.resource) is not a filter the recording can apply"))
            }
            kept = kept.filter { (!isSet($0, "completedAt") && !isSet($0, "archivedAt")) == (status == "open") }
        }
        if let archived = q["archived"] { kept = kept.filter { isSet($0, "archivedAt") == (archived == "true") } }
        if let source = q["source"], !source.isEmpty { kept = kept.filter { $0["source"]?.string?.lowercased() == source.lowercased() } }
        return .success(kept)
    }

    /// `users/search?email=|emailSubdomain=|externalId=` over the recorded users.
    func search(_ resource: String, _ q: [String: String]) -> Result<Answer, Unanswerable> {
        let criteria = ["email", "emailSubdomain", "externalId"].filter { q[$0] != nil }
        guard resource == "users", q.count == 1, let key = criteria.first, let value = q[key], !value.isEmpty else {
            return .failure(Unanswerable("only users/search with one of email, emailSubdomain or externalId is answered from recorded users"))
        }
        let users = tenant.allItems(of: "users")
        let needle = value.lowercased()
        let found = users.filter { user in
            let email = user["email"]?.string?.lowercased() ?? ""
            switch key {
            case "email": return email == needle
            case "emailSubdomain": return email.split(separator: "@").last.map(String.init) == needle
            default: return user["externalId"]?.string == value
            }
        }
        // An empty answer is only true when every user was recorded.
        guard !found.isEmpty || tenant.isComplete(.init(resource: "users")) else {
            return .failure(Unanswerable("no recorded user has \(key) \(value), and the users list was not recorded to its end"))
        }
        return .success(Answer(response: Self.json(["results": .array(found)]), source: "\(found.count) of \(users.count) recorded users"))
    }

    static func json(_ value: JSONValue) -> SimulatorResponse {
        var response = SimulatorResponse.json(value)
        response.headers.append(header)
        return response
    }

    /// Newest first by the field, keeping recorded order among equals and for items without it.
    static func newestFirst(_ items: [JSONValue], by field: String) -> [JSONValue] {
        let keyed = items.enumerated().map { (offset: $0.offset, value: $0.element, key: $0.element[field]?.string) }
        return keyed.sorted { a, b in
            switch (a.key, b.key) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.value)
    }

    /// An opaque page token: base64url of the last served id, the same for the same page every run.
    static func encodeToken(_ id: String) -> String {
        Data((tokenPrefix + id).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decodeToken(_ token: String) -> String? {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8), text.hasPrefix(tokenPrefix)
        else { return nil }
        return String(text.dropFirst(tokenPrefix.count))
    }
}
