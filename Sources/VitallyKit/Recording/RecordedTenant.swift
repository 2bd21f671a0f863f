import Foundation

/// What a recording knows about the tenant: every item its lists, objects and searches returned,
/// by resource and scope, newest exchange wins. Lets a replay answer requests nobody recorded
/// from recorded data only (`vitally-sim --serve-as-tenant`), and says how complete each list is.
package struct RecordedTenant: Sendable {
    /// One list: a resource (`notes`) in a scope (`""` for the whole tenant, or `accounts/ID`).
    package struct ListKey: Hashable, Sendable, Comparable {
        package var resource: String
        package var scope: String

        package init(resource: String, scope: String = "") {
            self.resource = resource
            self.scope = scope
        }

        package var isTenant: Bool { scope.isEmpty }
        /// `/resources/accounts/ID/notes`
        package var path: String { "/resources/" + (scope.isEmpty ? "" : scope + "/") + resource }

        package static func < (lhs: ListKey, rhs: ListKey) -> Bool {
            lhs.resource != rhs.resource ? lhs.resource < rhs.resource
                : lhs.isTenant != rhs.isTenant ? lhs.isTenant : lhs.scope < rhs.scope
        }
    }

    /// What a request path asks for, in the recording's terms.
    package enum Route: Equatable, Sendable {
        case list(ListKey)
        case object(resource: String, id: String)
        case search(resource: String)
    }

    /// One recorded page of a list.
    struct Page: Sendable {
        var from: String?
        var next: String?
        /// Whether the request only paged (limit, from, sortBy, or accounts' `status=activeOrChurned`).
        var unfiltered: Bool
    }

    /// The newest recorded value of each item, by resource and id.
    var items: [String: [String: JSONValue]] = [:]
    /// `externalId` to id, by resource.
    var aliases: [String: [String: String]] = [:]
    /// Ids in the order first recorded, per list and per resource over the whole recording.
    var listOrder: [ListKey: [String]] = [:]
    var resourceOrder: [String: [String]] = [:]
    /// Ids in the order the list's recorded pages served them, per `sortBy` (absent: `updatedAt`):
    /// how the tenant broke ties, which a cursor carried on from a recorded page depends on.
    var pageOrder: [ListKey: [String: [String]]] = [:]
    var pages: [ListKey: [Page]] = [:]
    /// A recorded `next` cursor, and the id of the last item on the page that returned it.
    var cursors: [String: String] = [:]
    /// Lists whose recorded envelopes carry `atEnd`.
    package private(set) var listsWithAtEnd: Set<ListKey> = []

    /// Reads every successful GET of the recording (bodies are decoded once, here).
    package init(_ exchanges: [RecordedExchange]) {
        var seenInList: [ListKey: Set<String>] = [:]
        var seenInPages: [ListKey: [String: Set<String>]] = [:]
        var seenInResource: [String: Set<String>] = [:]
        func remember(_ item: JSONValue, resource: String) -> String? {
            guard let id = Self.id(of: item) else { return nil }
            items[resource, default: [:]][id] = item
            if let external = item["externalId"]?.string, !external.isEmpty { aliases[resource, default: [:]][external] = id }
            if seenInResource[resource, default: []].insert(id).inserted { resourceOrder[resource, default: []].append(id) }
            return id
        }
        for exchange in exchanges where exchange.method == "GET" && exchange.status == 200 && exchange.error == nil {
            guard let route = Self.route(exchange.path), let body = try? JSONParser.parse(exchange.body) else { continue }
            switch route {
            case .object(let resource, _):
                if body.object != nil { _ = remember(body, resource: resource) }
            case .search(let resource):
                for item in body["results"]?.array ?? body.array ?? [] { _ = remember(item, resource: resource) }
            case .list(let key):
                guard let results = body["results"]?.array else { continue }
                var ids: [String] = []
                let sortBy = exchange.query.first { $0.name == "sortBy" }?.value ?? "updatedAt"
                for item in results {
                    guard let id = remember(item, resource: key.resource) else { continue }
                    ids.append(id)
                    if seenInList[key, default: []].insert(id).inserted { listOrder[key, default: []].append(id) }
                    if seenInPages[key, default: [:]][sortBy, default: []].insert(id).inserted {
                        pageOrder[key, default: [:]][sortBy, default: []].append(id)
                    }
                }
                if listOrder[key] == nil { listOrder[key] = [] }
                let next = body["next"]?.string
                if let next, let last = ids.last { cursors[next] = last }
                if body["atEnd"] != nil { listsWithAtEnd.insert(key) }
                let from = exchange.query.first { $0.name == "from" }?.value
                pages[key, default: []].append(Page(from: from, next: next, unfiltered: Self.isUnfiltered(exchange.query, key)))
            }
        }
    }

    /// Splits `/resources/...` into a list, an object or a search; nil for anything else
    /// (health-score breakdowns, custom fields, searches of instances).
    package static func route(_ path: String) -> Route? {
        let parts = path.split(separator: "/").map { URLEncoding.decode(String($0), plusAsSpace: false) }
        guard parts.first == "resources", parts.count >= 2 else { return nil }
        let resource = parts[1]
        guard !["customFields", "healthScores"].contains(resource) else { return nil }
        switch parts.count {
        case 2: return .list(ListKey(resource: resource))
        case 3: return parts[2] == "search" ? .search(resource: resource) : .object(resource: resource, id: parts[2])
        case 4 where !["healthScores", "search"].contains(parts[3]):
            return .list(ListKey(resource: parts[3], scope: resource + "/" + parts[2]))
        default: return nil
        }
    }

    static func id(of item: JSONValue) -> String? {
        if let id = item["id"]?.string { return id }
        return item["id"]?.int.map(String.init)
    }

    static func isUnfiltered(_ query: [QueryItem], _ key: ListKey) -> Bool {
        // Without status=activeOrChurned, the tenant's accounts list holds only the active accounts.
        if key.resource == "accounts", key.isTenant, !query.contains(where: { $0.name == "status" && $0.value == "activeOrChurned" }) {
            return false
        }
        return query.allSatisfy { item in
            ["limit", "from", "sortBy"].contains(item.name)
                || (item.name == "status" && item.value == "activeOrChurned" && key.resource == "accounts")
        }
    }

    /// Whether any list of this key was recorded (a tenant list also counts any scope's items).
    package func knows(_ key: ListKey) -> Bool { listOrder[canonical(key)] != nil }

    /// The key with its scope named by id when the request named it by `externalId` (`accounts/acme-001`).
    package func canonical(_ key: ListKey) -> ListKey {
        guard listOrder[key] == nil, let slash = key.scope.firstIndex(of: "/") else { return key }
        let parent = String(key.scope[..<slash]), name = String(key.scope[key.scope.index(after: slash)...])
        guard let id = aliases[parent]?[name] else { return key }
        return ListKey(resource: key.resource, scope: parent + "/" + id)
    }

    /// The items of a list in recorded order, deduplicated, newest values; nil when that list was
    /// never recorded. The tenant's list also holds the resource's items from every scope and object.
    /// With `sortedBy`, the items the list's own pages sorted that way served come first, in their
    /// order, then the list's other items: sorting on the field then breaks ties as the tenant did.
    package func items(in key: ListKey, sortedBy sortBy: String? = nil) -> [JSONValue]? {
        let key = canonical(key)
        guard var ids = key.isTenant ? (knows(key) ? resourceOrder[key.resource] : nil) : listOrder[key] else { return nil }
        if let sortBy {
            var seen = Set<String>()
            ids = ((pageOrder[key]?[sortBy] ?? []) + (listOrder[key] ?? []) + ids).filter { seen.insert($0).inserted }
        }
        let values = items[key.resource] ?? [:]
        return ids.compactMap { values[$0] }
    }

    /// Every recorded item of a resource, from any list, object or search, in recorded order.
    package func allItems(of resource: String) -> [JSONValue] {
        let values = items[resource] ?? [:]
        return (resourceOrder[resource] ?? []).compactMap { values[$0] }
    }

    /// The newest recorded value of one item, by id or `externalId`.
    package func object(_ resource: String, id: String) -> JSONValue? {
        let values = items[resource] ?? [:]
        return values[id] ?? aliases[resource]?[id].flatMap { values[$0] }
    }

    /// The id of the last item on the recorded page that returned this `next` cursor.
    package func lastID(beforeRecordedCursor cursor: String) -> String? { cursors[cursor] }

    /// Whether the list was read to its end: unfiltered pages chained from a first page to `next: null`.
    package func isComplete(_ key: ListKey) -> Bool {
        let recorded = (pages[canonical(key)] ?? []).filter(\.unfiltered)
        var frontier = recorded.filter { $0.from == nil }
        var followed = Set<String>()
        while let page = frontier.popLast() {
            guard let next = page.next else { return true }
            guard followed.insert(next).inserted else { continue }
            frontier += recorded.filter { $0.from == next }
        }
        return false
    }
}
