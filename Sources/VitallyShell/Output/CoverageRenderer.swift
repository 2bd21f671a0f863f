import Foundation
import VitallyKit

/// Words a coverage report two ways from one value: text blocks ending with the bars, and the
/// HTML page (the same tables and the chart). Its `--json` is the report encoded.
struct CoverageRenderer: ResultRenderer {
    /// Unmatched domains shown in the text and the page (JSON has them all).
    static let shownDomains = 10

    // MARK: Words

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

    /// "2026-12-07 to 2026-12-20".
    static func range(_ report: CoverageReport) -> String {
        report.source.map { "\(VitallyDate.formatDay($0.from)) to \(VitallyDate.formatDay($0.lastDay))" } ?? "the range asked"
    }

    /// The calendars (and attendee lists) read, comma-separated.
    static func files(_ report: CoverageReport) -> String { report.source?.files.joined(separator: ", ") ?? "" }

    static func counts(_ report: CoverageReport) -> String {
        "\(report.count(.withData)) with Vitally data · \(report.count(.withoutData)) without · \(report.count(.internalOnly)) internal only"
    }

    static func requestWords(_ report: CoverageReport) -> String {
        let tally = report.requests, total = report.requestsSent
        return "\(total): \(Format.count(tally.attendees, "attendee")) and \(Format.count(tally.domains, "domain")), each looked up once; "
            + "\(max(0, total - tally.attendees - tally.domains)) for the account scan and the rest"
    }

    // MARK: Text

    func blocks(_ report: CoverageReport) -> [OutputBlock] {
        var out: [OutputBlock] = [
            .line([Span("Coverage: ", .bold), Span("\(Format.count(report.meetings.count, "meeting")), \(Self.range(report)) (\(Self.files(report)))")]),
            .line([Span("  " + Self.counts(report))]),
        ]
        if let zones = report.source?.unknownZones, !zones.isEmpty {
            out.append(.text("  Unknown time zones read as UTC: \(zones.joined(separator: ", "))", .warn))
        }
        for result in report.meetings {
            out.append(.blank)
            out.append(.line([Span(Self.when(result.meeting) + "  ", .dim), Span(result.meeting.title ?? "(no title)", .bold),
                              Span("  " + result.verdict.rawValue, Self.style(result.verdict))]))
            for match in result.external { out.append(.line([Span("    ")] + Self.attendee(match))) }
            if result.internalCount > 0 { out.append(.text("    + \(Format.count(result.internalCount, "internal attendee"))", .dim)) }
        }
        out.append(.blank)
        out += summaryBlocks(report)
        return out
    }

    func summaryBlocks(_ report: CoverageReport) -> [OutputBlock] {
        var out: [OutputBlock] = []
        if !report.unmatchedDomains.isEmpty {
            out.append(.text("What would give more meetings data (the most meetings first):", .bold))
            for domain in report.unmatchedDomains.prefix(Self.shownDomains) { out.append(.text("  " + domain.advice)) }
            if report.unmatchedDomains.count > Self.shownDomains {
                out.append(.text("  … and \(report.unmatchedDomains.count - Self.shownDomains) more domains (--json lists them all)", .dim))
            }
            out.append(.blank)
        }
        var people = [Field("External attendees", "\(report.externalAttendees) (\(report.externalAttendees - report.unmatchedAttendees) matched, \(report.unmatchedAttendees) not)"),
                      Field("Internal attendees", String(report.internalAttendees))]
        for rule in report.rules { people.append(Field("  by \(rule.number)) \(rule.rawValue)", String(report.attendeesByRule[rule] ?? 0))) }
        people.append(Field("Requests", Self.requestWords(report)))
        out.append(.fields(people))
        if !report.partialAttendees.isEmpty {
            out.append(.line([Span("Partial: ", .warn),
                              Span("\(Format.count(report.partialAttendees.count, "attendee")) could not be fully checked; run 'match EMAIL' on them")]))
        }
        out.append(.blank)
        for chart in Self.charts(report) { out += [.bars(chart), .blank] }
        _ = out.popLast()
        return out
    }

    static func charts(_ report: CoverageReport) -> [ReportBars] {
        func bar(_ label: String, recurring: Bool?) -> ReportBar {
            let counts = report.customerMeetings(recurring: recurring)
            return ReportBar(label, matched: counts.withData, unmatched: counts.withoutData)
        }
        let meetings = ReportBars(title: "Meetings with customers", bars: [
            bar("all", recurring: nil), bar("recurring", recurring: true), bar("one-off", recurring: false),
        ], matchedName: "with Vitally data", unmatchedName: "without")
        var byRule = report.rules.map { ReportBar("\($0.number)) \($0.rawValue)", matched: report.attendeesByRule[$0] ?? 0, unmatched: 0) }
        byRule.append(ReportBar("no rule matched", matched: 0, unmatched: report.unmatchedAttendees))
        let attendees = ReportBars(title: "External attendees by rule", bars: byRule)
        return [meetings, attendees]
    }

    // MARK: HTML

    static func page(_ report: CoverageReport) -> ReportPage {
        let meetings = Table(columns: ["When", "Meeting", "External attendees", "Data"], rows: report.meetings.map { result in
            let people = result.external.map { match in
                match.rule.map { "\(match.email) → \(match.accounts.map(\.name).joined(separator: ", ")) (\($0.rawValue))" } ?? "\(match.email): no account"
            }
            return [Span(Self.when(result.meeting)), Span(result.meeting.title ?? "(no title)"),
                    Span(people.isEmpty ? "—" : people.joined(separator: "; ")), Span(result.verdict.rawValue, Self.style(result.verdict))]
        })
        let domains = Table(columns: ["Domain", "Meetings", "Without data", "Fix"], rows: report.unmatchedDomains.prefix(Self.shownDomains).map { domain in
            [Span(domain.domain), Span(String(domain.meetings)), Span(String(domain.meetingsWithoutData)), Span(domain.advice)]
        })
        return ReportPage(
            title: "Vitally coverage", subtitle: "\(range(report)) · \(files(report))",
            summary: [Field("Meetings", "\(report.meetings.count): " + counts(report)),
                      Field("External attendees", "\(report.externalAttendees) (\(report.unmatchedAttendees) unmatched)"),
                      Field("Requests", requestWords(report))],
            charts: charts(report),
            sections: [ReportPage.Section("Unmatched domains", domains), ReportPage.Section("Meetings", meetings)])
    }
}
