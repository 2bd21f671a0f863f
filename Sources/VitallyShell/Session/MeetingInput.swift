import Foundation
import VitallyKit

/// The attendees and title a meeting command works on: the emails typed, then each `--ics FILE`'s
/// attendees (`match`, `doctor` and `brief` read invites this one way). The title typed wins,
/// else the first invite's SUMMARY; the start is the first invite's.
struct MeetingInput: Sendable, Equatable {
    var emails: [String]
    var title: String?
    var start: Date?
    /// How many invites were read: the attendee-limit error says where the attendees came from.
    var invites: Int
    /// One line per file that holds several meetings (a calendar export): which one was read.
    var warnings: [String] = []

    /// Reads `invites` (paths relative to the working directory) through `CalendarInvite`, after
    /// checking the typed title; `now` picks a recurring invite's next occurrence.
    static func read(emails typed: [String], title typedTitle: String?, invites paths: [String], workingDirectory: URL, now: Date)
        throws(VitallyError) -> MeetingInput
    {
        try InputLimits.check(title: typedTitle, what: "--title")
        var input = MeetingInput(emails: typed, title: typedTitle, start: nil, invites: 0)
        for path in paths {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
            let text = try InputLimits.readInvite(at: url)
            let invite = try CalendarInvite.parse(text, now: now)
            // Events that share a UID are one meeting (a series and its moved occurrences).
            let events = (try? CalendarFile.parse(text).events) ?? []
            let meetings = Set(events.enumerated().map { $0.element.uid ?? "#\($0.offset)" }).count
            if meetings > 1 {
                let when = invite.start.map { " on " + VitallyDate.formatDay($0) } ?? ""
                input.warnings.append(
                    "\(path) holds \(meetings) meetings: read only the next, '\(invite.summary ?? "untitled")'\(when); 'coverage --ics \(path)' reads them all")
            }
            input.emails += invite.attendees.filter { !input.emails.contains($0) }
            if input.title == nil, let summary = invite.summary {
                try InputLimits.check(title: summary, what: "the invite's SUMMARY")
                input.title = summary
            }
            input.start = input.start ?? invite.start
            input.invites += 1
        }
        return input
    }

    /// Where the attendees came from, for the attendee-limit error.
    var source: String { invites == 0 ? "given" : invites == 1 ? "given and in the invite" : "given and in the \(invites) invites" }

    /// The refusal when there is no attendee to work on: none typed, or the invites list none.
    func noAttendees(_ command: String, usage: String) -> String {
        invites == 0 ? "\(command) needs attendee emails or --ics FILE; usage: \(usage)"
            : "the invite\(invites == 1 ? "" : "s") given to \(command) list\(invites == 1 ? "s" : "") no attendee emails; "
                + "type them instead: \(command) EMAIL..."
    }
}

extension Common {
    /// `--ics FILE` of `match`, `doctor` and `brief`, given once per invite (repeatable: the attendees add up).
    static let ics = Option<String>(
        "--ics", value: "FILE", repeatable: true, help: "read attendees and title from a calendar invite")
}

extension Shell {
    /// The command's emails, its `title` option and `--ics` invites, read as `MeetingInput` does.
    func meetingInput(_ command: ParsedCommand, title: Option<String>) throws(VitallyError) -> MeetingInput {
        let input = try MeetingInput.read(
            emails: command.arguments, title: command.options[title], invites: command.options.all(Common.ics),
            workingDirectory: environment.workingDirectory, now: now)
        inputWarnings += input.warnings
        return input
    }
}
