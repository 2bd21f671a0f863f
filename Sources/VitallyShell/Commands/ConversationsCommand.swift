import Foundation
import VitallyKit

/// `conversations ACCOUNT`: open ones first.
struct ConversationsCommand: ShellCommand {
    static let spec = CommandSpec(
        "conversations", group: .explore, rank: 7, summary: "the account's conversations, open ones first",
        usage: "conversations ACCOUNT", flags: [.limit, .json], argument: .account, arguments: 1...1, example: "conversations soylent.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let account = try await shell.resolveAccount(command.arguments[0])
        let list = try await shell.connection.client.accountList(.conversations, accountId: account.id, as: Conversation.self)
            .collect().sorted { a, b in
                a.isOpen != b.isOpen ? a.isOpen : (a.updatedAt ?? .distantPast) > (b.updatedAt ?? .distantPast)
            }
        let rows: [[Span]] = list.map { c in
            [Span(c.updatedAt.map(VitallyDate.formatDay) ?? "—"), Span(c.status ?? "—", c.isOpen ? .warn : .dim),
             Span(c.rating ?? "—", c.isUnhappy ? .bad : .plain), Span(c.source ?? "—", .dim), Span(c.subject ?? "(no subject)")]
        }
        let open = list.filter(\.isOpen).count
        var blocks = shell.header(account, "\(list.count) conversations, \(open) open")
        blocks.append(list.isEmpty ? .text("No conversations.", .dim) : .table(Table(columns: ["UPDATED", "STATUS", "RATING", "SOURCE", "SUBJECT"], rows: rows, flexible: [4])))
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(list.map(\.raw))))
    }
}
