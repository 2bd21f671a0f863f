import Foundation
import VitallyKit

/// `health ACCOUNT`: health score with its breakdown, renewal, MRR, NPS and last seen.
struct HealthCommand: ShellCommand {
    static let observations = Flag("--observations", help: "list the stored observations of the account")
    static let spec = CommandSpec(
        "health", group: .explore, rank: 2, summary: "health score, breakdown, renewal, MRR, NPS, last seen",
        synopsis: "ACCOUNT", argument: .account, arguments: 1...1,
        flags: [
            observations,
        ],
        example: "health acme.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let account = try await shell.resolveAccount(command.arguments[0])
        var breakdown: [HealthScoreEntry] = []
        var shapeNotice: String?
        do {
            breakdown = try await shell.connection.client.healthScores(accountId: account.id)
        } catch let error as VitallyError where error.code == .unrecognisedShape || error.code == .forbidden {
            shapeNotice = shell.advice(error)
        }
        let customer = await shell.customer(of: account)
        let current = Observation(account: account, at: shell.now, breakdown: shapeNotice == nil ? breakdown : nil)
        shell.observe(current)
        let history = shell.accountHistory(account, current: current)
        if command.options[Self.observations] { return try HealthHistory.list(account, history) }
        let (cohort, cohortGap) = await shell.cohort(of: account)
        var report = HealthReport(customer: customer, breakdown: breakdown, breakdownUnread: shapeNotice)
        report.addTrends(history.observations ?? [])
        report.history = HistoryExtent(history.observations, why: history.why)
        report.cohort = cohort
        let renderer = HealthRenderer(now: shell.now, historyWhy: history.why, cohort: cohort, cohortGap: cohortGap)
        return try CommandResult(report, renderedBy: renderer)
    }
}
