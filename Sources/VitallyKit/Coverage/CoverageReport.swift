import Foundation

/// For every meeting of a calendar, whether its brief would have Vitally data, and what would
/// give the rest data. `coverage --json` is this value encoded (CoverageReport+Encoding); the
/// shell draws the text and the HTML page from it.
package struct CoverageReport: Sendable, Equatable {
    /// What was read: the calendar files (and attendee lists) and the days asked for.
    package struct Source: Sendable, Equatable {
        package var files: [String]
        package var from: Date
        /// The range's last day (its start).
        package var lastDay: Date
        /// Time zones the calendars named that are not known, read as UTC.
        package var unknownZones: [String]

        package init(files: [String], from: Date, lastDay: Date, unknownZones: [String]) {
            self.files = files
            self.from = from
            self.lastDay = lastDay
            self.unknownZones = unknownZones
        }
    }

    /// One meeting and its external attendees' matches.
    package struct MeetingResult: Sendable, Equatable {
        package enum Verdict: String, Sendable {
            /// At least one external attendee matched an account.
            case withData = "with data"
            /// External attendees, none matched.
            case withoutData = "without data"
            /// Only our own team (or nobody) on the invite: no brief to make.
            case internalOnly = "internal only"
        }

        package var meeting: CalendarMeeting
        /// The attendees who are not our team, in the invite's order.
        package var external: [AttendeeMatch]
        package var internalCount: Int
        package var verdict: Verdict
    }

    /// What would give an unmatched domain's meetings data.
    package enum Fix: Sendable, Equatable {
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

    /// A domain whose attendees matched nothing, or only by a company name (the title's, which a
    /// title without the name loses, or the one the domain spells), with the meetings it affects.
    package struct UnmatchedDomain: Sendable, Equatable {
        package var domain: String
        /// Meetings with at least one such attendee at this domain.
        package var meetings: Int
        /// Of those, meetings that have no data at all.
        package var meetingsWithoutData: Int
        /// Of those, meetings where the title's company name was the only match.
        package var meetingsMatchedByTitle: Int
        /// Of those, meetings where the company name the domain spells was the only match.
        package var meetingsMatchedByDomainName: Int
        package var attendees: [String]
        package var fix: Fix
    }

    package var meetings: [MeetingResult]
    /// Distinct external attendees by the rule that matched them (the first meeting that matched
    /// them, by rule order), and those no rule matched.
    package var attendeesByRule: [MatchRule: Int]
    package var unmatchedAttendees: Int
    package var internalAttendees: Int
    /// Unmatched domains, the most meetings first.
    package var unmatchedDomains: [UnmatchedDomain]
    /// Attendees some lookup failed for (their answer may be wrong either way).
    package var partialAttendees: [String]
    /// The lookups this run sent through the matcher (the account scan aside).
    package var requests: RequestTally
    /// Set by the caller: what was read, and every request the run sent, the account scan
    /// included (nil: the matcher's own tally is all there is).
    package var source: Source?
    package var totalRequests: Int?

    package func count(_ verdict: MeetingResult.Verdict) -> Int { meetings.filter { $0.verdict == verdict }.count }

    /// Meetings with customers (not internal only), with and without Vitally data: all of them,
    /// the recurring ones, or the one-off ones (the chart's bars and `--json`'s summary).
    package func customerMeetings(recurring: Bool? = nil) -> (withData: Int, withoutData: Int) {
        let chosen = meetings.filter { recurring == nil || $0.meeting.recurring == recurring }
        return (chosen.filter { $0.verdict == .withData }.count, chosen.filter { $0.verdict == .withoutData }.count)
    }
    package var externalAttendees: Int { attendeesByRule.values.reduce(0, +) + unmatchedAttendees }
}

/// Requests by what they asked: one per distinct attendee, one per distinct domain, the rest.
package struct RequestTally: Sendable, Equatable {
    package var attendees = 0
    package var domains = 0
    package var other = 0
    package var total: Int { attendees + domains + other }
}

/// How far a coverage run is, for its status line.
package struct CoverageProgress: Sendable, Equatable {
    package var matched: Int
    package var of: Int
}
