import Foundation
import VitallyKit

/// `organizations list|search|show|accounts|users|notes|tasks`: the organization as a customer.
/// Vitally has no name search, so `search` pages through the organizations client-side, bounded
/// by `OrganizationDirectory.scanLimit`, and says so when the bound stopped it.
struct OrganizationsCommand: ShellCommand {
    static let spec = CommandSpec(
        "organizations", group: .explore, rank: 9, summary: "search, show or list an organization and its accounts, users, notes, tasks",
        subcommands: [List.self, Search.self, Show.self, Accounts.self, Users.self, Notes.self, Tasks.self], defaultSubcommand: List.self,
        argument: .text, example: "organizations show dunder-mifflin", aliases: ["orgs"])

    /// `organizations list`: the organizations, as Vitally lists them.
    struct List: ShellSubcommand {
        static let spec = SubcommandSpec("list", summary: "every organization (the first 2,000)", flags: [Common.limit])
        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult { try await find(command, in: shell) }
    }

    /// `organizations search NAME`: organizations whose name holds it, read page by page.
    struct Search: ShellSubcommand {
        static let spec = SubcommandSpec(
            "search", summary: "organizations whose name holds NAME", synopsis: "NAME", arguments: 1...1, flags: [Common.limit])
        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult { try await find(command, in: shell) }
    }

    /// `organizations show ORG`: one organization in detail.
    struct Show: ShellSubcommand {
        static let spec = SubcommandSpec("show", summary: "one organization in detail", synopsis: "ORG", arguments: 1...1)
        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
            let organization = try await shell.resolveOrganization(command.arguments[0])
            return CommandResult(output: detail(organization, now: shell.now))
        }
    }

    /// `organizations accounts ORG`: its accounts.
    struct Accounts: ShellSubcommand {
        static let spec = SubcommandSpec("accounts", summary: "the organization's accounts", synopsis: "ORG", arguments: 1...1, flags: [Common.limit])
        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
            let organization = try await shell.resolveOrganization(command.arguments[0])
            let accounts = try await shell.connection.client.organizationAccounts(id: organization.id).collect()
            let summaries = accounts.map { AccountSummary(account: $0, traits: DomainTraits()) }
            var output = AccountsCommand.summaryTable(Array(summaries.prefix(command.options[Common.limit] ?? 50)), total: summaries.count,
                                                      empty: "\(organization.displayName) has no accounts in Vitally.")
            output.blocks.insert(.line([Span(organization.displayName, .bold), Span(" · \(Format.count(accounts.count, "account"))", .dim)]), at: 0)
            return CommandResult(output: output)
        }
    }

    /// `organizations users ORG`: its users.
    struct Users: ShellSubcommand {
        static let spec = SubcommandSpec("users", summary: "the organization's users", synopsis: "ORG", arguments: 1...1, flags: [Common.limit])
        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult { try await items(command, in: shell) }
    }

    /// `organizations notes ORG`: its notes.
    struct Notes: ShellSubcommand {
        static let spec = SubcommandSpec("notes", summary: "the organization's notes", synopsis: "ORG", arguments: 1...1, flags: [Common.limit])
        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult { try await items(command, in: shell) }
    }

    /// `organizations tasks ORG`: its tasks.
    struct Tasks: ShellSubcommand {
        static let spec = SubcommandSpec("tasks", summary: "the organization's tasks", synopsis: "ORG", arguments: 1...1, flags: [Common.limit])
        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult { try await items(command, in: shell) }
    }

    /// `list` and `search`: the organizations read (at most `OrganizationDirectory.scanLimit`), filtered by name.
    static func find(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let limit = command.options[Common.limit]
        let text = command.arguments.first ?? ""
        let scan = try await shell.connection.directory.organizations.load()
        let found = text.isEmpty ? scan.entries.map(\.organization) : scan.organizations(named: text)
        var output = table(Array(found.prefix(limit ?? 50)), total: found.count,
                           empty: text.isEmpty ? "No organizations." : "No organization name contains '\(text)'.")
        guard scan.capped else { return CommandResult(output: output) }
        let note = "searched the first \(scan.limit) organizations only: Vitally has no name search, "
            + "so they are read page by page; use the id or externalId for the rest"
        output.blocks.append(.text("(\(note))", .warn))
        var result = CommandResult(output: output)
        // JSON on stdout stays the list; the cap is said on stderr, never left out.
        if shell.wantsJSON(command) { result.warnings.append(note) }
        return result
    }

    /// `users`, `notes`, `tasks`: one of the organization's lists.
    static func items(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let organization = try await shell.resolveOrganization(command.arguments[0])
        return CommandResult(
            output: try await OrganizationLists.output(
                command.subcommand ?? "notes", of: organization, limit: command.options[Common.limit], in: shell))
    }

    static func table(_ organizations: [Organization], total: Int, empty: String) -> ShellOutput {
        let json: JSONValue = .array(organizations.map(\.raw))
        guard !organizations.isEmpty else { return ShellOutput(blocks: [.text(empty, .dim)], json: json) }
        let rows: [[Span]] = organizations.map { org in
            [Span(org.displayName), Span(Format.score(org.healthScore), Format.healthLevel(org.healthScore).1), Span(Format.money(org.mrr)),
             Span(org.accountsCount.map(String.init) ?? "—"), Span(org.externalId ?? org.id, .dim)]
        }
        var blocks: [OutputBlock] = [.table(Table(columns: ["NAME", "HEALTH", "MRR", "ACCOUNTS", "ID"], rows: rows, flexible: [0, 4]))]
        if total > organizations.count { blocks.append(.text("(\(organizations.count) of \(total) shown; --limit N for more)", .dim)) }
        return ShellOutput(blocks: blocks, json: json)
    }

    static func detail(_ org: Organization, now: Date) -> ShellOutput {
        let (level, style) = Format.healthLevel(org.healthScore)
        let nps = org.npsScore.map { "\(Format.score($0)) (\(Format.count(org.npsPromoterCount ?? 0, "promoter")), "
            + "\(org.npsPassiveCount ?? 0) passive, \(Format.count(org.npsDetractorCount ?? 0, "detractor")))" } ?? "no responses"
        var fields = [
            Field("Organization", org.displayName), Field("Id", org.id), Field("External id", org.externalId ?? "—"),
            Field("Health", spans: [Span(Format.score(org.healthScore) + "/10 " + level, style)]),
            Field("MRR", Format.money(org.mrr)), Field("Renewal", Format.day(org.nextRenewalDate, now: now)), Field("NPS", nps),
            Field("Segments", org.segments.map(\.name).joined(separator: ", ").ifEmpty("—")),
            Field("Accounts", org.accountsCount.map(String.init) ?? "—"), Field("Users", org.usersCount.map(String.init) ?? "—"),
        ]
        if org.churnedAt != nil { fields.append(Field("Status", "churned \(Format.day(org.churnedAt, now: now))", .bad)) }
        var blocks: [OutputBlock] = [.fields(fields)]
        if !org.traits.isEmpty {
            blocks += [.blank, .text("Traits", .bold), .fields(org.traits.map { Field("  " + $0.key, $0.value.string ?? $0.value.serialized()) })]
        }
        return ShellOutput(blocks: blocks, json: org.raw)
    }
}
