import Foundation
import VitallyKit

/// An organization's users, notes or tasks. An item that names an account (`ItemOwner`) is
/// labelled with that account's name: it is the account's, listed by its organization.
enum OrganizationLists {
    static func output(_ list: String, of organization: Organization, limit: Int?, in shell: isolated Shell) async throws -> ShellOutput {
        let client = shell.connection.client
        let accounts = try await client.organizationAccounts(id: organization.id).collect(limit: 200)
        let names = Dictionary(accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func owner(_ raw: JSONValue) -> String {
            switch ItemOwner(raw) {
            case .organization: return ""
            case .accounts(let ids): return "[" + ids.map { names[$0] ?? $0 }.joined(separator: ", ") + "] "
            }
        }
        let now = shell.now
        let header = { (count: Int, noun: String) -> OutputBlock in
            .line([Span(organization.displayName, .bold), Span(" · \(Format.count(count, noun))", .dim)])
        }
        let shown = limit ?? 50
        switch list {
        case "users":
            let users = try await client.organizationList(.users, organizationId: organization.id, as: User.self).collect()
            let rows = users.prefix(shown).map { user in
                [Span(user.displayName), Span(user.email ?? "—", .dim), Span(Format.day(user.lastSeenTimestamp, now: now)),
                 Span(owner(user.raw).trimmingCharacters(in: .whitespaces).ifEmpty("[organization only]"), .dim)]
            }
            return result(header(users.count, "user"), users.isEmpty ? nil : Table(columns: ["NAME", "EMAIL", "LAST SEEN", "ACCOUNT"], rows: rows, flexible: [0, 1, 3]),
                          shown: rows.count, total: users.count, noun: "users", json: .array(users.prefix(shown).map(\.raw)))
        case "tasks":
            let tasks = try await client.organizationList(.tasks, organizationId: organization.id, as: VitallyTask.self).collect()
                .sorted { ($0.dueDate ?? .distantFuture) < ($1.dueDate ?? .distantFuture) }
            let rows = tasks.prefix(shown).map { task in
                [Span(Format.day(task.dueDate, now: now), task.isOverdue(now: now) ? .bad : .plain),
                 Span(task.isOpen ? "open" : "done", .dim), Span(owner(task.raw) + task.name), Span(task.assignedTo?.name ?? "unassigned", .dim)]
            }
            return result(header(tasks.count, "task"), tasks.isEmpty ? nil : Table(columns: ["DUE", "STATUS", "TASK", "ASSIGNEE"], rows: rows, flexible: [2]),
                          shown: rows.count, total: tasks.count, noun: "tasks", json: .array(tasks.prefix(shown).map(\.raw)))
        default:
            let notes = try await client.organizationList(.notes, organizationId: organization.id, as: Note.self).collect()
                .sorted { ($0.date ?? .distantPast) > ($1.date ?? .distantPast) }
            let rows = notes.prefix(shown).map { note in
                [Span(Format.day(note.date, now: now)), Span(note.author?.name ?? "—", .dim), Span(owner(note.raw) + (note.subject ?? "(no subject)"))]
            }
            return result(header(notes.count, "note"), notes.isEmpty ? nil : Table(columns: ["DATE", "AUTHOR", "NOTE"], rows: rows, flexible: [2]),
                          shown: rows.count, total: notes.count, noun: "notes", json: .array(notes.prefix(shown).map(\.raw)))
        }
    }

    static func result(_ header: OutputBlock, _ table: Table?, shown: Int, total: Int, noun: String, json: JSONValue) -> ShellOutput {
        var blocks = [header]
        blocks.append(table.map(OutputBlock.table) ?? .text("No \(noun).", .dim))
        if total > shown { blocks.append(.text("(\(shown) of \(total); --limit N for more)", .dim)) }
        return ShellOutput(blocks: blocks, json: json)
    }
}
