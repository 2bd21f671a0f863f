import Foundation
import VitallyKit

/// What an account-activity command (`notes`, `tasks`, `users`, `nps`, `conversations`) lists,
/// as one value. `--json` is its rows: each the record as Vitally sent it, with what the text
/// derives from it (`_overdue`, `_category`, and `_organization` for an item of the account's
/// organization, which the text labels `[Name]`).
struct ActivityRows<Record: VitallyModel>: Encodable {
    /// One record as listed: as Vitally sent it, what the listing derives from it, and its
    /// organization's name when it is the organization's, not the account's.
    struct Row: Encodable {
        var record: Record
        var organization: String?
        var facts: RecordFacts

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: RecordKey.self)
            try container.encodeMembers(of: record.raw, before: RecordFacts.keys + ["_organization"])
            try facts.encode(into: &container)
            if let organization { try container.encode(organization, forKey: RecordKey("_organization")) }
        }
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
        for row in rows { try container.encode(row) }
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
