/// What one doctor check found, as data: counts, statuses, waits, the request, the account, the
/// rule. The shell words each case and the fix (DoctorWording, ErrorAdvice), so the core names
/// no command or flag and writes no sentence.
package enum DoctorOutcome: Sendable, Equatable, Encodable {
    // 1. Credentials.
    /// Answers come from this recording; no token is needed.
    case replaying(file: String)
    /// A token is there, from this source.
    case tokenPresent(source: CredentialSource)
    /// Saved or environment credentials could not be used, for this reason (the configuration's own).
    case unusableConfiguration(problem: String)
    case notConnected
    /// Not run, because an earlier check failed.
    case notRun(SkipReason)

    // 2. Host.
    /// The first read (`request`, a path and query, at `baseURL` when known) was answered by this kind of host.
    case hostAnswered(host: HostKind, baseURL: String?, request: String)
    /// The first read failed. A nil endpoint means the failure was replayed from a recording.
    case hostUnreachable(baseURL: String?, request: String, error: VitallyError, endpoint: VitallyEndpoint?)

    // 3. Token.
    /// The token was accepted by this host (nil: the recorded one).
    case tokenAccepted(host: String?)
    /// 401 on the first read.
    case tokenRejected(subdomain: String?, endpoint: VitallyEndpoint?)
    /// 403 on the first read.
    case keyRevoked
    /// 429 even after the retries.
    case stillRateLimited

    // 4. Read access.
    /// Every list a brief reads answered (these, in order).
    case readAll(resources: [String])
    /// 403 on these lists.
    case readRefused(resources: [String])
    /// Other failures reading these lists.
    case readFailed([ReadFailure])

    // 5. Rate limit.
    /// The budget left, as the last `RateLimit-*` headers said (`limit` defaults to Vitally's 1000).
    case rateLimit(remaining: Int, limit: Int, resetSeconds: Double)
    case noRateLimitHeaders

    // 6. Tenant data and where it lives.
    case activeAccounts
    case onlyChurnedAccounts
    case noAccounts
    /// Reading the churned accounts failed.
    case churnedUnchecked(VitallyError)
    /// The tenant has accounts but no organizations: the data is on the accounts.
    case noOrganizations
    /// Where the data lives, counted on one page of each.
    case dataLocated(DataLocation)
    /// These reads failed, so where the data lives is not known.
    case locationUnread([VitallyError])

    // 7. Attendees.
    case noAttendees
    /// Matching failed (an earlier check's problem usually stopped it).
    case matchingFailed(VitallyError)
    /// These lookups failed and no other rule matched.
    case lookupsFailed([LookupFailure])
    /// An address at the team's own domain: no customer data is expected.
    case internalAttendee(domain: String?)
    /// No rule matched this attendee.
    case unmatched(email: String, domain: String?, freeMail: Bool)
    /// The attendee matched; what the match and its accounts hold.
    case matched(AttendeeReading)

    // 8. Connection.
    /// What the run's requests met, and what keeps it from passing.
    case connection(ConnectionStats, findings: [ConnectionFinding])
    /// The run was cancelled; what the requests met until then.
    case connectionCancelled(ConnectionStats)
    /// The run was cancelled before this check finished.
    case cancelled

    /// The errors the outcome carries (to tell a cancelled check from a failed one).
    var errors: [VitallyError] {
        switch self {
        case .hostUnreachable(_, _, let error, _), .churnedUnchecked(let error), .matchingFailed(let error): return [error]
        case .readFailed(let failures): return failures.map(\.error)
        case .locationUnread(let errors): return errors
        case .lookupsFailed(let failures): return failures.map(\.error)
        case .matched(let reading): return reading.unread
        default: return []
        }
    }
}

/// Which check a line is; the shell words its title.
package enum DoctorCheckName: String, Sendable, Equatable, Encodable, CaseIterable {
    case credentials, host, token, readAccess, rateLimit, tenantData, dataLocation, attendees, attendee, connection
}

/// Why the checks after a failure were not run.
package enum SkipReason: String, Sendable, Equatable, Encodable {
    case noUsableCredentials, noCredentials, hostDidNotAnswer, rateLimited, tokenRefused, unexpectedAnswer
}

/// The kind of host that answered the first read.
package enum HostKind: Sendable, Equatable, Encodable {
    /// Answers come from a recording (or the endpoint is unknown).
    case recorded
    case custom
    case region(VitallyRegion)
}

/// One list a brief reads whose read failed (not refused).
package struct ReadFailure: Sendable, Equatable, Encodable {
    package var resource: String
    package var error: VitallyError

    package init(resource: String, error: VitallyError) {
        self.resource = resource
        self.error = error
    }
}

/// What the data a brief shows is: a health score, notes, users.
package enum BriefData: String, Sendable, Equatable, Encodable {
    case healthScore, notes, users
}

/// A matched attendee: how it matched, and what a brief would find (or miss) on its accounts.
package struct AttendeeReading: Sendable, Equatable, Encodable {
    /// Every matched account's name.
    package var accounts: [String]
    package var rule: MatchRule?
    package var ambiguous: Bool
    /// One of the accounts is churned (the brief flags it).
    package var churned: Bool
    /// A free-mail address: it matched only as a known user.
    package var freeMail: Bool
    /// Rules (or the admin list) whose lookup failed, though another rule matched.
    package var unchecked: [LookupFailure]
    package var confidence: Double
    package var confidenceLabel: String
    /// Below `Doctor.lowConfidence`: worth making certain.
    package var lowConfidence: Bool
    /// The first three accounts, probed.
    package var probes: [AccountProbe]
    /// Reads of the accounts' data that failed (after retries, a timeout, a replay miss).
    package var unread: [VitallyError]

    package init(
        accounts: [String], rule: MatchRule?, ambiguous: Bool, churned: Bool, freeMail: Bool, unchecked: [LookupFailure],
        confidence: Double, confidenceLabel: String, lowConfidence: Bool, probes: [AccountProbe], unread: [VitallyError]
    ) {
        self.accounts = accounts
        self.rule = rule
        self.ambiguous = ambiguous
        self.churned = churned
        self.freeMail = freeMail
        self.unchecked = unchecked
        self.confidence = confidence
        self.confidenceLabel = confidenceLabel
        self.lowConfidence = lowConfidence
        self.probes = probes
        self.unread = unread
    }

    /// Something about the match deserves a WARN.
    package var doubtful: Bool {
        ambiguous || churned || freeMail || !unchecked.isEmpty || lowConfidence || !unread.isEmpty
            || probes.contains { !$0.gaps.isEmpty || $0.organizationOnly != nil || $0.unrecognised != nil }
    }
}

/// What one matched account holds, as a brief would read it.
package struct AccountProbe: Sendable, Equatable, Encodable {
    package var account: String
    /// What a brief would miss (notes held by the organization are not a gap).
    package var gaps: [BriefData]
    /// What was read and is there (a refused or failed read is neither held nor a gap).
    package var held: [BriefData]
    /// The health-score breakdown's read; nil when it was not read.
    package var breakdown: BreakdownRead?
    package var notes: ListCount
    package var tasks: ListCount
    /// The account's organization and its counts; nil when it has none.
    package var organization: OrganizationCounts?
    /// The organization's name when the data sits only there.
    package var organizationOnly: String?
    /// The request whose answer had a shape the decoder does not know.
    package var unrecognised: String?

    package init(
        account: String, gaps: [BriefData], held: [BriefData], breakdown: BreakdownRead?, notes: ListCount, tasks: ListCount,
        organization: OrganizationCounts?, organizationOnly: String?, unrecognised: String?
    ) {
        self.account = account
        self.gaps = gaps
        self.held = held
        self.breakdown = breakdown
        self.notes = notes
        self.tasks = tasks
        self.organization = organization
        self.organizationOnly = organizationOnly
        self.unrecognised = unrecognised
    }
}

/// How the health-score breakdown read went.
package enum BreakdownRead: Sendable, Equatable, Encodable {
    case rows(Int)
    case unrecognised
    case failed(VitallyError)
}

/// One page's count of a list (`Doctor.countPage` at most), or why there is none.
package enum ListCount: Sendable, Equatable, Encodable {
    case counted(Int)
    case failed(VitallyError)
    /// The read-access check found the list refused (403), so it was not asked again.
    case refused
    case notRead
}

/// An account's organization (its name, else its id) and its notes and tasks.
package struct OrganizationCounts: Sendable, Equatable, Encodable {
    package var name: String
    package var notes: ListCount
    package var tasks: ListCount

    package init(name: String, notes: ListCount, tasks: ListCount) {
        self.name = name
        self.notes = notes
        self.tasks = tasks
    }
}
