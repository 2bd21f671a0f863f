import Foundation
import VitallyKit

/// What an account-activity command (`notes`, `tasks`, `users`, `nps`, `conversations`) lists,
/// as one value. `--json` is its rows: each the record as Vitally sent it, with what the text
/// derives from it (`_overdue`, `_category`, and `_organization` for an item of the account's
/// organization, which the text labels `[Name]`).
struct ActivityRows<Record: VitallyModel>: Encodable {
    struct Row {
        var record: Record
        /// The organization's name when the item is the organization's, not the account's.
        var organization: String?
        var json: JSONValue
    }

    var account: Account
    var summary: String
    /// Requests whose answers could not be used, worded.
    var notices: [OutputBlock]
    /// The rows shown, and how many there were before `--limit`.
    var rows: [Row]
    var total: Int

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for row in rows { try container.encode(row.json) }
    }
}

extension ActivityRows.Row {
    /// The record's JSON (`derived` adds the listing's own fields) with its organization label.
    init(_ record: Record, organization: String?, derived: JSONValue) {
        self.record = record
        self.organization = organization
        guard let organization, var object = derived.object else {
            json = derived
            return
        }
        object["_organization"] = .string(organization)
        json = .object(object)
    }
}

/// The text of an account-activity command, from its rows.
struct ActivityRenderer<Record: VitallyModel>: ResultRenderer {
    let listing: ActivityListing<Record>
    let style: AccountStyle

    func blocks(_ value: ActivityRows<Record>) -> [OutputBlock] {
        var blocks = style.header(value.account, value.summary)
        blocks += value.notices
        func row(_ row: ActivityRows<Record>.Row) -> [Span] {
            var spans = listing.row(row.record, style)
            if let label = row.organization, spans.indices.contains(listing.labelColumn) {
                spans[listing.labelColumn].text = "[\(label)] " + spans[listing.labelColumn].text
            }
            return spans
        }
        blocks.append(
            value.total == 0
                ? .text("No \(listing.noun).", .dim)
                : .table(Table(columns: listing.columns, rows: value.rows.map(row), flexible: listing.flexible)))
        if value.total > value.rows.count { blocks.append(.text("(\(value.rows.count) of \(value.total); --limit N or --all for more)", .dim)) }
        return blocks
    }
}
