import Foundation
import VitallyKit

/// `users ACCOUNT`: the account's users with last seen and NPS.
struct UsersCommand: ShellCommand {
    static let spec = CommandSpec(
        "users", group: .explore, rank: 5, summary: "the account's users with last seen and NPS",
        usage: "users ACCOUNT", flags: [.limit, .json], argument: .account, arguments: 1...1, example: "users \"Acme Corp\"")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let account = try await shell.resolveAccount(command.arguments[0])
        let limit = command.flag("--limit").flatMap(Int.init) ?? 50
        let users = try await shell.connection.client.accountList(.users, accountId: account.id, as: User.self).collect()
            .sorted { ($0.lastSeenTimestamp ?? .distantPast) > ($1.lastSeenTimestamp ?? .distantPast) }
        shell.completion.note(emails: users.compactMap(\.email))
        let active = users.filter { $0.lastSeenTimestamp.map { Format.daysUntil($0, now: shell.now) >= -30 } ?? false }.count
        let shown = Array(users.prefix(limit))
        let rows: [[Span]] = shown.map { user in
            [Span(user.name ?? "—"), Span(user.email ?? "—"),
             Span(user.lastSeenTimestamp.map { Format.day($0, now: shell.now) } ?? "never", shell.staleStyle(user.lastSeenTimestamp)),
             Span(user.npsLastScore.map(Format.score) ?? "—", shell.npsStyle(user.npsLastScore))]
        }
        var blocks = shell.header(account, "\(Format.count(users.count, "user")), \(active) active in the last 30 days")
        blocks.append(users.isEmpty ? .text("No users.", .dim) : .table(Table(columns: ["NAME", "EMAIL", "LAST SEEN", "NPS"], rows: rows, flexible: [0, 1])))
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(shown.map(\.raw))))
    }
}
