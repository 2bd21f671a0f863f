/// Why a doctor check did not pass, with the data needed to say what to do. The shell phrases
/// the fix (ErrorAdvice), so the core names no command or flag.
package enum DoctorCause: Sendable, Equatable {
    /// Saved or environment credentials could not be used; the check's detail says why.
    case unusableConfiguration
    case notConnected
    /// The host did not answer. A nil endpoint means the failure was replayed from a recording.
    case hostUnreachable(VitallyEndpoint?)
    /// 401 on the first read.
    case tokenRejected(subdomain: String?, endpoint: VitallyEndpoint?)
    /// 403 on the first read.
    case keyRevoked
    /// 429 even after the retries.
    case stillRateLimited
    /// 403 on some of the lists a brief reads.
    case readAccessRefused
    /// Other failures reading those lists.
    case readFailed
    case noRateLimitHeaders
    case rateLimitExhausted
    case rateLimitLow
    case onlyChurnedAccounts
    case noAccounts
    /// Matching an attendee failed because an earlier check's problem stopped it.
    case matchingFailed
    case noAttendees
    /// No rule matched this attendee.
    case attendeeUnmatched(email: String, domain: String?, freeMail: Bool)
    /// The attendee matched, with these concerns.
    case attendeeConcerns([AttendeeConcern])
    /// The run was cancelled before this check finished.
    case cancelled
    /// These lookups failed for an attendee (a timeout, a 5xx after retries, a replay miss).
    case lookupsFailed([VitallyError])
    /// What the connection met: slowness, 429s, retries, failures after retries.
    case connection([ConnectionFinding])
}

/// Something doubtful about a matched attendee.
package enum AttendeeConcern: Sendable, Equatable {
    case ambiguous, churned, lowConfidence
    /// The account lacks data a brief shows (health score, notes, users).
    case thinData(account: String)
    /// The account has no notes or tasks of its own, but its organization has: the data sits at
    /// organization level only (a brief reads and labels it; other tools may not).
    case organizationLevelOnly(account: String, organization: String)
    /// A list the brief reads answered in a shape the decoder does not know.
    case unrecognisedShape(account: String, request: String)
    /// Reads of the account's data that failed (after retries, a timeout, a replay miss).
    case unread([VitallyError])
}
