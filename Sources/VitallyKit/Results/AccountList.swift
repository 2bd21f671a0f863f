import Foundation

/// Accounts as `accounts search|list` and `organizations accounts` list them: `--json` is the
/// rows (one object each), the text a table drawn from the same rows.
package struct AccountList: Sendable, Encodable {
    /// One account as listed.
    package struct Row: Sendable, Encodable, Equatable {
        package var id: String
        package var externalId: String?
        package var name: String
        /// Its domains as matching reads them, the first one shown.
        package var domains: [String]
        package var healthScore: Double?
        package var mrr: Double?
        package var churned: Bool

        package init(_ summary: AccountSummary) {
            id = summary.id
            externalId = summary.externalId
            name = summary.name
            domains = summary.domains.map(\.domain)
            healthScore = summary.healthScore
            mrr = summary.mrr
            churned = summary.churned
        }

        /// The reference shown for it: its externalId, else its id.
        package var reference: String { externalId ?? id }
    }

    /// The rows shown (after `--limit`), and how many there were before it.
    package var rows: [Row]
    package var total: Int
    /// The organization whose accounts these are (`organizations accounts`); nil otherwise.
    package var organization: String?

    /// The first `limit` of `accounts`, in their order.
    package init(_ accounts: [AccountSummary], limit: Int?, organization: String? = nil) {
        rows = accounts.prefix(limit ?? accounts.count).map(Row.init)
        total = accounts.count
        self.organization = organization
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for row in rows { try container.encode(row) }
    }
}
