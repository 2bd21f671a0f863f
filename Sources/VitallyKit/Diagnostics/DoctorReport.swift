import Foundation

/// PASS, WARN, FAIL, or not run because an earlier check failed.
package enum CheckStatus: String, Sendable, Equatable {
    case pass = "PASS", warn = "WARN", fail = "FAIL", skip = "SKIP"
}

/// One line of `doctor`: what was checked, what was found, and why it did not pass.
package struct DoctorCheck: Sendable, Equatable {
    package var id: String
    package var title: String
    package var status: CheckStatus
    package var detail: String
    /// Why it did not pass, for the shell to phrase a fix.
    package var cause: DoctorCause?
    /// The attendee's matching trace, as values (the shell words each rule's line).
    package var trace: [RuleTrace] = []
    /// Sub-lines shown indented after the trace (what each matched account holds).
    package var notes: [String] = []
    /// The check could not run (rate-limited, no answer): it proves nothing either way.
    package var inconclusive = false

    package init(_ id: String, _ title: String, _ status: CheckStatus, _ detail: String, cause: DoctorCause? = nil,
                trace: [RuleTrace] = [], notes: [String] = [], inconclusive: Bool = false) {
        self.inconclusive = inconclusive
        self.trace = trace
        self.id = id
        self.title = title
        self.status = status
        self.detail = detail
        self.cause = cause
        self.notes = notes
    }
}

/// Every check in order; the shell phrases the verdict from the first failure.
package struct DoctorReport: Sendable {
    package var checks: [DoctorCheck]
    /// What the run's requests met (latency, 429s, waits, retries, failures); nil before it ran.
    package var connection: ConnectionStats?

    package init(checks: [DoctorCheck]) { self.checks = checks }

    package var failed: Bool { checks.contains { $0.status == .fail } }
    package var firstFailure: DoctorCheck? { checks.first { $0.status == .fail } }
    package var warnings: Int { checks.filter { $0.status == .warn }.count }
    /// No check failed, but one could not run, so a clean verdict would be a guess.
    package var inconclusive: Bool { !failed && checks.contains(where: \.inconclusive) }
    package var firstInconclusive: DoctorCheck? { checks.first(where: \.inconclusive) }
    /// Every check ran and none failed: the only outcome that exits 0.
    package var succeeded: Bool { !failed && !inconclusive }
}
