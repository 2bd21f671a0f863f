import Foundation
import VitallyKit

/// `coverage --ics FILE...`: for every meeting of a calendar in a date range, whether its brief
/// would have Vitally data, by which rule, and the unmatched domains that cost the most meetings.
struct CoverageCommand: ShellCommand {
    static let ics = Option<String>("--ics", value: "FILE", help: "a calendar export (.ics); more files may follow as arguments")
    static let attendeesFile = Option<String>("--attendees-file", value: "FILE", help: "a file of attendee emails, one per line")
    static let from = Option<String>("--from", value: "DAY", help: "first day (YYYY-MM-DD; default today)")
    static let to = Option<String>("--to", value: "DAY", help: "last day (YYYY-MM-DD; default 13 days after --from)")
    static let html = Option<String>("--html", value: "FILE", help: "also write a self-contained HTML report to FILE")
    static let spec = CommandSpec(
        "coverage", group: .diagnose, rank: 0, summary: "which meetings' briefs will have Vitally data, and what would fix the rest",
        synopsis: "[FILE...]", argument: .text, arguments: 0...50,
        flags: [
            ics,
            attendeesFile,
            from,
            to,
            html,
        ],
        example: "coverage --ics examples/fortnight.ics")

    /// Attendees matched per run, at most: a calendar is bounded, not a tenant's user list.
    static let attendeeCeiling = 5000

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let files = (command.options[Self.ics].map { [$0] } ?? []) + command.arguments
        guard !files.isEmpty || command.options[Self.attendeesFile] != nil else {
            return .failure("coverage needs a calendar: coverage --ics FILE [FILE...] or --attendees-file FILE", status: .usage)
        }
        let range = try dateRange(command, now: shell.now)
        var meetings: [CalendarMeeting] = []
        var unknownZones: [String] = []
        for file in files {
            let calendar = try CalendarFile.parse(try InputLimits.readInvite(at: shell.url(file), limit: 50 * 1024 * 1024))
            meetings += calendar.meetings(from: range.from, to: range.to)
            unknownZones += calendar.unknownZones.filter { !unknownZones.contains($0) }
        }
        if let list = command.options[Self.attendeesFile] {
            meetings += try attendees(in: InputLimits.readInvite(at: shell.url(list)), from: list).map {
                CalendarMeeting(title: nil, start: range.from, attendees: [$0])
            }
        }
        meetings.sort { $0.start < $1.start }
        let distinct = Set(meetings.flatMap { $0.attendees.map { $0.lowercased() } })
        guard distinct.count <= attendeeCeiling else {
            return .failure("the calendar has \(distinct.count) distinct attendees in that range, over \(attendeeCeiling); give a shorter --from/--to range")
        }
        shell.completion.note(emails: Array(distinct).sorted().filter(Domain.isEmail).prefix(200).map { $0 })
        let progress = shell.environment.progress
        let meetingCount = meetings.count
        let before = await shell.connection.limiter.requestCount
        let engine = CoverageEngine(client: shell.connection.client, directory: shell.connection.directory, team: shell.connection.team)
        var report = try await shell.withScanProgress {
            try await engine.run(meetings) { [meetingCount] step in
                progress("coverage: \(step.matched)/\(step.of) attendees · \(meetingCount) meetings")
            }
        }
        progress("")
        report.source = CoverageReport.Source(files: files + (command.options[Self.attendeesFile].map { [$0] } ?? []),
                                              from: range.from, lastDay: range.to.addingTimeInterval(-86_400), unknownZones: unknownZones)
        report.totalRequests = await shell.connection.limiter.requestCount - before
        var result = try CommandResult(report, renderedBy: CoverageRenderer())
        result.status = report.partialAttendees.isEmpty ? .ok : .partial
        if let html = command.options[Self.html] {
            let url = shell.url(html)
            do {
                try AtomicFile.write(Data(CoverageRenderer.page(report).html().utf8), to: url, permissions: 0o600)
            } catch {
                return .failure("cannot write the HTML report to \(url.path): \(error.localizedDescription); choose a writable path for --html")
            }
            result.output.blocks.append(.text("HTML report: \(url.path)", .dim))
        }
        return result
    }

    /// `--from` (default: today) to the end of `--to` (default: 14 days in all).
    static func dateRange(_ command: ParsedCommand, now: Date) throws -> (from: Date, to: Date) {
        func day(_ option: Option<String>) throws -> Date? {
            let flag = option.descriptor.name
            guard let text = command.options[option] else { return nil }
            guard text.count == 10, let date = VitallyDate.parse(text) else {
                throw VitallyError(.invalidInput, cause: "\(flag) '\(text)' is not a day; write it as YYYY-MM-DD")
            }
            return date
        }
        let from = try day(Self.from) ?? VitallyDate.startOfDay(now)
        let to = try day(Self.to).map { $0.addingTimeInterval(86_400) } ?? from.addingTimeInterval(14 * 86_400)
        guard to > from else { throw VitallyError(.invalidInput, cause: "--to is before --from; give a range that runs forward") }
        guard to.timeIntervalSince(from) <= 366 * 86_400 else {
            throw VitallyError(.invalidInput, cause: "the range is over a year; give --from and --to at most 366 days apart")
        }
        return (from, to)
    }

    /// One email per line; blank lines and `#` comments skipped; anything else must be an email.
    static func attendees(in text: String, from name: String) throws -> [String] {
        var out: [String] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard Domain.isEmail(line) else {
                throw VitallyError(.invalidInput, cause: "line \(number + 1) of \(name) is not an email address; give one address per line")
            }
            if !out.contains(line.lowercased()) { out.append(line.lowercased()) }
        }
        return out
    }
}
