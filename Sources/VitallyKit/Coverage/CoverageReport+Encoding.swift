import Foundation

/// `coverage --json`: what was read, the summary counts, every meeting with its attendees'
/// matches, and every unmatched domain with its fix and the advice the text gives.
extension CoverageReport: Encodable {
    package func encode(to encoder: any Encoder) throws {
        try encoder.object([
            ("files", source?.files ?? []),
            ("from", source.map { VitallyDate.formatDay($0.from) }), ("to", source.map { VitallyDate.formatDay($0.lastDay) }),
            ("summary", Summary(report: self)),
            ("unknownTimeZones", source?.unknownZones ?? []),
            ("meetings", meetings),
            ("unmatchedDomains", unmatchedDomains),
        ])
    }

    /// The rules that matched someone, in rule order.
    package var rules: [MatchRule] { MatchRule.allCases.filter { attendeesByRule[$0] != nil } }

    /// Every request the run sent: the caller's count, else the matcher's tally.
    package var requestsSent: Int { totalRequests ?? requests.total }

    private struct Summary: Encodable {
        let report: CoverageReport

        func encode(to encoder: any Encoder) throws {
            let byRule = report.rules.map { ($0.rawValue, (report.attendeesByRule[$0] ?? 0) as any Encodable) }
            func split(recurring: Bool) -> KeyedPairs {
                let counts = report.customerMeetings(recurring: recurring)
                return KeyedPairs([("withData", counts.withData), ("withoutData", counts.withoutData)])
            }
            try encoder.object([
                ("meetings", report.meetings.count), ("withData", report.count(.withData)),
                ("withoutData", report.count(.withoutData)), ("internalOnly", report.count(.internalOnly)),
                ("recurring", split(recurring: true)), ("oneOff", split(recurring: false)),
                ("externalAttendees", report.externalAttendees), ("unmatchedAttendees", report.unmatchedAttendees),
                ("internalAttendees", report.internalAttendees),
                ("attendeesByRule", KeyedPairs(byRule)),
                ("requests", KeyedPairs([("total", report.requestsSent), ("attendees", report.requests.attendees),
                                             ("domains", report.requests.domains)])),
            ])
        }
    }
}

extension CoverageReport.MeetingResult: Encodable {
    package func encode(to encoder: any Encoder) throws {
        try encoder.object([
            ("title", meeting.title), ("start", meeting.start), ("allDay", meeting.allDay), ("recurring", meeting.recurring),
            ("verdict", verdict.rawValue), ("internalAttendees", internalCount),
            ("attendees", external.map { match in
                KeyedPairs([
                    ("email", match.email), ("matched", match.isMatched), ("rule", match.rule?.rawValue),
                    ("accounts", match.accounts.map { KeyedPairs([("id", $0.id), ("name", $0.name)]) }),
                    ("partial", match.isPartial),
                ])
            }),
        ])
    }
}

extension CoverageReport.UnmatchedDomain: Encodable {
    package func encode(to encoder: any Encoder) throws {
        try encoder.object([
            ("domain", domain), ("meetings", meetings), ("meetingsWithoutData", meetingsWithoutData),
            ("meetingsMatchedByTitle", meetingsMatchedByTitle), ("meetingsMatchedByDomainName", meetingsMatchedByDomainName),
            ("attendees", attendees), ("fix", fix), ("advice", advice),
        ])
    }

    /// "Add `globex-holdings.com` to Globex's domain trait (domain, account globex-001): 14 meetings": the fix, in words.
    package var advice: String {
        let details = [
            meetingsWithoutData > 0 ? "\(meetingsWithoutData) without data" : nil,
            meetingsMatchedByTitle > 0 ? "\(meetingsMatchedByTitle) matched only by the title's company name" : nil,
            meetingsMatchedByDomainName > 0 ? "\(meetingsMatchedByDomainName) matched only by the company name in the domain" : nil,
        ].compactMap { $0 }
        let told = Wording.count(meetings, "meeting") + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
        func possessive(_ account: String) -> String { account.hasSuffix("s") ? account + "'" : account + "'s" }
        switch fix {
        case .addToDomainTrait(let account, let id, let key):
            return "Add `\(domain)` to \(possessive(account)) domain trait (\(key), account \(id)): \(told)"
        case .readField(let account, let id, let field):
            return "`\(domain)` is in \(possessive(account)) `\(field)` field (account \(id)), which matching does not read: \(told); "
                + "rename the field to say domain, or copy it into the domain trait"
        case .noAccount:
            return "No account for `\(domain)`: \(told)"
        case .linkUsers:
            return "Free mail `\(domain)` (\(Wording.count(attendees.count, "guest"))): \(told); make each guest a user of their account"
        }
    }
}

extension CoverageReport.Fix: Encodable {
    package func encode(to encoder: any Encoder) throws {
        switch self {
        case .addToDomainTrait(let account, let id, let key):
            try encoder.object([("kind", "addToDomainTrait"), ("account", account), ("accountId", id), ("trait", key)])
        case .readField(let account, let id, let field):
            try encoder.object([("kind", "readField"), ("account", account), ("accountId", id), ("field", field)])
        case .noAccount:
            try encoder.object([("kind", "noAccount")])
        case .linkUsers:
            try encoder.object([("kind", "linkUsers")])
        }
    }
}
