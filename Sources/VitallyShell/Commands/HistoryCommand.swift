import Foundation
import VitallyKit

/// `history`: the lines typed before, numbered; `history import FILE.har...` builds account
/// history from recordings; `history forget [ACCOUNT|--tenant T]` deletes it.
struct HistoryCommand: ShellCommand {
    static let spec = CommandSpec(
        "history", group: .shell, rank: 2, summary: "the commands typed before; account history: import, forget",
        subcommands: [Import.self, Forget.self], argument: .harFile, example: "history import recordings/acme-*.har")

    /// `history`: the lines typed before, numbered.
    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        try CommandResult(shell.environment.history(), renderedBy: TypedHistoryRenderer())
    }

    /// `history import FILE.har...`: each recording's accounts at its recorded time, into the session's store.
    struct Import: ShellSubcommand {
        static let spec = SubcommandSpec(
            "import", summary: "build account history from recordings", synopsis: "FILE.har...", arguments: 1...256)

        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
            try importRecordings(command.arguments, in: shell)
        }
    }

    /// `history forget [ACCOUNT|--tenant T]`: deletes one account's history, or a whole tenant's.
    struct Forget: ShellSubcommand {
        static let tenant = Option<String>("--tenant", value: "T", help: "the tenant: all its history, or ACCOUNT's (default: the connected one)")
        static let spec = SubcommandSpec(
            "forget", summary: "delete an account's history, or a tenant's", synopsis: "[ACCOUNT]", argument: .account, arguments: 0...1,
            flags: [
                tenant,
            ])

        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
            try forget(command, in: shell)
        }
    }

    static func importRecordings(_ names: [String], in shell: isolated Shell) throws -> CommandResult {
        let file = shell.historyFile
        guard file.url != nil else {
            return .failure("history import needs a store: \(file.why); in replay, start with --observations FILE.sqlite (it is created)", status: .usage)
        }
        guard let store = shell.historyStore() else {
            return .failure(shell.historySession.warnings.last ?? "history: the store cannot be used")
        }
        var files: [HistoryImportResult.File] = []
        for name in names {
            let url = shell.recordingURL(name)
            do {
                // Read an exchange at a time: a day's recording is hundreds of megabytes.
                let imported = try HistoryImporter.observations(inFile: url)
                let tenant = imported.tenant ?? shell.historyTenant
                try store.record(imported.observations, tenant: tenant)
                files.append(HistoryImportResult.File(file: url.lastPathComponent, tenant: tenant, accounts: imported.observations.count,
                                                      recordedAt: imported.recordedAt))
            } catch let error as VitallyError {
                return .failure(shell.advice(error))
            } catch let error as HistoryError {
                return .failure(HistoryWording.problem(error))
            } catch {
                return .failure("history import failed: \(error)")
            }
        }
        return try CommandResult(HistoryImportResult(imported: files, store: store.path), renderedBy: HistoryImportRenderer())
    }

    /// Deletes one account's history (by id or stored name), or a whole tenant's.
    static func forget(_ command: ParsedCommand, in shell: isolated Shell) throws -> CommandResult {
        guard let store = shell.historyStore() else {
            let why = shell.historyFile.url == nil ? shell.historyFile.why : "the store cannot be used"
            return .failure("history forget: no history store (\(why))")
        }
        let tenant = command.options[Forget.tenant] ?? shell.historyTenant
        let account = command.arguments.first
        // Offline there is no tenant: an account's name or id means nothing without one.
        guard !tenant.isEmpty else { return .failure("history forget: which tenant? connect, or give --tenant T", status: .usage) }
        var removed = 0
        do {
            if let account {
                let ids = try store.accountIds(tenant: tenant, matching: account)
                guard !ids.isEmpty else { return .failure("no history for '\(account)' in tenant \(tenant) (give the account id or its exact name)") }
                for id in ids { removed += try store.forget(tenant: tenant, accountId: id) }
            } else {
                removed = try store.forget(tenant: tenant)
            }
        } catch {
            return .failure(HistoryWording.problem(error))
        }
        return try CommandResult(HistoryForgetResult(forgotten: removed, account: account, tenant: tenant), renderedBy: HistoryForgetRenderer())
    }
}
