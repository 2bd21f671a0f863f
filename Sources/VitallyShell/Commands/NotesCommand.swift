import Foundation
import VitallyKit

/// `notes ACCOUNT`: the account's notes, newest first.
struct NotesCommand: ShellCommand {
    static let spec = CommandSpec(
        "notes", group: .explore, rank: 3, summary: "the account's notes, newest first",
        usage: "notes ACCOUNT [--limit N]", flags: [.limit, .json], argument: .account, arguments: 1...1, example: "notes acme.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let account = try await shell.resolveAccount(command.arguments[0])
        let limit = command.flag("--limit").flatMap(Int.init) ?? 20
        let all = try await shell.connection.client.accountList(.notes, accountId: account.id, as: Note.self).collect()
        let notes = all.filter { $0.archivedAt == nil }.sorted { ($0.date ?? .distantPast) > ($1.date ?? .distantPast) }
        let shown = Array(notes.prefix(limit))
        let rows: [[Span]] = shown.map { note in
            [Span(note.date.map(VitallyDate.formatDay) ?? "—"), Span(note.author?.name ?? "—"),
             Span(note.category?.name ?? "", .dim),
             Span((note.subject.map { $0 + " — " } ?? "") + Format.plainText(note.note))]
        }
        var blocks = shell.header(account, "\(notes.count) note\(notes.count == 1 ? "" : "s"), newest first")
        blocks.append(notes.isEmpty ? .text("No notes.", .dim) : .table(Table(columns: ["DATE", "AUTHOR", "CATEGORY", "NOTE"], rows: rows, flexible: [3])))
        if notes.count > shown.count { blocks.append(.text("(\(shown.count) of \(notes.count); --limit N for more)", .dim)) }
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(shown.map(\.raw))))
    }
}
