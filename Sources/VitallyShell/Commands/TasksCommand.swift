import Foundation
import VitallyKit

/// `tasks ACCOUNT`: open tasks first with due dates, overdue ones flagged.
struct TasksCommand: ShellCommand {
    static let spec = CommandSpec(
        "tasks", group: .explore, rank: 4, summary: "open tasks first with due dates, overdue flagged",
        usage: "tasks ACCOUNT", flags: [.limit, .json], argument: .account, arguments: 1...1, example: "tasks acme.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let account = try await shell.resolveAccount(command.arguments[0])
        let limit = command.flag("--limit").flatMap(Int.init) ?? 50
        let all = try await shell.connection.client.accountList(.tasks, accountId: account.id, as: VitallyTask.self).collect()
        let open = all.filter(\.isOpen).sorted { ($0.dueDate ?? .distantFuture) < ($1.dueDate ?? .distantFuture) }
        let done = all.filter { !$0.isOpen }.sorted { ($0.completedAt ?? .distantPast) > ($1.completedAt ?? .distantPast) }
        let overdue = open.filter { $0.isOverdue(now: shell.now) }.count
        let shown = Array((open + done).prefix(limit))
        let rows: [[Span]] = shown.map { task in
            let state: Span
            if task.isOverdue(now: shell.now) {
                state = Span("OVERDUE", .bad)
            } else if task.isOpen {
                state = Span("open")
            } else {
                state = Span(task.archivedAt != nil ? "archived" : "done", .dim)
            }
            let due = task.dueDate.map { Format.day($0, now: shell.now) } ?? "no due date"
            return [state, Span(due, task.isOverdue(now: shell.now) ? .bad : task.isOpen ? .plain : .dim),
                    Span(task.name), Span(task.assignedTo?.name ?? "—", .dim)]
        }
        var blocks = shell.header(account, "\(open.count) open (\(overdue) overdue), \(done.count) done")
        blocks.append(all.isEmpty ? .text("No tasks.", .dim) : .table(Table(columns: ["STATE", "DUE", "TASK", "ASSIGNEE"], rows: rows, flexible: [2])))
        let json: JSONValue = .array(shown.map { task in
            var object = task.raw.object ?? JSONObject()
            object["_overdue"] = .bool(task.isOverdue(now: shell.now))
            return .object(object)
        })
        return CommandResult(output: ShellOutput(blocks: blocks, json: json))
    }
}
