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
            return try CommandResult(OrganizationDetail(organization), renderedBy: OrganizationDetailRenderer(now: shell.now))
        }
    }

    /// `organizations accounts ORG`: its accounts.
    struct Accounts: ShellSubcommand {
        static let spec = SubcommandSpec("accounts", summary: "the organization's accounts", synopsis: "ORG", arguments: 1...1, flags: [Common.limit])
        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
            let organization = try await shell.resolveOrganization(command.arguments[0])
            let accounts = try await shell.connection.client.organizationAccounts(id: organization.id).collect()
            let list = AccountList(accounts.map { AccountSummary(account: $0, traits: DomainTraits()) },
                                   limit: command.options[Common.limit] ?? 50, organization: organization.displayName)
            return try CommandResult(list, renderedBy: AccountListRenderer(empty: "\(organization.displayName) has no accounts in Vitally."))
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
        let list = OrganizationList(found, limit: limit ?? 50, cappedAt: scan.capped ? scan.limit : nil)
        var result = try CommandResult(
            list, renderedBy: OrganizationListRenderer(empty: text.isEmpty ? "No organizations." : "No organization name contains '\(text)'."))
        // JSON on stdout stays the list; the cap is said on stderr, never left out.
        if let cap = list.cappedAt, shell.wantsJSON(command) { result.warnings.append(OrganizationListRenderer.capNote(cap)) }
        return result
    }

    /// `users`, `notes`, `tasks`: one of the organization's lists.
    static func items(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let organization = try await shell.resolveOrganization(command.arguments[0])
        return try await OrganizationLists.result(command.subcommand ?? "notes", of: organization, limit: command.options[Common.limit], in: shell)
    }
}
