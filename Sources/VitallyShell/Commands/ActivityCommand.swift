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
    var summary: @Sendable (_ ordered: [Record], _ account: Account, _ style: AccountStyle) -> String
    var row: @Sendable (_ record: Record, _ style: AccountStyle) -> [Span]
    var json: @Sendable (_ record: Record, _ style: AccountStyle) -> JSONValue = { record, _ in record.raw }
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
        let records = try await shell.connection.client.accountList(listing.list, accountId: account.id, as: Record.self)
            .collect()
        listing.remember(records, shell.completion)
        let style = AccountStyle(now: shell.now)
        let ordered = listing.order(records, style)
        let shown = Array(ordered.prefix(command.number("--limit") ?? listing.defaultLimit ?? ordered.count))
        var blocks = style.header(account, listing.summary(ordered, account, style))
        blocks.append(
            ordered.isEmpty
                ? .text("No \(listing.noun).", .dim)
                : .table(Table(columns: listing.columns, rows: shown.map { listing.row($0, style) }, flexible: listing.flexible)))
        if ordered.count > shown.count { blocks.append(.text("(\(shown.count) of \(ordered.count); --limit N for more)", .dim)) }
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(shown.map { listing.json($0, style) })))
    }
}
