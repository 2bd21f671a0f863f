import Foundation

/// Which accounts `GET /resources/accounts` returns; the API's default is `active`.
public enum AccountStatus: String, Sendable, CaseIterable {
    case active, churned, activeOrChurned
}

/// The per-account and per-organization activity lists.
public enum ActivityList: String, Sendable, CaseIterable {
    case users, notes, tasks, conversations, projects, meetings, npsResponses
}

/// Whose list: an account's or an organization's.
public enum ListOwner: Sendable, Equatable, Hashable {
    case account(String), organization(String)
}

/// The filters notes and tasks lists take (`archived`, and `source`, the integration that
/// created the item). Whether `source` is honoured on per-account lists is not documented
/// (vitally-api.md lists it for the top-level lists only).
public struct ListFilter: Sendable, Equatable {
    public var archived: Bool?
    public var source: String?

    public init(archived: Bool? = nil, source: String? = nil) {
        self.archived = archived
        self.source = source
    }

    public var query: [QueryItem] {
        var items: [QueryItem] = []
        if let archived { items.append(QueryItem("archived", String(archived))) }
        if let source, !source.isEmpty { items.append(QueryItem("source", source)) }
        return items
    }
}

/// Exactly one criterion for `GET /resources/users/search`.
public enum UserSearch: Sendable, Equatable {
    case email(String), emailSubdomain(String), externalId(String)

    var item: QueryItem {
        switch self {
        case .email(let v): return QueryItem("email", v)
        case .emailSubdomain(let v): return QueryItem("emailSubdomain", v)
        case .externalId(let v): return QueryItem("externalId", v)
        }
    }
}

extension VitallyClient {
    // MARK: Accounts

    public func accounts(status: AccountStatus? = nil, sortBy: String? = nil) -> PageSequence<Account> {
        var query: [QueryItem] = []
        if let status { query.append(QueryItem("status", status.rawValue)) }
        if let sortBy { query.append(QueryItem("sortBy", sortBy)) }
        return list(VitallyPath.accounts, query: query)
    }

    /// By Vitally id or by externalId (the API accepts both).
    public func account(id: String) async throws -> Account {
        try await object(VitallyPath.account(id))
    }

    /// The breakdown. No public source shows this endpoint's shape (vitally-api.md), so every shape
    /// seen or guessed is read; anything else throws `.unrecognisedShape` instead of reading as empty.
    public func healthScores(accountId: String) async throws -> [HealthScoreEntry] {
        let path = VitallyPath.account(accountId) + "/healthScores"
        guard let entries = HealthScoreEntry.parse(try await getJSON(path)) else {
            throw VitallyError.unrecognisedShape(path: path, expected: HealthScoreEntry.expectedShape)
        }
        return entries
    }

    public func accountList<T: VitallyModel>(
        _ list: ActivityList, accountId: String, filter: ListFilter = ListFilter(), as type: T.Type = T.self
    ) -> PageSequence<T> {
        self.list(VitallyPath.list(list, of: .account(accountId)), query: filter.query)
    }

    // MARK: Organizations

    public func organizations() -> PageSequence<Organization> { list(VitallyPath.organizations) }

    public func organization(id: String) async throws -> Organization {
        try await object(VitallyPath.organization(id))
    }

    public func organizationAccounts(id: String) -> PageSequence<Account> {
        list(VitallyPath.organization(id) + "/accounts")
    }

    public func organizationList<T: VitallyModel>(
        _ list: ActivityList, organizationId: String, filter: ListFilter = ListFilter(), as type: T.Type = T.self
    ) -> PageSequence<T> {
        self.list(VitallyPath.list(list, of: .organization(organizationId)), query: filter.query)
    }

    /// A per-account or per-organization list, by owner.
    public func ownerList<T: VitallyModel>(
        _ list: ActivityList, of owner: ListOwner, filter: ListFilter = ListFilter(), as type: T.Type = T.self
    ) -> PageSequence<T> {
        switch owner {
        case .account(let id): return accountList(list, accountId: id, filter: filter)
        case .organization(let id): return organizationList(list, organizationId: id, filter: filter)
        }
    }

    // MARK: Users and admins

    public func users() -> PageSequence<User> { list("/resources/users") }

    /// `users/search` answers `{results: [...]}`; whether it paginates is unknown, so a `next` is followed.
    /// Sent with the one criterion only (no `limit`): the documented form.
    public func searchUsers(_ criterion: UserSearch) async throws -> [User] {
        var page = Page<User>(json: try await getJSON("/resources/users/search", query: [criterion.item]))
        var users = page.results
        var seen: Set<String> = []
        while let next = page.next, !page.atEnd, !page.results.isEmpty, seen.insert(next).inserted {
            page = Page(json: try await getJSON("/resources/users/search", query: [criterion.item, QueryItem("from", next)]))
            users += page.results
        }
        return users
    }

    public func admins() -> PageSequence<Admin> { list("/resources/admins") }

    /// One admin object, or nil for a 404 or an empty body (both have been described).
    public func searchAdmin(email: String) async throws -> Admin? {
        do {
            let json = try await getJSON("/resources/admins/search", query: [QueryItem("email", email)])
            if let first = json["results"]?[0] { return Admin(json: first) }
            guard json["id"]?.string != nil else { return nil }
            return Admin(json: json)
        } catch let error as VitallyError where error.code == .notFound {
            return nil
        }
    }

    // MARK: Definitions

    /// A bare array, not paginated.
    public func customFields(model: String) async throws -> [CustomField] {
        let query = [QueryItem("model", model)]
        let json = try await getJSON("/resources/customFields", query: query)
        guard let rows = json.array ?? json["results"]?.array else {
            throw VitallyError.unrecognisedShape(path: "/resources/customFields", query: query, expected: "a bare array of fields")
        }
        return rows.map(CustomField.init(json:))
    }

    public func customObjects() -> PageSequence<CustomObjectRecord> { list("/resources/customObjects") }

}
