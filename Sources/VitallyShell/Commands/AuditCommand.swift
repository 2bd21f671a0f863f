import Foundation
import VitallyKit

/// `audit`: matchability over the whole tenant, from the scans the matcher keeps: what no
/// attendee could match, shared domains, free-mail-only accounts, collisions, with the fix in Vitally.
struct AuditCommand: ShellCommand {
    static let users = Flag("--users", help: "also read the users (at most 20,000, with progress): free-mail-only accounts, users' company domains")
    static let csv = Option<String>("--csv", value: "FILE", help: "write every account and organization to fix to FILE")
    static let html = Option<String>("--html", value: "FILE", help: "write a self-contained page (tables and chart) to FILE, for a ticket")
    static let failOn = Option<String>("--fail-on", value: "N|N%", help: "exit 1 when more than N active accounts (or N% of them) have a finding")
    static let spec = CommandSpec(
        "audit", group: .diagnose, rank: 4, summary: "which accounts no attendee can match, and what to fix in Vitally",
        flags: [
            users,
            csv,
            html,
            failOn,
        ],
        example: "audit --users --csv to-fix.csv --fail-on 5%")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        var failOn: FailOn?
        if let text = command.options[Self.failOn] {
            guard let parsed = FailOn(text) else {
                return .failure("--fail-on takes a number of accounts (20) or a share of the active ones (5%), not '\(text)'", status: .usage)
            }
            failOn = parsed
        }
        let progress = shell.environment.progress
        let report = try await Auditor(matcher: shell.connection.matcher).run(users: command.options[Self.users]) { step in
            switch step {
            case .accounts(let count): progress("auditing: scanning accounts… \(count)")
            case .users(let count): progress("auditing: reading users… \(count)")
            }
        }
        progress("")
        var result = try CommandResult(report, renderedBy: AuditRenderer(failOn: failOn))
        let files = [(Self.csv, { AuditWording.csv(report) }), (Self.html, { AuditWording.page(report, failOn: failOn).html() })]
        for (option, contents) in files {
            guard let path = command.options[option] else { continue }
            let flag = option.descriptor.name
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : shell.environment.workingDirectory.appendingPathComponent(path)
            do {
                // Customer data: a private file, written whole or not at all.
                try AtomicFile.write(Data(contents().utf8), to: url, permissions: 0o600)
            } catch {
                return .failure("could not write \(path) (\(flag)): \(error.localizedDescription); pick a folder you can write to")
            }
            let what = option.descriptor == Self.csv.descriptor ? Format.count(report.rows.count, "row") : "the report page"
            result.output.blocks.append(.text("Wrote \(what) to \(path)", .dim))
        }
        result.status = failOn?.exceeded(by: report) == true ? .failure : .ok
        return result
    }
}
