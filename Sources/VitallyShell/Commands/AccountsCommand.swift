import Foundation
import VitallyKit

/// `accounts search|list|show`: find accounts by name or domain, list them, or show one.
struct AccountsCommand: ShellCommand {
    static let spec = CommandSpec(
        "accounts", group: .explore, rank: 1, summary: "search, list or show accounts",
        usage: "accounts search TEXT | accounts list [--status active|churned|activeOrChurned] | accounts show ACCOUNT",
        subcommands: [SubcommandSpec("search"), SubcommandSpec("list", arguments: 0...0), SubcommandSpec("show")],
        defaultSubcommand: "list",
        flags: [
            FlagSpec("--status", values: ["active", "churned", "activeOrChurned"], "which accounts to list"),
            .limit, .json,
        ], argument: .account, arguments: 1...1, example: "accounts search acme")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let limit = command.number("--limit")
        switch command.subcommand {
        case "search":
            let text = command.arguments[0]
            let index = try await shell.loadIndex()
            var found = index.search(text)
            if found.isEmpty, let domain = Domain.normalize(text) { found = index.accounts(forDomain: domain) }
            found.sort { $0.name.lowercased() < $1.name.lowercased() }
            shell.completion.note(accounts: found.prefix(50).map(\.name))
            return CommandResult(output: summaryTable(Array(found.prefix(limit ?? 50)), total: found.count,
                                                      empty: "No account name or domain contains '\(text)'."))
        case "show":
            let account = try await shell.resolveAccount(command.arguments[0])
            return CommandResult(output: accountDetail(account, organization: await shell.organizationName(of: account), now: shell.now))
        default:
            let status = command.flag("--status").flatMap(AccountStatus.init(rawValue:)) ?? .active
            var rows: [Account] = []
            for try await account in shell.connection.client.accounts(status: status) {
                rows.append(account)
                if let limit, rows.count >= limit { break }
            }
            let summaries = rows.map { AccountSummary(account: $0, traits: DomainTraits()) }
            return CommandResult(output: summaryTable(summaries, total: summaries.count, empty: "No \(status.rawValue) accounts."))
        }
    }

    static func summaryTable(_ accounts: [AccountSummary], total: Int, empty: String) -> ShellOutput {
        let json: JSONValue = .array(accounts.map { a in
            [
                "id": .string(a.id), "externalId": JSONValue(a.externalId), "name": .string(a.name),
                "domains": .array(a.domains.map { .string($0.domain) }), "healthScore": JSONValue(a.healthScore),
                "mrr": JSONValue(a.mrr), "churned": .bool(a.churned),
            ]
        })
        guard !accounts.isEmpty else { return ShellOutput(blocks: [.text(empty, .dim)], json: json) }
        let rows: [[Span]] = accounts.map { a in
            let (_, style) = Format.healthLevel(a.healthScore)
            return [
                Span(a.name), Span(a.domains.first?.domain ?? "—", a.domains.isEmpty ? .dim : .plain),
                Span(Format.score(a.healthScore), style), Span(Format.money(a.mrr)),
                a.churned ? Span("churned", .bad) : Span("active"), Span(a.externalId ?? a.id, .dim),
            ]
        }
        var blocks: [OutputBlock] = [
            .table(Table(columns: ["NAME", "DOMAIN", "HEALTH", "MRR", "STATUS", "ID"], rows: rows, flexible: [0, 1, 5]))
        ]
        if total > accounts.count { blocks.append(.text("(\(accounts.count) of \(total) shown; --limit N for more)", .dim)) }
        return ShellOutput(blocks: blocks, json: json)
    }

    static func accountDetail(_ account: Account, organization: String?, now: Date) -> ShellOutput {
        let (level, style) = Format.healthLevel(account.healthScore)
        var fields = [
            Field("Name", account.name),
            Field("Id", account.id),
            Field("External id", account.externalId ?? "—"),
            Field("Status", account.isChurned ? "churned \(Format.day(account.churnedAt, now: now))" : "active",
                  account.isChurned ? .bad : .plain),
            Field("Health", spans: [Span(Format.score(account.healthScore) + "/10 ", style), Span(level, style)]),
            Field("MRR", Format.money(account.mrr)),
            Field("Renewal", Format.day(account.nextRenewalDate, now: now)),
            Field("Last seen", Format.day(account.lastSeenTimestamp, now: now)),
            Field("Users", account.usersCount.map(String.init) ?? "—"),
            Field("Segments", account.segments.map(\.name).joined(separator: ", ").ifEmpty("—")),
            Field("Organization", organization.map { $0 == account.organizationId ? $0 : "\($0) (\(account.organizationId ?? ""))" } ?? "—"),
        ]
        for role in account.keyRoles {
            fields.append(Field(role.label, [role.member?.name, role.member?.email.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")))
        }
        var blocks: [OutputBlock] = [.fields(fields)]
        if !account.traits.isEmpty {
            blocks.append(.blank)
            blocks.append(.text("Traits", .bold))
            blocks.append(.fields(account.traits.map { key, value in Field("  " + key, value.string ?? value.serialized()) }))
        }
        return ShellOutput(blocks: blocks, json: account.raw)
    }
}
