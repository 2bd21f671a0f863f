import Foundation

/// For every meeting of a calendar, whether its brief would have Vitally data, and what would
/// give the rest data. Values only; the shell words them.
public struct CoverageReport: Sendable, Equatable {
    /// One meeting and its external attendees' matches.
    public struct MeetingResult: Sendable, Equatable {
        public enum Verdict: String, Sendable {
            /// At least one external attendee matched an account.
            case withData = "with data"
            /// External attendees, none matched.
            case withoutData = "without data"
            /// Only our own team (or nobody) on the invite: no brief to make.
            case internalOnly = "internal only"
        }

        public var meeting: CalendarMeeting
        /// The attendees who are not our team, in the invite's order.
        public var external: [AttendeeMatch]
        public var internalCount: Int
        public var verdict: Verdict
    }

    /// What would give an unmatched domain's meetings data.
    public enum Fix: Sendable, Equatable {
        /// An account's name matches the domain: add the domain to its domain trait `key`.
        case addToDomainTrait(account: String, accountId: String, key: String)
        /// An account already holds the domain, in a custom field matching does not read (its label
        /// and path say neither domain, website nor URL): rename the field, or copy it into the domain trait.
        case readField(account: String, accountId: String, field: String)
        /// No account looks like it: create one, or add the domain to the right account.
        case noAccount
        /// A free-mail domain no trait can hold: make the guests users of their account.
        case linkUsers
    }

    /// A domain whose attendees matched nothing, or only by a meeting title's company name (which
    /// a title without the name loses), with the meetings it affects.
    public struct UnmatchedDomain: Sendable, Equatable {
        public var domain: String
        /// Meetings with at least one such attendee at this domain.
        public var meetings: Int
        /// Of those, meetings that have no data at all.
        public var meetingsWithoutData: Int
        /// Of those, meetings where the title's company name was the only match.
        public var meetingsMatchedByTitle: Int
        public var attendees: [String]
        public var fix: Fix
    }

    public var meetings: [MeetingResult]
    /// Distinct external attendees by the rule that matched them (the first meeting that matched
    /// them, by rule order), and those no rule matched.
    public var attendeesByRule: [MatchRule: Int]
    public var unmatchedAttendees: Int
    public var internalAttendees: Int
    /// Unmatched domains, the most meetings first.
    public var unmatchedDomains: [UnmatchedDomain]
    /// Attendees some lookup failed for (their answer may be wrong either way).
    public var partialAttendees: [String]
    /// The lookups this run sent through the matcher (the account scan aside).
    public var requests: RequestTally

    public func count(_ verdict: MeetingResult.Verdict) -> Int { meetings.filter { $0.verdict == verdict }.count }
    public var externalAttendees: Int { attendeesByRule.values.reduce(0, +) + unmatchedAttendees }
}

/// Requests by what they asked: one per distinct attendee, one per distinct domain, the rest.
public struct RequestTally: Sendable, Equatable {
    public var attendees = 0
    public var domains = 0
    public var other = 0
    public var total: Int { attendees + domains + other }
}

/// How far a coverage run is, for its status line.
public struct CoverageProgress: Sendable, Equatable {
    public var matched: Int
    public var of: Int
}
