import Foundation
import VitallyKit

/// `accounts search|list|show`: find accounts by name or domain, list them, or show one.
struct AccountsCommand: ShellCommand {
    static let spec = CommandSpec(
        "accounts", group: .explore, rank: 1, summary: "search, list or show accounts",
        subcommands: [Search.self, List.self, Show.self], defaultSubcommand: List.self, argument: .account,
        example: "accounts search acme")

    /// `accounts search TEXT`: accounts whose name or domain holds the text.
    struct Search: ShellSubcommand {
        static let spec = SubcommandSpec(
            "search", summary: "accounts whose name or domain holds the text", synopsis: "TEXT", arguments: 1...1,
            flags: [
                Common.limit,
            ])

        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
            let text = command.arguments[0]
            let index = try await shell.loadIndex()
            var found = index.search(text)
            if found.isEmpty, let domain = Domain.normalize(text) { found = index.accounts(forDomain: domain) }
            found.sort { $0.name.lowercased() < $1.name.lowercased() }
            shell.completion.note(accounts: found.prefix(50).map(\.name))
            return CommandResult(output: summaryTable(Array(found.prefix(command.options[Common.limit] ?? 50)), total: found.count,
                                                      empty: "No account name or domain contains '\(text)'."))
        }
    }

    /// `accounts list`: the active (or churned) accounts, as Vitally lists them.
    struct List: ShellSubcommand {
        static let status = Option<AccountStatus>("--status", help: "which accounts to list")
        static let spec = SubcommandSpec(
            "list", summary: "the accounts, active ones unless --status says otherwise",
            flags: [
                status,
                Common.limit,
            ])

        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
            let limit = command.options[Common.limit]
            let status = command.options[Self.status] ?? .active
            var rows: [Account] = []
            for try await account in shell.connection.client.accounts(status: status) {
                rows.append(account)
                if let limit, rows.count >= limit { break }
            }
            let summaries = rows.map { AccountSummary(account: $0, traits: DomainTraits()) }
            return CommandResult(output: summaryTable(summaries, total: summaries.count, empty: "No \(status.rawValue) accounts."))
        }
    }

    /// `accounts show ACCOUNT`: one account as a customer.
    struct Show: ShellSubcommand {
        static let spec = SubcommandSpec("show", summary: "one account in detail", synopsis: "ACCOUNT", arguments: 1...1)

        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
            let account = try await shell.resolveAccount(command.arguments[0])
            return CommandResult(output: accountDetail(await shell.customer(of: account), now: shell.now))
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

    /// One account as a customer: its values, else its organization's, labelled.
    static func accountDetail(_ customer: Customer, now: Date) -> ShellOutput {
        let account = customer.account
        let (level, style) = Format.healthLevel(customer.healthScore.value)
        let health = customer.describe(customer.healthScore) { "\(Format.score($0))/10 \(Format.healthLevel($0).0)" }
        let organization = customer.organizationName ?? account.organizationId
        var fields = [
            Field("Name", account.name),
            Field("Id", account.id),
            Field("External id", account.externalId ?? "—"),
            Field("Status", account.isChurned ? "churned \(Format.day(account.churnedAt, now: now))" : "active",
                  account.isChurned ? .bad : .plain),
            Field("Health", spans: [Span(health ?? "\(Format.score(nil))/10 \(level)", style)]),
            Field("MRR", customer.describe(customer.mrr, Format.money) ?? "—"),
            Field("Renewal", customer.describe(customer.nextRenewalDate) { Format.day($0, now: now) } ?? "—"),
            Field("Last seen", Format.day(account.lastSeenTimestamp, now: now)),
            Field("Users", account.usersCount.map(String.init) ?? "—"),
            Field("Segments", customer.describe(customer.segments) { $0.map(\.name).joined(separator: ", ") } ?? "—"),
            Field("Organization", organization.map { $0 == account.organizationId ? $0 : "\($0) (\(account.organizationId ?? ""))" } ?? "—"),
        ]
        for role in account.keyRoles {
            fields.append(Field(role.label, [role.member?.name, role.member?.email.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")))
        }
        var blocks: [OutputBlock] = [.fields(fields)]
        if let unread = customer.unreadOrganizationLine { blocks.append(.text(unread, .warn)) }
        let traits = customer.traitKeys.compactMap { key -> Field? in
            customer.describe(customer.trait(key)) { $0.string ?? $0.serialized() }.map { Field("  " + key, $0) }
        }
        if !traits.isEmpty {
            blocks.append(.blank)
            blocks.append(.text("Traits", .bold))
            blocks.append(.fields(traits))
        }
        return ShellOutput(blocks: blocks, json: account.raw)
    }
}

extension AccountStatus: FlagChoice {}
