import Foundation
import VitallyKit

/// An organization's users, notes or tasks. An item that names an account (`ItemOwner`) is
/// labelled with that account's name: it is the account's, listed by its organization.
enum OrganizationLists {
    static func result(_ list: String, of organization: Organization, limit: Int?, in shell: isolated Shell) async throws -> CommandResult {
        let client = shell.connection.client
        let accounts = try await client.organizationAccounts(id: organization.id).collect(limit: 200)
        let names = Dictionary(accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func label(_ accounts: [String]) -> String { accounts.isEmpty ? "" : "[" + accounts.joined(separator: ", ") + "] " }
        let now = shell.now
        let shown = limit ?? 50
        switch list {
        case "users":
            let users = try await client.organizationList(.users, organizationId: organization.id, as: User.self).collect()
            let renderer = OrganizationRecordsRenderer<User>(noun: "user", columns: ["NAME", "EMAIL", "LAST SEEN", "ACCOUNT"], flexible: [0, 1, 3]) { user, accounts in
                [Span(user.displayName), Span(user.email ?? "—", .dim), Span(Format.day(user.lastSeenTimestamp, now: now)),
                 Span(label(accounts).trimmingCharacters(in: .whitespaces).ifEmpty("[organization only]"), .dim)]
            }
            return try CommandResult(OrganizationRecords(organization: organization.displayName, records: users, limit: shown, accountNames: names), renderedBy: renderer)
        case "tasks":
            let tasks = try await client.organizationList(.tasks, organizationId: organization.id, as: VitallyTask.self).collect()
                .sorted { ($0.dueDate ?? .distantFuture) < ($1.dueDate ?? .distantFuture) }
            let renderer = OrganizationRecordsRenderer<VitallyTask>(noun: "task", columns: ["DUE", "STATUS", "TASK", "ASSIGNEE"], flexible: [2]) { task, accounts in
                [Span(Format.day(task.dueDate, now: now), task.isOverdue(now: now) ? .bad : .plain),
                 Span(task.isOpen ? "open" : "done", .dim), Span(label(accounts) + task.name), Span(task.assignedTo?.name ?? "unassigned", .dim)]
            }
            return try CommandResult(OrganizationRecords(organization: organization.displayName, records: tasks, limit: shown, accountNames: names), renderedBy: renderer)
        default:
            let notes = try await client.organizationList(.notes, organizationId: organization.id, as: Note.self).collect()
                .sorted { ($0.date ?? .distantPast) > ($1.date ?? .distantPast) }
            let renderer = OrganizationRecordsRenderer<Note>(noun: "note", columns: ["DATE", "AUTHOR", "NOTE"], flexible: [2]) { note, accounts in
                [Span(Format.day(note.date, now: now)), Span(note.author?.name ?? "—", .dim), Span(label(accounts) + (note.subject ?? "(no subject)"))]
            }
            return try CommandResult(OrganizationRecords(organization: organization.displayName, records: notes, limit: shown, accountNames: names), renderedBy: renderer)
        }
    }
}
