import Foundation

/// The thresholds of `doctor`'s connection check, declared once.
package enum ConnectionThresholds {
    /// A median latency above this many seconds is slow: a brief service may time out.
    package static let slowMedianSeconds = 1.0
}

/// What the connection check met that keeps it from passing.
package enum ConnectionFinding: Sendable, Equatable, Encodable {
    /// The median latency was above `ConnectionThresholds.slowMedianSeconds`.
    case slow(median: Double)
    /// 429s were met; the headers of the last one.
    case rateLimited(count: Int, waited: Double, headers: RateLimitHeaders?)
    /// Requests were tried again, and answered in the end.
    case retried(count: Int)
    /// Requests failed even after retries.
    case failed(count: Int)
    /// Requests were spaced out because the budget ran low.
    case paced(seconds: Double, headers: RateLimitHeaders?)
}

extension Doctor {
    /// Runs every check, then measures the connection those checks used: latency, 429s and time
    /// waited, retries and their causes, failures. A cancelled run is INCONCLUSIVE, never FAIL.
    package func run(emails: [String], title: String?) async -> DoctorReport {
        let meter = context.limiter.meter
        let before = await meter.stats
        var report = await runChecks(emails: emails, title: title)
        let met = (await meter.stats).since(before)
        // Only the run's own cancel: requests a check stops itself (an answer no longer needed) also count as cancelled.
        let cancelled = Task.isCancelled
        if cancelled { report.checks = report.checks.map(Self.inconclusiveIfCancelled) }
        report.checks.append(Self.connectionCheck(met, cancelled: cancelled))
        report.connection = met
        return report
    }

    /// A check that failed only because the run was cancelled proves nothing either way.
    static func inconclusiveIfCancelled(_ check: DoctorCheck) -> DoctorCheck {
        let cancelled = check.outcome.errors.contains { $0.code == .cancelled || ($0.cause ?? "").contains("cancelled") }
        guard check.status != .pass, cancelled else { return check }
        var copy = check
        copy.status = .warn
        copy.inconclusive = true
        copy.outcome = .cancelled
        return copy
    }

    /// The connection's numbers as a check: FAIL when requests failed after retries, WARN on a
    /// slow median, any 429, or any retry or wait; PASS only when none of these happened.
    package static func connectionCheck(_ met: ConnectionStats, cancelled: Bool = false) -> DoctorCheck {
        if cancelled { return DoctorCheck("8", .connection, .warn, .connectionCancelled(met), inconclusive: true) }
        var findings: [ConnectionFinding] = []
        if !met.failures.isEmpty { findings.append(.failed(count: met.failures.count)) }
        if met.rateLimited > 0 { findings.append(.rateLimited(count: met.rateLimited, waited: met.waitedSeconds, headers: met.lastRateLimit)) }
        if met.pacedSeconds > 0 { findings.append(.paced(seconds: met.pacedSeconds, headers: met.pacedBy)) }
        if let median = met.median, median > ConnectionThresholds.slowMedianSeconds { findings.append(.slow(median: median)) }
        let retried = met.retries.count
        if retried > 0 || (met.waitedSeconds > 0 && met.rateLimited == 0) { findings.append(.retried(count: retried)) }
        let failed = findings.contains { if case .failed = $0 { return true } else { return false } }
        return DoctorCheck("8", .connection, findings.isEmpty ? .pass : failed ? .fail : .warn, .connection(met, findings: findings))
    }
}
