import Foundation

/// What `objects` reports: the tenant's custom objects; `--json` is each as Vitally sent it.
package struct CustomObjectList: Sendable, Encodable {
    package var objects: [CustomObjectRecord]

    package init(_ objects: [CustomObjectRecord]) { self.objects = objects }

    package func encode(to encoder: any Encoder) throws { try objects.map(\.raw).encode(to: encoder) }
}

/// What `objects ORG|ACCOUNT [NAME]` reports: one customer's instances of each custom object
/// asked. `--json` is an array, one object per custom object: `object` as Vitally sent it, its
/// `instances` (an organization's instance that names accounts gets `_accounts`, their names, as
/// the text labels it), `more` when Vitally said there were more, and `error` when the search failed.
package struct CustomerObjectInstances: Sendable, Encodable {
    /// Whose instances were searched: an organization's (`organizationId`) or an account's (`customerId`).
    package enum OwnerKind: String, Sendable {
        case organization, account
    }

    /// One custom object and what its search found.
    package struct Entry: Sendable {
        package var object: CustomObjectRecord
        /// nil when the search failed (see `error`).
        package var found: CustomObjectInstances?
        /// Why the search failed, worded for the reader; nil when it did not.
        package var error: String?

        package init(object: CustomObjectRecord, found: CustomObjectInstances?, error: String?) {
            self.object = object
            self.found = found
            self.error = error
        }
    }

    package var ownerKind: OwnerKind
    /// The organization's or account's name.
    package var ownerName: String
    /// The account's organization id, when an account was asked: its instances may be there.
    package var organizationId: String?
    package var entries: [Entry] = []
    /// An organization's accounts' names by id, for the instances that name an account.
    package var accountNames: [String: String] = [:]

    package init(ownerKind: OwnerKind, ownerName: String, organizationId: String?) {
        self.ownerKind = ownerKind
        self.ownerName = ownerName
        self.organizationId = organizationId
    }

    /// The names of the accounts an organization's instance names (their ids when unknown); empty
    /// for an account's instances and the organization's own.
    package func accounts(of instance: CustomObjectRecord) -> [String] {
        guard ownerKind == .organization, case .accounts(let ids) = ItemOwner(instance.raw) else { return [] }
        return ids.map { accountNames[$0] ?? $0 }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for entry in entries {
            let instances = entry.found.map { found in
                found.instances.map { OrganizationRecords<CustomObjectRecord>.Row(record: $0, accounts: accounts(of: $0)) }
            }
            try container.encode(KeyedPairs([
                ("object", entry.object.raw), ("instances", instances), ("more", entry.found?.more ?? false), ("error", entry.error),
            ]))
        }
    }
}
