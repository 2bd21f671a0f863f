import Foundation
import VitallyKit

/// `doctor`'s words: each check's title, what it found, and its sub-lines, from the data the
/// core's Doctor returns (the fixes are ErrorAdvice's).
enum DoctorWording {
    /// `read access`, `attendee jane@acme.com`.
    static func title(_ check: DoctorCheck) -> String {
        switch check.name {
        case .credentials: return "credentials"
        case .host: return "host"
        case .token: return "token"
        case .readAccess: return "read access"
        case .rateLimit: return "rate limit"
        case .tenantData: return "tenant data"
        case .dataLocation: return "data location"
        case .attendees: return "attendees"
        case .attendee: return "attendee \(check.attendee ?? "")"
        case .connection: return "connection"
        }
    }

    /// A resource a brief reads, as the user knows it.
    static func resource(_ name: String) -> String {
        switch name {
        case "npsResponses": return "NPS responses"
        case "healthScores": return "health scores"
        default: return name
        }
    }

    /// What the check found, in one line.
    static func detail(_ check: DoctorCheck) -> String {
        switch check.outcome {
        case .replaying(let file): return "answers come from the recording \(file) (no token needed)"
        case .tokenPresent(let source): return "token present, from \(source.rawValue)"
        case .unusableConfiguration(let problem): return problem
        case .notConnected: return "no token: not connected"
        case .notRun(let reason): return "not run: " + skipped(reason)
        case .hostAnswered(let host, let base, let request): return "\(hostKind(host)) \(base ?? "(unknown host)")\(request) answered"
        case .hostUnreachable(let base, let request, let error, _):
            let reason = [.connection, .timeout].contains(error.code) ? error.cause ?? error.code.rawValue : error.description
            return "\(base ?? "(unknown host)")\(request): \(reason)"
        case .tokenAccepted(let host): return "accepted by \(host ?? "the recorded host")"
        case .tokenRejected: return "401: the token is invalid, expired, or from another workspace"
        case .keyRevoked: return "403 on accounts: the key was revoked or cannot read accounts"
        case .stillRateLimited: return "rate-limited (429) even after waiting: cannot tell yet"
        case .readAll(let resources): return "read \(resources.map(resource).joined(separator: ", "))"
        case .readRefused(let resources):
            return "403 on \(resources.map(resource).joined(separator: ", ")): the key cannot read \(resources.count == 1 ? "it" : "them")"
        case .readFailed(let failures):
            let what = failures.map { "\(resource($0.resource)) (\($0.error.status.map { "HTTP \($0)" } ?? $0.error.code.rawValue))" }
            return "could not read \(what.joined(separator: ", "))"
        case .rateLimit(let remaining, let limit, let reset):
            return "\(remaining) of \(limit) requests left in the window, resets in \(Wording.score(reset.rounded())) s"
        case .noRateLimitHeaders: return "no RateLimit-* headers seen"
        case .activeAccounts: return "the tenant has active accounts"
        case .onlyChurnedAccounts: return "only churned accounts: no active account to brief on"
        case .noAccounts: return "the tenant has no accounts at all"
        case .churnedUnchecked(let error): return "could not check churned accounts: \(error.description)"
        case .noOrganizations: return "on accounts: the tenant has no organizations"
        case .dataLocated(let location):
            let verdict = location.livesOnOrganizations
                ? "data lives on the organization: briefs show the organization's values, labelled" : "data lives on the accounts"
            return "\(verdict) — \(summary(location))\(location.sampled ? " (first page of each)" : "")"
        case .locationUnread(let failures):
            let reasons = failures.map { "\($0.method) \($0.path) (\($0.code.rawValue))" }.joined(separator: ", ")
            return "could not check where the data lives: \(reasons) failed"
        case .noAttendees: return "no attendee emails given"
        case .matchingFailed(let error): return "matching failed: \(error.description)"
        case .lookupsFailed(let failures):
            let failed = failures.map { "\($0.request) (\($0.error.code.rawValue))" }.joined(separator: ", ")
            return "could not check every rule: \(failed) failed, and no other rule matched"
        case .internalAttendee(let domain):
            return "internal attendee: \(domain ?? "") is your team's domain, so no customer data is expected"
        case .unmatched: return "no account matched: this attendee gets no Vitally data in briefs"
        case .matched(let reading):
            let warnings = warnings(reading)
            return "-> \(reading.accounts.joined(separator: ", ")) by \(reading.rule?.rawValue ?? "?")"
                + (warnings.isEmpty ? "" : "; " + warnings.joined(separator: "; "))
        case .connection(let met, _): return summary(met)
        case .connectionCancelled(let met): return "cancelled; so far: " + summary(met)
        case .cancelled: return "cancelled before it finished"
        }
    }

    /// The check's sub-lines: each matching rule, then what the matched accounts hold, or the
    /// requests that failed after retries.
    static func notes(_ check: DoctorCheck) -> [String] {
        let trace = check.trace.map {
            "\($0.rule.number)) \($0.rule.rawValue)" + ($0.outcome == .failed ? "" : ": \($0.outcome.rawValue)")
                + ($0.tried == "-" ? "" : " — \($0.tried)") + ": \($0.found)"
        }
        switch check.outcome {
        case .matched(let reading): return trace + reading.probes.flatMap(notes)
        case .connection(let met, let findings) where !findings.isEmpty:
            return trace + met.failures.prefix(5).map { "failed after retries: \($0)" }
        default: return trace
        }
    }

    static func skipped(_ reason: SkipReason) -> String {
        switch reason {
        case .noUsableCredentials: return "no usable credentials"
        case .noCredentials: return "no credentials"
        case .hostDidNotAnswer: return "the host did not answer"
        case .rateLimited: return "rate-limited"
        case .tokenRefused: return "the token was refused"
        case .unexpectedAnswer: return "the host gave an unexpected answer"
        }
    }

    static func hostKind(_ kind: HostKind) -> String {
        switch kind {
        case .recorded: return "recorded host"
        case .custom: return "custom host"
        case .region(let region): return "\(region.rawValue.uppercased()) host"
        }
    }

    /// `no health score`, `no notes`.
    static func gap(_ data: BriefData) -> String { data == .healthScore ? "no health score" : "no " + held(data) }

    /// `a health score`, `notes`, `users`.
    static func held(_ data: BriefData) -> String {
        switch data {
        case .healthScore: return "a health score"
        case .notes: return "notes"
        case .users: return "users"
        }
    }

    /// What makes a matched attendee a WARN, in the order the detail lists them.
    static func warnings(_ reading: AttendeeReading) -> [String] {
        var warnings: [String] = []
        if reading.ambiguous { warnings.append("ambiguous: \(reading.accounts.count) accounts (\(reading.accounts.joined(separator: ", ")))") }
        if reading.churned { warnings.append("matched a churned account (the brief flags it)") }
        if reading.freeMail { warnings.append("free-mail address: matched only because it is a known user") }
        if !reading.unchecked.isEmpty {
            let what = reading.unchecked.map { failure in failure.rule.map { "rule \($0.number)" } ?? "the admin list" }
            warnings.append("\(what.joined(separator: ", ")) could not be checked (\(reading.unchecked.map(\.error.code.rawValue).joined(separator: ", ")))")
        }
        if reading.lowConfidence { warnings.append("\(reading.confidenceLabel) confidence (\(reading.rule?.rawValue ?? ""))") }
        for probe in reading.probes {
            if !probe.gaps.isEmpty { warnings.append("\(probe.account) has \(probe.gaps.map(gap).joined(separator: ", "))") }
            if let organization = probe.organizationOnly { warnings.append("data at organization level only (\(organization))") }
            if let request = probe.unrecognised { warnings.append("unrecognised response shape from \(request)") }
        }
        if !reading.unread.isEmpty {
            var requests: [String] = []
            for error in reading.unread where !requests.contains("GET " + error.path) { requests.append("GET " + error.path) }
            let codes = Set(reading.unread.map(\.code.rawValue)).sorted().joined(separator: ", ")
            warnings.append("could not read \(requests.joined(separator: ", ")) (\(codes)), so what the account holds is not fully known")
        }
        return warnings
    }

    /// One matched account's lines: what it holds or lacks, its breakdown, its counts.
    static func notes(_ probe: AccountProbe) -> [String] {
        let has = probe.held.count == 1
            ? held(probe.held[0]) : probe.held.dropLast().map(held).joined(separator: ", ") + " and " + (probe.held.last.map(held) ?? "")
        let read = probe.held.isEmpty ? "could not be read" : "has " + has
        var lines = ["\(probe.account): " + (probe.gaps.isEmpty ? read : probe.gaps.map(gap).joined(separator: ", "))]
        switch probe.breakdown {
        case .rows(let n)?: lines.append("health-score breakdown: \(n) row\(n == 1 ? "" : "s") in a known shape")
        case .unrecognised?: lines.append("health-score breakdown: unrecognised response shape")
        case .failed(let error)?: lines.append("health-score breakdown: " + error.description)
        case nil: break
        }
        var line = "\(count("notes", probe.notes)), \(count("tasks", probe.tasks)) on the account"
        if let organization = probe.organization {
            line += "; \(count("notes", organization.notes)), \(count("tasks", organization.tasks)) on its organization \(organization.name)"
        } else {
            line += "; no organization"
        }
        return lines + [line]
    }

    /// `notes 5`, `tasks 50+`, `notes not counted (403 above)`.
    static func count(_ list: String, _ count: ListCount) -> String {
        switch count {
        case .counted(let n): return "\(list) " + (n >= Doctor.countPage ? "\(Doctor.countPage)+" : "\(n)")
        case .failed(let error): return "\(list) could not be read (\(error.code.rawValue))"
        case .refused: return "\(list) not counted (403 above)"
        case .notRead: return "\(list) not read"
        }
    }

    /// `health on 0 of 12 accounts, on 3 of 3 organizations; MRR …`: the first four fields either side holds.
    static func summary(_ location: DataLocation) -> String {
        location.counts.filter { $0.accounts > 0 || $0.organizations > 0 }.prefix(4).map {
            "\($0.field) on \($0.accounts) of \(location.accountsRead) accounts, on \($0.organizations) of \(location.organizationsRead) organizations"
        }.joined(separator: "; ")
    }

    /// Every number the run met, in one line.
    static func summary(_ met: ConnectionStats) -> String {
        func seconds(_ value: Double) -> String {
            let shown = ConnectionStats.shown(value)
            return shown < 1 ? "\(Int((shown * 1000).rounded())) ms" : String(format: "%.1f s", shown)
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
    static func cause(_ cause: RetryCause) -> String {
        switch cause {
        case .status(let code): return "HTTP \(code)"
        case .connection: return "connection lost"
        case .timeout: return "timeout"
        }
    }
}
