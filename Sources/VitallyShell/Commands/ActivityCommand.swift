import Foundation
import VitallyKit

/// How one account-activity command lists its records: which list, how to order and show them.
struct ActivityListing<Record: VitallyModel>: Sendable {
    var list: ActivityList
    /// Plural, for "No notes." when there are none.
    var noun: String
    /// Rows shown without `--limit`; nil shows all.
    var defaultLimit: Int?
    var columns: [String]
    /// Columns that may be shortened first.
    var flexible: Set<Int>
    /// Keeps the records worth showing, most relevant first.
    var order: @Sendable (_ records: [Record], _ style: AccountStyle) -> [Record]
    /// What follows the account's name on the first line.
    var summary: @Sendable (_ ordered: [Record], _ customer: Customer, _ style: AccountStyle) -> String
    /// The column an organization-level record's `[Organization name]` label goes in.
    var labelColumn = 0
    /// Whether the account's organization's list is read too (`--org` reads it alone).
    var readsOrganization = true
    /// Whether the summary reads the organization's values (one more request): the NPS score.
    var summaryReadsOrganization = false
    var row: @Sendable (_ record: Record, _ style: AccountStyle) -> [Span]
    /// What `--json` adds to each record (`RecordFacts`), as the text shows it.
    var facts: @Sendable (_ record: Record, _ style: AccountStyle) -> RecordFacts = { _, _ in .none }
    /// Values worth offering on TAB afterwards (users' emails).
    var remember: @Sendable (_ records: [Record], _ completion: CompletionState) -> Void = { _, _ in }
}

/// A command that lists one kind of an account's records (`notes`, `tasks`, `users`, `nps`,
/// `conversations`): it gives the listing, the shared pipeline does the rest.
protocol ActivityCommand: ShellCommand {
    associatedtype Record: VitallyModel
    static var listing: ActivityListing<Record> { get }
}

extension ActivityCommand {
    /// Resolves the ACCOUNT, fetches the list, orders, limits, and renders text and JSON.
    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let listing = Self.listing
        let account = try await shell.resolveAccount(command.arguments[0])
        let onlyOrganization = command.options[Common.organization]
        if onlyOrganization, (account.organizationId ?? "").isEmpty {
            return .failure("\(account.name) belongs to no organization in Vitally; leave out --org for the account's own \(listing.noun)")
        }
        let archived = Self.spec.flags.contains(Common.archived.descriptor) ? command.options[Common.archived] : nil
        let filter = ListFilter(archived: archived == true ? true : nil, source: command.options[Common.source])
        let owned = try await shell.ownedItems(
            listing.list, of: account, filter: filter, accountLevel: !onlyOrganization,
            organization: onlyOrganization || listing.readsOrganization, as: Record.self)
        // The filters are sent and applied here too: whether Vitally honours them on per-account
        // and per-organization lists is not documented (vitally-api.md lists them for /resources/notes|tasks).
        let records = owned.items.filter { record in
            let isArchived = record.raw["archivedAt"].map { !$0.isNull } ?? false
            let sourceMatches = filter.source.map { record.raw["source"]?.string?.lowercased() == $0.lowercased() } ?? true
            return sourceMatches && (archived.map { $0 == isArchived } ?? true)
        }
        listing.remember(records, shell.completion)
        let style = AccountStyle(now: shell.now)
        let ordered = listing.order(records, style)
        let limit = command.options[Common.all] ? ordered.count : command.options[Common.limit] ?? listing.defaultLimit ?? ordered.count
        let shown = Array(ordered.prefix(limit))
        let customer = listing.summaryReadsOrganization ? await shell.customer(of: account) : Customer(account: account, organization: nil)
        var summary = listing.summary(ordered, customer, style)
        if onlyOrganization {
            summary = "\(listing.noun) of its organization \(owned.organizationName ?? account.organizationId ?? "")"
        } else {
            // Count what is listed: the organization's items the filters dropped (archived ones) are not.
            let onOrganization = ordered.filter { $0.raw["id"]?.string.map(owned.organizationIds.contains) ?? false }.count
            if onOrganization > 0 { summary += " (\(onOrganization) on its organization \(owned.organizationName ?? ""))" }
        }
        let rows = shown.map { record in
            let label = onlyOrganization ? nil : record.raw["id"]?.string.flatMap(owned.label)
            return ActivityRows<Record>.Row(record: record, organization: label, facts: listing.facts(record, style))
        }
        let value = ActivityRows(account: account, summary: summary, notices: owned.notices, rows: rows, total: ordered.count)
        return try CommandResult(value, renderedBy: ActivityRenderer(listing: listing, style: style))
    }
}
