import Foundation
import VitallyKit

/// `timeline ACCOUNT`: notes, tasks, NPS, conversations and meetings on one dated list, newest first.
struct TimelineCommand: ShellCommand {
    static let spec = CommandSpec(
        "timeline", group: .explore, rank: 8, summary: "notes, tasks, NPS, conversations and meetings by date",
        synopsis: "ACCOUNT", argument: .account, arguments: 1...1,
        flags: [
            Common.limit,
        ],
        example: "timeline acme.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let account = try await shell.resolveAccount(command.arguments[0])
        let limit = command.options[Common.limit] ?? 30
        let client = shell.connection.client
        let id = account.id
        // Notes and tasks kept on the organization are the customer's too (labelled); a sibling's are not.
        let ownedNotes = try await shell.ownedItems(.notes, of: account, as: Note.self)
        let ownedTasks = try await shell.ownedItems(.tasks, of: account, as: VitallyTask.self)
        let customer = await shell.customer(of: account)
        async let nps = client.accountList(.npsResponses, accountId: id, as: NPSResponse.self).collect()
        async let conversations = client.accountList(.conversations, accountId: id, as: Conversation.self).collect()
        async let meetings = client.accountList(.meetings, accountId: id, as: Meeting.self).collect()
        var events: [(date: Date, kind: String, text: String)] = []
        func label(_ id: String, _ owned: OwnedItems<some VitallyModel>) -> String { owned.label(id).map { "[\($0)] " } ?? "" }
        for note in ownedNotes.items {
            if let d = note.date { events.append((d, "note", label(note.id, ownedNotes) + (note.subject ?? "") + " — " + (note.author?.name ?? ""))) }
        }
        for task in ownedTasks.items {
            let name = label(task.id, ownedTasks) + task.name
            if let done = task.completedAt { events.append((done, "task done", name)) }
            else if let created = task.createdAt { events.append((created, "task", name + (task.dueDate.map { " (due \(VitallyDate.formatDay($0)))" } ?? ""))) }
        }
        for r in try await nps { if let d = r.respondedAt { events.append((d, "nps", "\(Format.score(r.score)) from \(r.user?.displayName ?? "a user")")) } }
        for c in try await conversations { if let d = c.createdAt { events.append((d, "conversation", (c.subject ?? "") + " [\(c.status ?? "?")]")) } }
        for m in try await meetings { if let d = m.startDateTime { events.append((d, "meeting", m.title ?? "")) } }
        events.sort { $0.date != $1.date ? $0.date > $1.date : $0.kind < $1.kind }
        let shown = events.prefix(limit)
        let health = customer.describe(customer.healthScore) { "health \(Format.score($0))/10" }.map { " · " + $0 } ?? ""
        var blocks = AccountStyle(now: shell.now).header(account, "\(events.count) events, newest first" + health)
        blocks += ownedNotes.notices + ownedTasks.notices
        if let unread = customer.unreadOrganizationLine { blocks.append(.text(unread, .warn)) }
        blocks.append(
            events.isEmpty
                ? .text("Nothing on record.", .dim)
                : .table(Table(columns: ["DATE", "WHAT", "DETAIL"], rows: shown.map { [Span(Format.day($0.date, now: shell.now)), Span($0.kind, .dim), Span($0.text)] }, flexible: [2])))
        let json: JSONValue = .array(shown.map { ["date": .string(VitallyDate.format($0.date)), "kind": .string($0.kind), "text": .string($0.text)] })
        return CommandResult(output: ShellOutput(blocks: blocks, json: json))
    }
}
