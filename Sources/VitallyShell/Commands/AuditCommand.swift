import Foundation
import VitallyKit

/// `audit`: matchability over the whole tenant, from the scans the matcher keeps: what no
/// attendee could match, shared domains, free-mail-only accounts, collisions, with the fix in Vitally.
struct AuditCommand: ShellCommand {
    static let spec = CommandSpec(
        "audit", group: .diagnose, rank: 4, summary: "which accounts no attendee can match, and what to fix in Vitally",
        usage: "audit [--users] [--csv FILE] [--fail-on N|N%] [--json]",
        flags: [
            FlagSpec("--users", "also read the users (at most 20,000, with progress): free-mail-only accounts, users' company domains"),
            FlagSpec("--csv", value: true, "write every account and organization to fix to FILE"),
            FlagSpec("--fail-on", value: true, "exit 1 when more than N active accounts (or N% of them) have a finding"),
            .json,
        ],
        example: "audit --users --csv to-fix.csv --fail-on 5%")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        var failOn: FailOn?
        if let text = command.flag("--fail-on") {
            guard let parsed = FailOn(text) else {
                return .failure("--fail-on takes a number of accounts (20) or a share of the active ones (5%), not '\(text)'", status: .usage)
            }
            failOn = parsed
        }
        let progress = shell.environment.progress
        let auditor = Auditor(matcher: shell.connection.matcher)
        let report = try await auditor.run(users: command.has("--users")) { step in
            switch step {
            case .accounts(let count): progress("auditing: scanning accounts… \(count)")
            case .users(let count): progress("auditing: reading users… \(count)")
            }
        }
        progress("")
        var blocks = AuditWording.blocks(report, failOn: failOn)
        if let path = command.flag("--csv") {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : shell.environment.workingDirectory.appendingPathComponent(path)
            do {
                // Customer data: a private file, written whole or not at all.
                try AtomicFile.write(Data(AuditWording.csv(report).utf8), to: url, permissions: 0o600)
            } catch {
                return .failure("could not write \(path): \(error.localizedDescription); pick a folder you can write to")
            }
            blocks.append(.text("Wrote \(Format.count(report.rows.count, "row")) to \(path)", .dim))
        }
        return CommandResult(
            output: ShellOutput(blocks: blocks, json: try JSONValue(encoding: report)),
            status: failOn?.exceeded(by: report) == true ? .failure : .ok)
    }
}
