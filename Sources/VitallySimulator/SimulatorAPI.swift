import Foundation
import VitallyKit

/// The simulator's routing and paging over a data set: pure, no networking, no auth.
package struct SimulatorAPI: Sendable {
    package let data: SimulatorDataSet
    let accountsByKey: [String: JSONValue]
    let usersByKey: [String: JSONValue]
    let byAccount: [String: [String: [JSONValue]]]
    let byOrganization: [String: [String: [JSONValue]]]
    let healthScoreShape: HealthScoreShape
    let taskStatusFilter: TaskStatusFilter
    let instancesEnvelope: InstancesEnvelope

    package init(data: SimulatorDataSet, healthScoreShape: HealthScoreShape = .results, taskStatusFilter: TaskStatusFilter = .honoured,
                 organizationLists: OrganizationLists = .exclusive, instancesEnvelope: InstancesEnvelope = .bareArray) {
        self.instancesEnvelope = instancesEnvelope
        self.data = data
        self.healthScoreShape = healthScoreShape
        self.taskStatusFilter = taskStatusFilter
        var accountsByKey: [String: JSONValue] = [:]
        for a in data.accounts {
            if let id = a["id"]?.string { accountsByKey[id] = a }
            if let ext = a["externalId"]?.string { accountsByKey[ext] = a }
        }
        self.accountsByKey = accountsByKey
        var usersByKey: [String: JSONValue] = [:]
        for u in data.users {
            if let id = u["id"]?.string { usersByKey[id] = u }
            if let ext = u["externalId"]?.string { usersByKey[ext] = u }
        }
        self.usersByKey = usersByKey
        var index: [String: [String: [JSONValue]]] = [:]
        func add(_ list: String, _ accountIds: [String], _ item: JSONValue) {
            for id in accountIds { index[id, default: [:]][list, default: []].append(item) }
        }
        for u in data.users { add("users", u.accountIdsOfUser, u) }
        for n in data.notes { add("notes", [n["accountId"]?.string].compactMap { $0 }, n) }
        for t in data.tasks { add("tasks", [t["accountId"]?.string].compactMap { $0 }, t) }
        for p in data.projects { add("projects", [p["accountId"]?.string].compactMap { $0 }, p) }
        for m in data.meetings { add("meetings", (m["accountIds"]?.array ?? []).compactMap(\.string), m) }
        for c in data.conversations {
            add("conversations", (c["accounts"]?.array ?? []).compactMap { $0["id"]?.string }, c.withoutMessages)
        }
        for r in data.npsResponses {
            let ids = r["userId"]?.string.flatMap { usersByKey[$0] }?.accountIdsOfUser ?? []
            add("npsResponses", ids, r)
        }
        byAccount = index
        // Whether Vitally's organization sub-lists also hold their accounts' items is not known
        // (vitally-api.md lists the paths only). The simulator serves what is attached to the
        // organization itself (`organizationId`), and the users (and their NPS responses) whose
        // `organizationIds` name it: the second overlaps the accounts' lists, so clients must dedupe.
        var orgIndex: [String: [String: [JSONValue]]] = [:]
        for account in data.accounts {
            guard let org = account["organizationId"]?.string else { continue }
            orgIndex[org, default: [:]]["accounts", default: []].append(account)
        }
        func addToOrg(_ list: String, _ item: JSONValue) {
            guard let org = item["organizationId"]?.string else { return }
            orgIndex[org, default: [:]][list, default: []].append(item)
        }
        data.notes.forEach { addToOrg("notes", $0) }
        data.tasks.forEach { addToOrg("tasks", $0) }
        data.projects.forEach { addToOrg("projects", $0) }
        for u in data.users {
            for org in (u["organizationIds"]?.array ?? []).compactMap(\.string) { orgIndex[org, default: [:]]["users", default: []].append(u) }
        }
        for r in data.npsResponses {
            let orgs = r["userId"]?.string.flatMap { usersByKey[$0] }.map { ($0["organizationIds"]?.array ?? []).compactMap(\.string) } ?? []
            for org in orgs { orgIndex[org, default: [:]]["npsResponses", default: []].append(r) }
        }
        if organizationLists == .inclusive { orgIndex.includeAccountItems(byAccount) }
        byOrganization = orgIndex
    }

    static let activityLists: Set<String> = ["users", "notes", "tasks", "conversations", "projects", "meetings", "npsResponses"]

    /// Answers one GET. Paths are `/resources/...`; the query is already decoded.
    func respond(path: String, query: [QueryItem]) -> SimulatorResponse {
        let parts = path.split(separator: "/").map { URLEncoding.decode(String($0), plusAsSpace: false) }
        guard parts.first == "resources", parts.count >= 2 else {
            return .error(404, "Cannot GET \(path)")
        }
        let q = Dictionary(query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let rest = Array(parts.dropFirst(2))
        switch parts[1] {
        case "accounts": return accounts(rest, q)
        case "organizations": return organizations(rest, q)
        case "users": return users(rest, q)
        case "admins":
            if rest == ["search"] {
                guard let email = q["email"], !email.isEmpty else { return .error(400, "email is required") }
                guard let admin = data.admins.first(where: { $0["email"]?.string?.lowercased() == email.lowercased() })
                else { return .error(404, "Admin not found") }
                return .json(admin)
            }
            return rest.isEmpty ? page(data.admins, q) : .error(404, "Cannot GET \(path)")
        case "notes": return collection(data.notes, rest, q, filters: ["archived", "source"])
        case "tasks":
            if rest.isEmpty { return list("tasks", data.tasks, q) }
            return collection(data.tasks, rest, q, filters: ["archived", "source"])
        case "projects": return collection(data.projects, rest, q, filters: ["archived"])
        case "meetings": return collection(data.meetings, rest, q, filters: ["archived"])
        case "npsResponses":
            // `target` spelling differs between sources (organization / organizations); both accepted.
            switch q["target"] {
            case nil, "accounts", "account": return collection(data.npsResponses, rest, q, filters: [])
            case "organizations", "organization": return collection(organizationNPS, rest, q, filters: [])
            default: return .error(400, "target must be accounts or organizations")
            }
        case "noteCategories": return rest.isEmpty ? page(data.noteCategories, q) : .error(404, "Cannot GET \(path)")
        case "taskCategories": return rest.isEmpty ? page(data.taskCategories, q) : .error(404, "Cannot GET \(path)")
        case "conversations": return conversations(rest, q)
        case "messages":
            guard rest.count == 1 else { return .error(404, "Cannot GET \(path)") }
            let all = data.conversations.flatMap { $0["messages"]?.array ?? [] }
            return all.first { $0["id"]?.string == rest[0] }.map { .json($0) } ?? .error(404, "Message not found")
        case "customFields":
            guard let model = q["model"], !model.isEmpty else { return .error(400, "model is required") }
            let known = ["users", "accounts", "organizations", "customObjects", "tasks", "notes", "projects", "conversations", "team"]
            guard known.contains(model) else { return .error(400, "Invalid model \(model)") }
            return .json(.array(data.customFields[model] ?? []))
        case "customObjects": return customObjects(rest, q)
        default: return .error(404, "Cannot GET \(path)")
        }
    }

    func accounts(_ rest: [String], _ q: [String: String]) -> SimulatorResponse {
        if rest.isEmpty {
            let status = q["status"] ?? "active"
            let items: [JSONValue]
            switch status {
            case "active": items = data.accounts.filter { $0["churnedAt"]?.isNull ?? true }
            case "churned": items = data.accounts.filter { !($0["churnedAt"]?.isNull ?? true) }
            case "activeOrChurned": items = data.accounts
            default: return .error(400, "status must be one of active, churned, activeOrChurned")
            }
            return page(items, q)
        }
        guard let account = accountsByKey[rest[0]], let id = account["id"]?.string else {
            return .error(404, "Account not found")
        }
        if rest.count == 1 { return .json(account) }
        if rest.count == 2, rest[1] == "healthScores" {
            return .json(healthScores(data.healthScores[id] ?? [], shape: data.healthScoreShapes[id] ?? healthScoreShape))
        }
        if rest.count == 2, Self.activityLists.contains(rest[1]) { return list(rest[1], byAccount[id]?[rest[1]] ?? [], q) }
        return .error(404, "Cannot GET /resources/accounts/\(rest.joined(separator: "/"))")
    }

    func organizations(_ rest: [String], _ q: [String: String]) -> SimulatorResponse {
        if rest.isEmpty { return page(data.organizations, q) }
        guard let org = data.organizations.first(where: { $0["id"]?.string == rest[0] || $0["externalId"]?.string == rest[0] }),
            let id = org["id"]?.string
        else { return .error(404, "Organization not found") }
        if rest.count == 1 { return .json(org) }
        if rest.count == 2, rest[1] == "accounts" || Self.activityLists.contains(rest[1]) {
            return list(rest[1], byOrganization[id]?[rest[1]] ?? [], q)
        }
        return .error(404, "Cannot GET /resources/organizations/\(rest.joined(separator: "/"))")
    }

    func users(_ rest: [String], _ q: [String: String]) -> SimulatorResponse {
        if rest.isEmpty { return page(data.users, q) }
        if rest == ["search"] {
            let criteria = ["email", "emailSubdomain", "externalId"].filter { q[$0] != nil }
            guard criteria.count == 1, let key = criteria.first, let value = q[key], !value.isEmpty else {
                return .error(400, "Exactly one of email, emailSubdomain or externalId is required")
            }
            let needle = value.lowercased()
            // Assumption (vitally-api.md open question 9): emailSubdomain matches the part after @ exactly.
            let found = data.users.filter { user in
                switch key {
                case "email": return user["email"]?.string?.lowercased() == needle
                case "emailSubdomain": return user["email"]?.string?.lowercased().split(separator: "@").last.map(String.init) == needle
                default: return user["externalId"]?.string == value
                }
            }
            return .json(["results": .array(found)])
        }
        guard rest.count == 1, let user = usersByKey[rest[0]] else { return .error(404, "User not found") }
        return .json(user)
    }

    func conversations(_ rest: [String], _ q: [String: String]) -> SimulatorResponse {
        if rest.isEmpty { return page(data.conversations.map(\.withoutMessages), q) }
        guard let conversation = data.conversations.first(where: { $0["id"]?.string == rest[0] }) else {
            return .error(404, "Conversation not found")
        }
        if rest.count == 1 { return .json(conversation) }
        if rest.count == 2, rest[1] == "messages" { return page(conversation["messages"]?.array ?? [], q) }
        return .error(404, "Cannot GET /resources/conversations/\(rest.joined(separator: "/"))")
    }

    func customObjects(_ rest: [String], _ q: [String: String]) -> SimulatorResponse {
        if rest.isEmpty { return page(data.customObjects, q) }
        guard let object = data.customObjects.first(where: { $0["id"]?.string == rest[0] }) else {
            return .error(404, "Custom object not found")
        }
        let instances = data.customObjectInstances[rest[0]] ?? []
        switch rest.count {
        case 1: return .json(object)
        case 2 where rest[1] == "instances": return page(instances, q)
        case 3 where rest[1] == "instances" && rest[2] == "search":
            let keys = ["id", "externalId", "customerId", "organizationId"].filter { q[$0] != nil }
            guard keys.count == 1, let key = keys.first, let value = q[key] else {
                return .error(400, "Exactly one of id, externalId, customerId, organizationId is required")
            }
            let found = JSONValue.array(instances.filter { $0[key]?.string == value })
            return .json(instancesEnvelope == .results ? ["results": found, "next": .null] : found)
        default: return .error(404, "Cannot GET /resources/customObjects/\(rest.joined(separator: "/"))")
        }
    }

    func collection(_ items: [JSONValue], _ rest: [String], _ q: [String: String], filters: Set<String>)
        -> SimulatorResponse
    {
        if rest.count == 1 {
            return items.first { $0["id"]?.string == rest[0] }.map { .json($0) } ?? .error(404, "Not found")
        }
        guard rest.isEmpty else { return .error(404, "Not found") }
        return page(filter(items, q, allowed: filters), q)
    }

    /// One page of an account's or organization's list, filtered; task lists also read `status`.
    func list(_ name: String, _ items: [JSONValue], _ q: [String: String]) -> SimulatorResponse {
        var filtered = filter(items, q)
        if name == "tasks", let status = q["status"] {
            switch taskStatusFilter {
            case .ignored: break
            case .refused: return .error(400, "Unknown query parameter: status")
            case .honoured:
                guard status == "open" || status == "completed" else { return .error(400, "status must be open or completed") }
                filtered = filtered.filter { task in
                    let open = (task["completedAt"]?.isNull ?? true) && (task["archivedAt"]?.isNull ?? true)
                    return open == (status == "open")
                }
            }
        }
        return page(filtered, q)
    }

    /// `archived=true|false` and `source=NAME`, where the list takes them.
    func filter(_ items: [JSONValue], _ q: [String: String], allowed: Set<String> = ["archived", "source"]) -> [JSONValue] {
        var filtered = items
        if allowed.contains("archived"), let archived = q["archived"] {
            let wantArchived = archived == "true"
            filtered = filtered.filter { ($0["archivedAt"]?.isNull ?? true) != wantArchived }
        }
        if allowed.contains("source"), let source = q["source"], !source.isEmpty {
            filtered = filtered.filter { $0["source"]?.string?.lowercased() == source.lowercased() }
        }
        return filtered
    }

    /// NPS responses of users who belong to an organization, tagged with it (`target=organizations`).
    var organizationNPS: [JSONValue] {
        data.npsResponses.compactMap { response in
            guard let user = response["userId"]?.string.flatMap({ usersByKey[$0] }),
                let org = user["organizationIds"]?[0], var object = response.object
            else { return nil }
            object["organizationId"] = org
            return .object(object)
        }
    }

    /// The breakdown rows in the shape asked for.
    func healthScores(_ rows: [JSONValue], shape: HealthScoreShape) -> JSONValue {
        switch shape {
        case .results: return ["results": .array(rows), "next": .null]
        case .bareArray: return .array(rows)
        case .keyedByName:
            var object = JSONObject()
            for row in rows { if let name = row["name"]?.string { object[name] = row["score"] ?? .null } }
            return .object(object)
        case .unrecognised:
            return ["breakdown": .array(rows.map { ["indicator": $0["name"] ?? .null, "points": $0["score"] ?? .null] })]
        }
    }
}

extension JSONValue {
    var accountIdsOfUser: [String] { (self["accountIds"]?.array ?? []).compactMap(\.string) }

    var withoutMessages: JSONValue {
        guard var object = self.object else { return self }
        for key in ["messages", "accounts", "users", "admins"] { object[key] = nil }
        return .object(object)
    }
}

extension [String: [String: [JSONValue]]] {
    /// `--org-lists inclusive`: each organization's lists also hold its accounts' items (each once).
    mutating func includeAccountItems(_ byAccount: [String: [String: [JSONValue]]]) {
        for (org, lists) in self {
            var merged = lists
            for account in lists["accounts"] ?? [] {
                guard let accountId = account["id"]?.string else { continue }
                for (list, items) in byAccount[accountId] ?? [:] {
                    var known = Set((merged[list] ?? []).compactMap { $0["id"]?.string })
                    for item in items where known.insert(item["id"]?.string ?? "").inserted { merged[list, default: []].append(item) }
                }
            }
            for (list, items) in merged where list != "accounts" {
                merged[list] = items.sorted { ($0["updatedAt"]?.string ?? "") > ($1["updatedAt"]?.string ?? "") }
            }
            self[org] = merged
        }
    }
}
