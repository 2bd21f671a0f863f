import Foundation
import VitallyKit

extension Shell {
    func notes(_ command: ParsedCommand) async throws -> CommandResult {
        let account = try await resolveAccount(command.arguments[0])
        let limit = command.flag("--limit").flatMap(Int.init) ?? 20
        let all = try await connection.client.accountList(.notes, accountId: account.id, as: Note.self).collect()
        let notes = all.filter { $0.archivedAt == nil }.sorted { ($0.date ?? .distantPast) > ($1.date ?? .distantPast) }
        let shown = Array(notes.prefix(limit))
        let rows: [[Span]] = shown.map { note in
            [Span(note.date.map(VitallyDate.formatDay) ?? "—"), Span(note.author?.name ?? "—"),
             Span(note.category?.name ?? "", .dim),
             Span((note.subject.map { $0 + " — " } ?? "") + Format.plainText(note.note))]
        }
        var blocks = header(account, "\(notes.count) note\(notes.count == 1 ? "" : "s"), newest first")
        blocks.append(notes.isEmpty ? .text("No notes.", .dim) : .table(Table(columns: ["DATE", "AUTHOR", "CATEGORY", "NOTE"], rows: rows, flexible: [3])))
        if notes.count > shown.count { blocks.append(.text("(\(shown.count) of \(notes.count); --limit N for more)", .dim)) }
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(shown.map(\.raw))))
    }

    func tasks(_ command: ParsedCommand) async throws -> CommandResult {
        let account = try await resolveAccount(command.arguments[0])
        let limit = command.flag("--limit").flatMap(Int.init) ?? 50
        let all = try await connection.client.accountList(.tasks, accountId: account.id, as: VitallyTask.self).collect()
        let open = all.filter(\.isOpen).sorted { ($0.dueDate ?? .distantFuture) < ($1.dueDate ?? .distantFuture) }
        let done = all.filter { !$0.isOpen }.sorted { ($0.completedAt ?? .distantPast) > ($1.completedAt ?? .distantPast) }
        let overdue = open.filter { $0.isOverdue(now: now) }.count
        let shown = Array((open + done).prefix(limit))
        let rows: [[Span]] = shown.map { task in
            let state: Span
            if task.isOverdue(now: now) {
                state = Span("OVERDUE", .bad)
            } else if task.isOpen {
                state = Span("open")
            } else {
                state = Span(task.archivedAt != nil ? "archived" : "done", .dim)
            }
            let due = task.dueDate.map { Format.day($0, now: now) } ?? "no due date"
            return [state, Span(due, task.isOverdue(now: now) ? .bad : task.isOpen ? .plain : .dim),
                    Span(task.name), Span(task.assignedTo?.name ?? "—", .dim)]
        }
        var blocks = header(account, "\(open.count) open (\(overdue) overdue), \(done.count) done")
        blocks.append(all.isEmpty ? .text("No tasks.", .dim) : .table(Table(columns: ["STATE", "DUE", "TASK", "ASSIGNEE"], rows: rows, flexible: [2])))
        let json: JSONValue = .array(shown.map { task in
            var object = task.raw.object ?? JSONObject()
            object["_overdue"] = .bool(task.isOverdue(now: now))
            return .object(object)
        })
        return CommandResult(output: ShellOutput(blocks: blocks, json: json))
    }

    func users(_ command: ParsedCommand) async throws -> CommandResult {
        let account = try await resolveAccount(command.arguments[0])
        let limit = command.flag("--limit").flatMap(Int.init) ?? 50
        let users = try await connection.client.accountList(.users, accountId: account.id, as: User.self).collect()
            .sorted { ($0.lastSeenTimestamp ?? .distantPast) > ($1.lastSeenTimestamp ?? .distantPast) }
        completion.note(emails: users.compactMap(\.email))
        let active = users.filter { $0.lastSeenTimestamp.map { Format.daysUntil($0, now: now) >= -30 } ?? false }.count
        let shown = Array(users.prefix(limit))
        let rows: [[Span]] = shown.map { user in
            [Span(user.name ?? "—"), Span(user.email ?? "—"),
             Span(user.lastSeenTimestamp.map { Format.day($0, now: now) } ?? "never", staleStyle(user.lastSeenTimestamp)),
             Span(user.npsLastScore.map(Format.score) ?? "—", npsStyle(user.npsLastScore))]
        }
        var blocks = header(account, "\(Format.count(users.count, "user")), \(active) active in the last 30 days")
        blocks.append(users.isEmpty ? .text("No users.", .dim) : .table(Table(columns: ["NAME", "EMAIL", "LAST SEEN", "NPS"], rows: rows, flexible: [0, 1])))
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(shown.map(\.raw))))
    }

    func nps(_ command: ParsedCommand) async throws -> CommandResult {
        let account = try await resolveAccount(command.arguments[0])
        let responses = try await connection.client.accountList(.npsResponses, accountId: account.id, as: NPSResponse.self)
            .collect().sorted { ($0.respondedAt ?? .distantPast) > ($1.respondedAt ?? .distantPast) }
        let rows: [[Span]] = responses.map { r in
            [Span(r.respondedAt.map(VitallyDate.formatDay) ?? "—"), Span(Format.score(r.score), npsStyle(r.score)),
             Span(r.category ?? "—", npsStyle(r.score)), Span(r.user?.displayName ?? r.userId ?? "—"), Span(r.feedback ?? "", .dim)]
        }
        var blocks = header(account, "NPS \(npsSummary(account))")
        blocks.append(responses.isEmpty ? .text("No NPS responses.", .dim) : .table(Table(columns: ["DATE", "SCORE", "TYPE", "USER", "FEEDBACK"], rows: rows, flexible: [3, 4])))
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(responses.map(\.raw))))
    }

    func conversations(_ command: ParsedCommand) async throws -> CommandResult {
        let account = try await resolveAccount(command.arguments[0])
        let list = try await connection.client.accountList(.conversations, accountId: account.id, as: Conversation.self)
            .collect().sorted { a, b in
                a.isOpen != b.isOpen ? a.isOpen : (a.updatedAt ?? .distantPast) > (b.updatedAt ?? .distantPast)
            }
        let rows: [[Span]] = list.map { c in
            [Span(c.updatedAt.map(VitallyDate.formatDay) ?? "—"), Span(c.status ?? "—", c.isOpen ? .warn : .dim),
             Span(c.rating ?? "—", c.isUnhappy ? .bad : .plain), Span(c.source ?? "—", .dim), Span(c.subject ?? "(no subject)")]
        }
        let open = list.filter(\.isOpen).count
        var blocks = header(account, "\(list.count) conversations, \(open) open")
        blocks.append(list.isEmpty ? .text("No conversations.", .dim) : .table(Table(columns: ["UPDATED", "STATUS", "RATING", "SOURCE", "SUBJECT"], rows: rows, flexible: [4])))
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(list.map(\.raw))))
    }

    func header(_ account: Account, _ summary: String) -> [OutputBlock] {
        [.line([Span(account.name, .bold), Span(" (\(account.externalId ?? account.id)) · ", .dim), Span(summary)])]
    }

    func npsStyle(_ score: Double?) -> Style {
        guard let score else { return .dim }
        return score <= 6 ? .bad : score <= 8 ? .warn : .good
    }
}
