import Foundation
import VitallyKit

/// Words a coverage report three ways from one value: text blocks ending with the bars, JSON,
/// and the HTML page (the same tables and the chart).
struct CoverageRenderer {
    /// What was read: the files and the range.
    struct Source {
        var files: [String]
        var from: Date
        var lastDay: Date
        var unknownZones: [String]
    }

    let report: CoverageReport
    let source: Source
    /// Every request the command sent, the account scan included.
    let totalRequests: Int
    /// Unmatched domains shown in the text and the page (JSON has them all).
    static let shownDomains = 10

    // MARK: Words

    /// "Add `globex-holdings.com` to Globex's domain trait: 14 meetings".
    static func advice(_ domain: CoverageReport.UnmatchedDomain) -> String {
        let details = [
            domain.meetingsWithoutData > 0 ? "\(domain.meetingsWithoutData) without data" : nil,
            domain.meetingsMatchedByTitle > 0 ? "\(domain.meetingsMatchedByTitle) matched only by the title's company name" : nil,
            domain.meetingsMatchedByDomainName > 0 ? "\(domain.meetingsMatchedByDomainName) matched only by the company name in the domain" : nil,
        ].compactMap { $0 }
        let meetings = Format.count(domain.meetings, "meeting") + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
        switch domain.fix {
        case .addToDomainTrait(let account, let id, let key):
            let possessive = account.hasSuffix("s") ? account + "'" : account + "'s"
            return "Add `\(domain.domain)` to \(possessive) domain trait (\(key), account \(id)): \(meetings)"
        case .readField(let account, let id, let field):
            let possessive = account.hasSuffix("s") ? account + "'" : account + "'s"
            return "`\(domain.domain)` is in \(possessive) `\(field)` field (account \(id)), which matching does not read: \(meetings); "
                + "rename the field to say domain, or copy it into the domain trait"
        case .noAccount:
            return "No account for `\(domain.domain)`: \(meetings)"
        case .linkUsers:
            return "Free mail `\(domain.domain)` (\(Format.count(domain.attendees.count, "guest"))): \(meetings); make each guest a user of their account"
        }
    }

    static func when(_ meeting: CalendarMeeting) -> String {
        let day = VitallyDate.formatDay(meeting.start)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((Int((meeting.start.timeIntervalSince1970 / 86_400).rounded(.down)) % 7) + 7) % 7]
        guard !meeting.allDay else { return "\(weekday) \(day) all day" }
        let time = VitallyDate.format(meeting.start).dropFirst(11).prefix(5)
        return "\(weekday) \(day) \(time)Z"
    }

    static func attendee(_ match: AttendeeMatch) -> [Span] {
        guard let rule = match.rule else {
            return [Span(match.email), Span("  no account", .bad), Span(match.isFreeMail ? " (free mail)" : "", .dim)]
        }
        let names = match.accounts.map(\.name).joined(separator: ", ")
        return [Span(match.email), Span("  ->  "), Span(names, .good), Span("  by \(rule.number)) \(rule.rawValue)", .dim)]
    }

    static func style(_ verdict: CoverageReport.MeetingResult.Verdict) -> Style {
        switch verdict {
        case .withData: return .good
        case .withoutData: return .bad
        case .internalOnly: return .dim
        }
    }

    var range: String { "\(VitallyDate.formatDay(source.from)) to \(VitallyDate.formatDay(source.lastDay))" }

    var counts: String {
        "\(report.count(.withData)) with Vitally data · \(report.count(.withoutData)) without · \(report.count(.internalOnly)) internal only"
    }

    var requestWords: String {
        let tally = report.requests
        return "\(totalRequests): \(Format.count(tally.attendees, "attendee")) and \(Format.count(tally.domains, "domain")), each looked up once; "
            + "\(max(0, totalRequests - tally.attendees - tally.domains)) for the account scan and the rest"
    }

    var rules: [MatchRule] { MatchRule.allCases.filter { report.attendeesByRule[$0] != nil } }

    // MARK: Text

    func blocks() -> [OutputBlock] {
        var out: [OutputBlock] = [
            .line([Span("Coverage: ", .bold), Span("\(Format.count(report.meetings.count, "meeting")), \(range) (\(source.files.joined(separator: ", ")))")]),
            .line([Span("  " + counts)]),
        ]
        if !source.unknownZones.isEmpty {
            out.append(.text("  Unknown time zones read as UTC: \(source.unknownZones.joined(separator: ", "))", .warn))
        }
        for result in report.meetings {
            out.append(.blank)
            out.append(.line([Span(Self.when(result.meeting) + "  ", .dim), Span(result.meeting.title ?? "(no title)", .bold),
                              Span("  " + result.verdict.rawValue, Self.style(result.verdict))]))
            for match in result.external { out.append(.line([Span("    ")] + Self.attendee(match))) }
            if result.internalCount > 0 { out.append(.text("    + \(Format.count(result.internalCount, "internal attendee"))", .dim)) }
        }
        out.append(.blank)
        out += summaryBlocks()
        return out
    }

    func summaryBlocks() -> [OutputBlock] {
        var out: [OutputBlock] = []
        if !report.unmatchedDomains.isEmpty {
            out.append(.text("What would give more meetings data (the most meetings first):", .bold))
            for domain in report.unmatchedDomains.prefix(Self.shownDomains) { out.append(.text("  " + Self.advice(domain))) }
            if report.unmatchedDomains.count > Self.shownDomains {
                out.append(.text("  … and \(report.unmatchedDomains.count - Self.shownDomains) more domains (--json lists them all)", .dim))
            }
            out.append(.blank)
        }
        var people = [Field("External attendees", "\(report.externalAttendees) (\(report.externalAttendees - report.unmatchedAttendees) matched, \(report.unmatchedAttendees) not)"),
                      Field("Internal attendees", String(report.internalAttendees))]
        for rule in rules { people.append(Field("  by \(rule.number)) \(rule.rawValue)", String(report.attendeesByRule[rule] ?? 0))) }
        people.append(Field("Requests", requestWords))
        out.append(.fields(people))
        if !report.partialAttendees.isEmpty {
            out.append(.line([Span("Partial: ", .warn),
                              Span("\(Format.count(report.partialAttendees.count, "attendee")) could not be fully checked; run 'match EMAIL' on them")]))
        }
        out.append(.blank)
        for chart in charts() { out += [.bars(chart), .blank] }
        _ = out.popLast()
        return out
    }

    func charts() -> [ReportBars] {
        let external = report.meetings.filter { $0.verdict != .internalOnly }
        func bar(_ label: String, _ results: [CoverageReport.MeetingResult]) -> ReportBar {
            ReportBar(label, matched: results.filter { $0.verdict == .withData }.count, unmatched: results.filter { $0.verdict == .withoutData }.count)
        }
        let meetings = ReportBars(title: "Meetings with customers", bars: [
            bar("all", external), bar("recurring", external.filter(\.meeting.recurring)), bar("one-off", external.filter { !$0.meeting.recurring }),
        ], matchedName: "with Vitally data", unmatchedName: "without")
        var byRule = rules.map { ReportBar("\($0.number)) \($0.rawValue)", matched: report.attendeesByRule[$0] ?? 0, unmatched: 0) }
        byRule.append(ReportBar("no rule matched", matched: 0, unmatched: report.unmatchedAttendees))
        let attendees = ReportBars(title: "External attendees by rule", bars: byRule)
        return [meetings, attendees]
    }

    // MARK: JSON

    func json() -> JSONValue {
        [
            "files": .array(source.files.map { .string($0) }),
            "from": .string(VitallyDate.formatDay(source.from)), "to": .string(VitallyDate.formatDay(source.lastDay)),
            "summary": [
                "meetings": .number(Double(report.meetings.count)), "withData": .number(Double(report.count(.withData))),
                "withoutData": .number(Double(report.count(.withoutData))), "internalOnly": .number(Double(report.count(.internalOnly))),
                "externalAttendees": .number(Double(report.externalAttendees)), "unmatchedAttendees": .number(Double(report.unmatchedAttendees)),
                "internalAttendees": .number(Double(report.internalAttendees)),
                "attendeesByRule": .object(JSONObject(rules.map { ($0.rawValue, JSONValue.number(Double(report.attendeesByRule[$0] ?? 0))) })),
                "requests": [
                    "total": .number(Double(totalRequests)), "attendees": .number(Double(report.requests.attendees)),
                    "domains": .number(Double(report.requests.domains)),
                ],
            ],
            "unknownTimeZones": .array(source.unknownZones.map { .string($0) }),
            "meetings": .array(report.meetings.map { result in
                [
                    "title": JSONValue(result.meeting.title), "start": .string(VitallyDate.format(result.meeting.start)),
                    "allDay": .bool(result.meeting.allDay), "recurring": .bool(result.meeting.recurring),
                    "verdict": .string(result.verdict.rawValue), "internalAttendees": .number(Double(result.internalCount)),
                    "attendees": .array(result.external.map { match in
                        [
                            "email": .string(match.email), "matched": .bool(match.isMatched), "rule": JSONValue(match.rule?.rawValue),
                            "accounts": .array(match.accounts.map { ["id": .string($0.id), "name": .string($0.name)] }),
                            "partial": .bool(match.isPartial),
                        ]
                    }),
                ]
            }),
            "unmatchedDomains": .array(report.unmatchedDomains.map { domain in
                var fix: JSONValue = ["kind": "noAccount"]
                if case .addToDomainTrait(let account, let id, let key) = domain.fix {
                    fix = ["kind": "addToDomainTrait", "account": .string(account), "accountId": .string(id), "trait": .string(key)]
                } else if case .readField(let account, let id, let field) = domain.fix {
                    fix = ["kind": "readField", "account": .string(account), "accountId": .string(id), "field": .string(field)]
                } else if case .linkUsers = domain.fix {
                    fix = ["kind": "linkUsers"]
                }
                return [
                    "domain": .string(domain.domain), "meetings": .number(Double(domain.meetings)),
                    "meetingsWithoutData": .number(Double(domain.meetingsWithoutData)),
                    "meetingsMatchedByTitle": .number(Double(domain.meetingsMatchedByTitle)),
                    "meetingsMatchedByDomainName": .number(Double(domain.meetingsMatchedByDomainName)),
                    "attendees": .array(domain.attendees.map { .string($0) }), "fix": fix, "advice": .string(Self.advice(domain)),
                ]
            }),
        ]
    }

    // MARK: HTML

    func page() -> ReportPage {
        let meetings = Table(columns: ["When", "Meeting", "External attendees", "Data"], rows: report.meetings.map { result in
            let people = result.external.map { match in
                match.rule.map { "\(match.email) → \(match.accounts.map(\.name).joined(separator: ", ")) (\($0.rawValue))" } ?? "\(match.email): no account"
            }
            return [Span(Self.when(result.meeting)), Span(result.meeting.title ?? "(no title)"),
                    Span(people.isEmpty ? "—" : people.joined(separator: "; ")), Span(result.verdict.rawValue, Self.style(result.verdict))]
        })
        let domains = Table(columns: ["Domain", "Meetings", "Without data", "Fix"], rows: report.unmatchedDomains.prefix(Self.shownDomains).map { domain in
            [Span(domain.domain), Span(String(domain.meetings)), Span(String(domain.meetingsWithoutData)), Span(Self.advice(domain))]
        })
        return ReportPage(
            title: "Vitally coverage", subtitle: "\(range) · \(source.files.joined(separator: ", "))",
            summary: [Field("Meetings", "\(report.meetings.count): " + counts),
                      Field("External attendees", "\(report.externalAttendees) (\(report.unmatchedAttendees) unmatched)"),
                      Field("Requests", requestWords)],
            charts: charts(),
            sections: [ReportPage.Section("Unmatched domains", domains), ReportPage.Section("Meetings", meetings)])
    }
}
