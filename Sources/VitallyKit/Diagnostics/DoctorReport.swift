import Foundation

/// PASS, WARN, FAIL, or not run because an earlier check failed.
package enum CheckStatus: String, Sendable, Equatable, Encodable {
    case pass = "PASS", warn = "WARN", fail = "FAIL", skip = "SKIP"
}

/// One line of `doctor`: which check, its status, and what it found as data (the shell words it).
package struct DoctorCheck: Sendable, Equatable, Encodable {
    package var id: String
    package var name: DoctorCheckName
    package var status: CheckStatus
    package var outcome: DoctorOutcome
    /// The attendee's matching trace, as values (the shell words each rule's line).
    package var trace: [RuleTrace] = []
    /// The check could not run (rate-limited, no answer): it proves nothing either way.
    package var inconclusive = false

    package init(_ id: String, _ name: DoctorCheckName, _ status: CheckStatus, _ outcome: DoctorOutcome,
                trace: [RuleTrace] = [], inconclusive: Bool = false) {
        self.id = id
        self.name = name
        self.status = status
        self.outcome = outcome
        self.trace = trace
        self.inconclusive = inconclusive
    }

    /// The attendee an attendee check is about (its id is `7:EMAIL`).
    package var attendee: String? { name == .attendee ? String(id.dropFirst(2)) : nil }

    enum CodingKeys: String, CodingKey { case id, name, status, inconclusive, outcome }
}

/// Every check in order; the shell phrases the verdict from the first failure.
package struct DoctorReport: Sendable, Encodable {
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

    enum CodingKeys: String, CodingKey { case ok, inconclusive, checks, connection }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(succeeded, forKey: .ok)
        try container.encode(inconclusive, forKey: .inconclusive)
        try container.encode(checks, forKey: .checks)
        try container.encode(connection, forKey: .connection)
    }
}
