import Foundation

/// One of an organization's lists (`organizations users|notes|tasks ORG`): each record as
/// Vitally sent it with `_accounts`, the names of the accounts it names (the text labels it
/// `[Acme Labs]`); a record kept on the organization itself has none.
package struct OrganizationRecords<Record: VitallyModel>: Sendable, Encodable {
    /// A record and the names of the accounts it belongs to (empty: the organization's own).
    package struct Row: Sendable, Encodable {
        package var record: Record
        package var accounts: [String]

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: RecordKey.self)
            try container.encodeMembers(of: record.raw, before: "_accounts")
            if !accounts.isEmpty { try container.encode(accounts, forKey: RecordKey("_accounts")) }
        }
    }

    /// The organization's name (its id when it has none).
    package var organization: String
    /// The rows shown (after the limit), and how many records there were.
    package var rows: [Row]
    package var total: Int

    /// The first `limit` records, each with the names (from `accountNames`, by id; the id when
    /// unknown) of the accounts it names.
    package init(organization: String, records: [Record], limit: Int, accountNames: [String: String]) {
        self.organization = organization
        rows = records.prefix(limit).map { record in
            switch ItemOwner(record.raw) {
            case .organization: return Row(record: record, accounts: [])
            case .accounts(let ids): return Row(record: record, accounts: ids.map { accountNames[$0] ?? $0 })
            }
        }
        total = records.count
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for row in rows { try container.encode(row) }
    }
}
