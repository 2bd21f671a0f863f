import Foundation
import VitallyKit

/// `nps ACCOUNT`: the account's NPS responses.
struct NPSCommand: ShellCommand {
    static let spec = CommandSpec(
        "nps", group: .explore, rank: 6, summary: "the account's NPS responses",
        usage: "nps ACCOUNT", flags: [.limit, .json], argument: .account, arguments: 1...1, example: "nps acme.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let account = try await shell.resolveAccount(command.arguments[0])
        let responses = try await shell.connection.client.accountList(.npsResponses, accountId: account.id, as: NPSResponse.self)
            .collect().sorted { ($0.respondedAt ?? .distantPast) > ($1.respondedAt ?? .distantPast) }
        let rows: [[Span]] = responses.map { r in
            [Span(r.respondedAt.map(VitallyDate.formatDay) ?? "—"), Span(Format.score(r.score), shell.npsStyle(r.score)),
             Span(r.category ?? "—", shell.npsStyle(r.score)), Span(r.user?.displayName ?? r.userId ?? "—"), Span(r.feedback ?? "", .dim)]
        }
        var blocks = shell.header(account, "NPS \(shell.npsSummary(account))")
        blocks.append(responses.isEmpty ? .text("No NPS responses.", .dim) : .table(Table(columns: ["DATE", "SCORE", "TYPE", "USER", "FEEDBACK"], rows: rows, flexible: [3, 4])))
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(responses.map(\.raw))))
    }
}
