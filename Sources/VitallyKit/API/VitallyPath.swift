import Foundation

/// The request paths the client and its callers use, built here only: nothing outside `API/`
/// spells `/resources/…`.
package enum VitallyPath {
    /// A top-level collection: `/resources/accounts`, `/resources/npsResponses`.
    package static func resource(_ name: String) -> String { "/resources/" + name }

    package static let accounts = resource("accounts")
    package static let organizations = resource("organizations")

    /// One account, by Vitally id or externalId.
    package static func account(_ id: String) -> String { accounts + "/" + VitallyClient.segment(id) }

    package static func organization(_ id: String) -> String { organizations + "/" + VitallyClient.segment(id) }

    /// A per-account or per-organization list: `/resources/accounts/ID/notes`.
    package static func list(_ list: ActivityList, of owner: ListOwner) -> String {
        switch owner {
        case .account(let id): return account(id) + "/" + list.rawValue
        case .organization(let id): return organization(id) + "/" + list.rawValue
        }
    }
}

extension VitallyClient {
    /// The first page (the newest `limit` items) of an account's or an organization's list.
    package func firstPage<T: VitallyModel>(
        _ list: ActivityList, of owner: ListOwner, query: [QueryItem] = [], limit: Int, as type: T.Type = T.self
    ) async throws -> Page<T> {
        try await firstPage(VitallyPath.list(list, of: owner), query: query, limit: limit, as: type)
    }
}
