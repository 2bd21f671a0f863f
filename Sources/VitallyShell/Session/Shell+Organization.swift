import Foundation
import VitallyKit

/// An account's list read at the account and at its organization, with what could not be read.
struct OwnedItems<T: VitallyModel> {
    var items: [T] = []
    /// Ids of the items that came from the organization only.
    var organizationIds: Set<String> = []
    var organizationName: String?
    /// One line per request whose answer could not be used (shape, 403, 404): the rest goes on.
    var notices: [OutputBlock] = []

    func label(_ id: String) -> String? { organizationIds.contains(id) ? organizationName ?? "organization" : nil }
}

extension Shell {
    /// The organization's name for an account, nil when it has none; its id when it cannot be read.
    func organizationName(of account: Account) async -> String? {
        guard let id = account.organizationId, !id.isEmpty else { return nil }
        return Customer.organizationLabel(id, (try? await Customer.readOrganization(id, with: connection.client))?.organization)
    }

    /// The account as a customer: with its organization read when it names one. When that read
    /// fails, the customer says which request failed (never a silent "no score").
    func customer(of account: Account) async -> Customer {
        do {
            let (organization, error) = try await Customer.readOrganization(account.organizationId, with: connection.client)
            return Customer(account: account, organization: organization, organizationUnread: error.map(advice))
        } catch {
            return Customer(account: account, organization: nil, organizationUnread: error.localizedDescription)
        }
    }

    /// One line naming a request whose answer is unusable, and how to see it.
    func notice(_ error: VitallyError) -> OutputBlock {
        .text(advice(error), .warn)
    }

    /// Every item of `list` at the account and at its organization (deduplicated by id).
    /// Unrecognised shapes, 403s and 404s become notices instead of failing the command.
    func ownedItems<T: VitallyModel>(
        _ list: ActivityList, of account: Account, filter: ListFilter = ListFilter(), accountLevel: Bool = true,
        organization: Bool = true, as type: T.Type
    ) async throws -> OwnedItems<T> {
        var result = OwnedItems<T>()
        let client = connection.client
        func read(_ owner: ListOwner) async throws -> (items: [T], failure: VitallyError?) {
            do {
                return (try await client.ownerList(list, of: owner, filter: filter, as: T.self).collect(), nil)
            } catch let error as VitallyError where [.unrecognisedShape, .forbidden, .notFound, .badRequest].contains(error.code) {
                return ([], error)
            }
        }
        if accountLevel {
            let (items, failure) = try await read(.account(account.id))
            result.items = items
            if let failure { result.notices.append(notice(failure)) }
        }
        if organization, let orgId = account.organizationId, !orgId.isEmpty {
            let known = Set(result.items.map(\.raw).compactMap { $0["id"]?.string })
            let (items, failure) = try await read(.organization(orgId))
            if let failure { result.notices.append(notice(failure)) }
            // With the account's own list, the organization's is split by owner (a sibling's items are
            // left out); read alone (`--org`), it is shown whole.
            let split = OrganizationItems(items, forAccount: account.id, known: known)
            result.items += accountLevel ? split.account : []
            for item in split.organizationLevel + (accountLevel ? [] : split.account + split.siblings) {
                result.items.append(item)
                if let id = item.raw["id"]?.string { result.organizationIds.insert(id) }
            }
            if !result.organizationIds.isEmpty || !accountLevel { result.organizationName = await organizationName(of: account) }
        }
        return result
    }
}
