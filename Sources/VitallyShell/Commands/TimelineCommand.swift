import Foundation
import VitallyKit

/// `timeline ACCOUNT`: notes, tasks, NPS, conversations and meetings on one dated list, newest first.
struct TimelineCommand: ShellCommand {
    static let spec = CommandSpec(
        "timeline", group: .explore, rank: 8, summary: "notes, tasks, NPS, conversations and meetings by date",
        usage: "timeline ACCOUNT", flags: [.limit, .json], argument: .account, arguments: 1...1, example: "timeline acme.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let account = try await shell.resolveAccount(command.arguments[0])
        let limit = command.number("--limit") ?? 30
        let client = shell.connection.client
        let id = account.id
        async let notes = client.accountList(.notes, accountId: id, as: Note.self).collect()
        async let tasks = client.accountList(.tasks, accountId: id, as: VitallyTask.self).collect()
        async let nps = client.accountList(.npsResponses, accountId: id, as: NPSResponse.self).collect()
        async let conversations = client.accountList(.conversations, accountId: id, as: Conversation.self).collect()
        async let meetings = client.accountList(.meetings, accountId: id, as: Meeting.self).collect()
        var events: [(date: Date, kind: String, text: String)] = []
        for note in try await notes { if let d = note.date { events.append((d, "note", (note.subject ?? "") + " — " + (note.author?.name ?? ""))) } }
        for task in try await tasks {
            if let done = task.completedAt { events.append((done, "task done", task.name)) }
            else if let created = task.createdAt { events.append((created, "task", task.name + (task.dueDate.map { " (due \(VitallyDate.formatDay($0)))" } ?? ""))) }
        }
        for r in try await nps { if let d = r.respondedAt { events.append((d, "nps", "\(Format.score(r.score)) from \(r.user?.displayName ?? "a user")")) } }
        for c in try await conversations { if let d = c.createdAt { events.append((d, "conversation", (c.subject ?? "") + " [\(c.status ?? "?")]")) } }
        for m in try await meetings { if let d = m.startDateTime { events.append((d, "meeting", m.title ?? "")) } }
        events.sort { $0.date != $1.date ? $0.date > $1.date : $0.kind < $1.kind }
        let shown = events.prefix(limit)
        var blocks = AccountStyle(now: shell.now).header(account, "\(events.count) events, newest first")
        blocks.append(
            events.isEmpty
                ? .text("Nothing on record.", .dim)
                : .table(Table(columns: ["DATE", "WHAT", "DETAIL"], rows: shown.map { [Span(Format.day($0.date, now: shell.now)), Span($0.kind, .dim), Span($0.text)] }, flexible: [2])))
        let json: JSONValue = .array(shown.map { ["date": .string(VitallyDate.format($0.date)), "kind": .string($0.kind), "text": .string($0.text)] })
        return CommandResult(output: ShellOutput(blocks: blocks, json: json))
    }
}
