import Foundation
import VitallyKit

/// `match EMAIL...`: which account each attendee maps to, by which rule, or exactly why none.
struct MatchCommand: ShellCommand {
    static let title = Option<String>("--title", help: "the meeting title, for company-name matching")
    static let spec = CommandSpec(
        "match", group: .diagnose, rank: 1, summary: "which account each attendee maps to, by which rule, or why none",
        synopsis: "EMAIL...", argument: .emails, arguments: 0...InputLimits.attendeesCeiling,
        flags: [
            title,
            Common.ics,
            Common.maxAttendees,
        ],
        example: "match pat.lee@acme.com jane.doe@gmail.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let meeting = try shell.meetingInput(command, title: Self.title)
        let emails = meeting.emails
        try InputLimits(command.options).check(attendees: emails.count, from: meeting.source)
        guard !emails.isEmpty else {
            return .failure(meeting.noAttendees("match", usage: spec.usage), status: .usage)
        }
        shell.completion.note(emails: emails.filter(Domain.isEmail))
        let matches = try await shell.withScanProgress { try await shell.connection.matcher.match(emails, title: meeting.title) }
        var result = try CommandResult(MatchReport(matches), renderedBy: MatchRenderer())
        result.status = matches.contains(where: \.isPartial) ? .partial : .ok
        return result
    }
}
