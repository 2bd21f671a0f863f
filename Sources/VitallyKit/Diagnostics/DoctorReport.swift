import Foundation

/// PASS, WARN, FAIL, or not run because an earlier check failed.
public enum CheckStatus: String, Sendable, Equatable {
    case pass = "PASS", warn = "WARN", fail = "FAIL", skip = "SKIP"
}

/// One line of `doctor`: what was checked, what was found, and why it did not pass.
public struct DoctorCheck: Sendable, Equatable {
    public var id: String
    public var title: String
    public var status: CheckStatus
    public var detail: String
    /// Why it did not pass, for the shell to phrase a fix.
    public var cause: DoctorCause?
    /// The attendee's matching trace, as values (the shell words each rule's line).
    public var trace: [RuleTrace] = []
    /// Sub-lines shown indented after the trace (what each matched account holds).
    public var notes: [String] = []
    /// The check could not run (rate-limited, no answer): it proves nothing either way.
    public var inconclusive = false

    public init(_ id: String, _ title: String, _ status: CheckStatus, _ detail: String, cause: DoctorCause? = nil,
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
public struct DoctorReport: Sendable {
    public var checks: [DoctorCheck]
    /// What the run's requests met (latency, 429s, waits, retries, failures); nil before it ran.
    public var connection: ConnectionStats?

    public init(checks: [DoctorCheck]) { self.checks = checks }

    public var failed: Bool { checks.contains { $0.status == .fail } }
    public var firstFailure: DoctorCheck? { checks.first { $0.status == .fail } }
    public var warnings: Int { checks.filter { $0.status == .warn }.count }
    /// No check failed, but one could not run, so a clean verdict would be a guess.
    public var inconclusive: Bool { !failed && checks.contains(where: \.inconclusive) }
    public var firstInconclusive: DoctorCheck? { checks.first(where: \.inconclusive) }
    /// Every check ran and none failed: the only outcome that exits 0.
    public var succeeded: Bool { !failed && !inconclusive }
}
