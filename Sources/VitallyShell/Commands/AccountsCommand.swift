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
            return try CommandResult(AccountList(found, limit: command.options[Common.limit] ?? 50),
                                     renderedBy: AccountListRenderer(empty: "No account name or domain contains '\(text)'."))
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
            return try CommandResult(AccountList(summaries, limit: nil), renderedBy: AccountListRenderer(empty: "No \(status.rawValue) accounts."))
        }
    }

    /// `accounts show ACCOUNT`: one account as a customer.
    struct Show: ShellSubcommand {
        static let spec = SubcommandSpec("show", summary: "one account in detail", synopsis: "ACCOUNT", arguments: 1...1)

        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
            let account = try await shell.resolveAccount(command.arguments[0])
            return try CommandResult(AccountDetail(await shell.customer(of: account)), renderedBy: AccountDetailRenderer(now: shell.now))
        }
    }
}

extension AccountStatus: FlagChoice {}
