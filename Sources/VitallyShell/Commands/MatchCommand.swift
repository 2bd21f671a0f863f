import Foundation
import VitallyKit

/// `match EMAIL...`: which account each attendee maps to, by which rule, or exactly why none.
struct MatchCommand: ShellCommand {
    static let title = Option<String>("--title", help: "the meeting title, for company-name matching")
    static let spec = CommandSpec(
        "match", group: .diagnose, rank: 1, summary: "which account each attendee maps to, by which rule, or why none",
        synopsis: "EMAIL...", argument: .emails, arguments: 1...InputLimits.attendeesCeiling,
        flags: [
            title,
            Common.maxAttendees,
        ],
        example: "match pat.lee@acme.com jane.doe@gmail.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let emails = command.arguments
        try InputLimits(command.options).check(attendees: emails.count, from: "given")
        try InputLimits.check(title: command.options[Self.title], what: "--title")
        shell.completion.note(emails: emails.filter(Domain.isEmail))
        let matches = try await shell.withScanProgress { try await shell.connection.matcher.match(emails, title: command.options[Self.title]) }
        var result = try CommandResult(MatchReport(matches), renderedBy: MatchRenderer())
        result.status = matches.contains(where: \.isPartial) ? .partial : .ok
        return result
    }
}
