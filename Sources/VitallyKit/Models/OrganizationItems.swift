import Foundation

/// Who an item read from an organization's list belongs to. Whether Vitally's organization lists
/// also return their accounts' items is not documented, so the item says it: one that carries an
/// `accountId` (or `accountIds`) belongs to that account, never to the organization, and is never
/// counted twice. The one home of that attribution rule.
public enum ItemOwner: Sendable, Equatable {
    /// Attached to the organization itself (no account named).
    case organization
    /// Attached to these accounts.
    case accounts([String])

    /// The owner an item names: its `accountId` (a custom object instance's `customerId`), else its
    /// `accountIds`, else the organization.
    public init(_ item: JSONValue) {
        var ids: [String] = []
        if let id = item["accountId"]?.string ?? item["customerId"]?.string, !id.isEmpty { ids.append(id) }
        for id in (item["accountIds"]?.array ?? []).compactMap(\.string) where !id.isEmpty && !ids.contains(id) { ids.append(id) }
        self = ids.isEmpty ? .organization : .accounts(ids)
    }
}

/// An organization's list split by owner, as seen from one of its accounts.
public struct OrganizationItems<T: VitallyModel>: Sendable {
    /// Items attached to the organization itself, not already among the account's.
    public var organizationLevel: [T] = []
    /// Items naming the account that its own list did not return (added as the account's, unlabelled).
    public var account: [T] = []
    /// Items naming other accounts of the organization: left out (they are the siblings').
    public var siblings: [T] = []

    /// Splits `items` (an organization's list) for the account `accountId`, skipping ids in `known`
    /// (the account's own list) and any id seen twice. An item by a user of a sibling account
    /// (`userId` in `siblingUsers`: NPS responses name no account) is that sibling's.
    public init(_ items: [T], forAccount accountId: String?, known: Set<String>, siblingUsers: Set<String> = []) {
        var seen = known
        for item in items {
            let id = item.raw["id"]?.string ?? ""
            guard id.isEmpty || seen.insert(id).inserted else { continue }
            if let user = item.raw["userId"]?.string, siblingUsers.contains(user) {
                siblings.append(item)
                continue
            }
            switch ItemOwner(item.raw) {
            case .organization: organizationLevel.append(item)
            case .accounts(let ids):
                if let accountId, ids.contains(accountId) { account.append(item) } else { siblings.append(item) }
            }
        }
    }
}
