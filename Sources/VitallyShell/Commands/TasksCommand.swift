import Foundation
import VitallyKit

/// `tasks ACCOUNT`: open tasks first with due dates, overdue ones flagged.
struct TasksCommand: ActivityCommand {
    static let spec = CommandSpec(
        "tasks", group: .explore, rank: 4, summary: "open tasks first with due dates, overdue flagged",
        synopsis: "ACCOUNT", argument: .account, arguments: 1...1,
        flags: Common.itemFilters,
        example: "tasks acme.com")

    static let listing = ActivityListing<VitallyTask>(
        list: .tasks, noun: "tasks", defaultLimit: 50, columns: ["STATE", "DUE", "TASK", "ASSIGNEE"], flexible: [2],
        order: { tasks, _ in
            tasks.filter(\.isOpen).sorted { ($0.dueDate ?? .distantFuture) < ($1.dueDate ?? .distantFuture) }
                + tasks.filter { !$0.isOpen }.sorted { ($0.completedAt ?? .distantPast) > ($1.completedAt ?? .distantPast) }
        },
        summary: { tasks, _, style in
            let open = tasks.filter(\.isOpen)
            let overdue = open.filter { $0.isOverdue(now: style.now) }.count
            let archived = tasks.filter { $0.archivedAt != nil }.count
            return "\(open.count) open (\(overdue) overdue), \(tasks.count - open.count - archived) done"
                + (archived > 0 ? ", \(archived) archived" : "")
        }, labelColumn: 2,
        row: { task, style in
            let overdue = task.isOverdue(now: style.now)
            let state: Span
            if overdue {
                state = Span("OVERDUE", .bad)
            } else if task.isOpen {
                state = Span("open")
            } else {
                state = Span(task.archivedAt != nil ? "archived" : "done", .dim)
            }
            let due = task.dueDate.map(style.day) ?? "no due date"
            return [state, Span(due, overdue ? .bad : task.isOpen ? .plain : .dim), Span(task.name),
                    Span(task.assignedTo?.name ?? "—", .dim)]
        },
        facts: { task, style in .overdue(task.isOverdue(now: style.now)) })
}
