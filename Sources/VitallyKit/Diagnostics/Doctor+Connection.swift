import Foundation

/// The thresholds of `doctor`'s connection check, declared once.
package enum ConnectionThresholds {
    /// A median latency above this many seconds is slow: a brief service may time out.
    package static let slowMedianSeconds = 1.0
}

/// What the connection check met that keeps it from passing.
package enum ConnectionFinding: Sendable, Equatable {
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
        guard check.status != .pass, check.detail.contains("cancelled") else { return check }
        var copy = check
        copy.status = .warn
        copy.inconclusive = true
        copy.cause = .cancelled
        copy.detail = "cancelled before it finished"
        return copy
    }

    /// The connection's numbers as a check: FAIL when requests failed after retries, WARN on a
    /// slow median, any 429, or any retry or wait; PASS only when none of these happened.
    package static func connectionCheck(_ met: ConnectionStats, cancelled: Bool = false) -> DoctorCheck {
        let detail = summary(met)
        if cancelled {
            return DoctorCheck("8", "connection", .warn, "cancelled; so far: " + detail, cause: .cancelled, inconclusive: true)
        }
        var findings: [ConnectionFinding] = []
        if !met.failures.isEmpty { findings.append(.failed(count: met.failures.count)) }
        if met.rateLimited > 0 { findings.append(.rateLimited(count: met.rateLimited, waited: met.waitedSeconds, headers: met.lastRateLimit)) }
        if met.pacedSeconds > 0 { findings.append(.paced(seconds: met.pacedSeconds, headers: met.pacedBy)) }
        if let median = met.median, median > ConnectionThresholds.slowMedianSeconds { findings.append(.slow(median: median)) }
        let retried = met.retries.count
        if retried > 0 || (met.waitedSeconds > 0 && met.rateLimited == 0) { findings.append(.retried(count: retried)) }
        guard !findings.isEmpty else { return DoctorCheck("8", "connection", .pass, detail) }
        let failed = findings.contains { if case .failed = $0 { return true } else { return false } }
        return DoctorCheck("8", "connection", failed ? .fail : .warn, detail, cause: .connection(findings),
                           notes: met.failures.prefix(5).map { "failed after retries: \($0)" })
    }

    /// Every number the run met, in one line.
    static func summary(_ met: ConnectionStats) -> String {
        func seconds(_ value: Double) -> String {
            value < 1 ? "\(Int((value * 1000).rounded())) ms" : String(format: "%.1f s", value)
        }
        var parts = ["\(met.requests) request\(met.requests == 1 ? "" : "s")"]
        if let median = met.median, let worst = met.worst {
            parts.append("latency median \(seconds(median)), worst \(seconds(worst))")
        }
        if met.rateLimited > 0 {
            var text = "\(met.rateLimited) × 429, waited \(seconds(met.waitedSeconds))"
            if let headers = met.lastRateLimit { text += " (" + quote(headers) + ")" }
            parts.append(text)
        } else {
            parts.append("no 429")
        }
        if met.pacedSeconds > 0 {
            parts.append("paced \(seconds(met.pacedSeconds)) for a low budget" + (met.pacedBy.map { " (" + quote($0) + ")" } ?? ""))
        }
        let counts = met.retryCounts
        if counts.isEmpty {
            parts.append("no retries")
        } else {
            let causes = counts.map { "\(cause($0.cause)) × \($0.count)" }.joined(separator: ", ")
            parts.append("\(met.retries.count) retr\(met.retries.count == 1 ? "y" : "ies") (\(causes))"
                + (met.rateLimited == 0 ? ", waited \(seconds(met.waitedSeconds))" : ""))
        }
        if !met.failures.isEmpty { parts.append("\(met.failures.count) failed after retries") }
        return parts.joined(separator: "; ")
    }

    /// `RateLimit-Limit 20, RateLimit-Remaining 0, RateLimit-Reset 41`
    static func quote(_ headers: RateLimitHeaders) -> String {
        [
            headers.limit.map { "RateLimit-Limit \($0)" }, headers.remaining.map { "RateLimit-Remaining \($0)" },
            headers.resetSeconds.map { "RateLimit-Reset \(Wording.score($0))" },
        ].compactMap { $0 }.joined(separator: ", ")
    }

    /// A retry cause in two words: `HTTP 503`, `connection lost`, `timeout`.
    package static func cause(_ cause: RetryCause) -> String {
        switch cause {
        case .status(let code): return "HTTP \(code)"
        case .connection: return "connection lost"
        case .timeout: return "timeout"
        }
    }
}
