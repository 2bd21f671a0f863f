import Foundation
import VitallyKit

/// `match EMAIL...`: which account each attendee maps to, by which rule, or exactly why none.
struct MatchCommand: ShellCommand {
    static let spec = CommandSpec(
        "match", group: .diagnose, rank: 1, summary: "which account each attendee maps to, by which rule, or why none",
        usage: "match EMAIL... [--title TEXT] [--ics FILE]",
        flags: [FlagSpec("--title", value: true, "the meeting title, for company-name matching"), .ics, .maxAttendees, .json],
        argument: .emails, arguments: 0...InputLimits.attendeesCeiling, example: "match pat.lee@acme.com jane.doe@gmail.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let meeting = try shell.meetingInput(command)
        let emails = meeting.emails
        try InputLimits(maxAttendeesFlag: command.flag("--max-attendees")).check(attendees: emails.count, from: meeting.source)
        guard !emails.isEmpty else {
            return .failure("match needs attendee emails or --ics FILE; usage: \(spec.usage)", status: .usage)
        }
        shell.completion.note(emails: emails.filter(Domain.isEmail))
        let matches = try await shell.withScanProgress { try await shell.connection.matcher.match(emails, title: meeting.title) }
        var blocks: [OutputBlock] = []
        for match in matches {
            blocks += matchBlocks(match, fullTrace: !match.isMatched || match.isAmbiguous)
        }
        let partial = matches.filter(\.isPartial)
        if !partial.isEmpty {
            let fix = ErrorAdvice.partialFix(partial.flatMap(\.failures).map(\.error))
            blocks.append(.line([
                Span("Partial: ", .warn),
                Span("\(partial.count) of \(matches.count) attendees could not be fully checked (marked 'could not check'); \(fix)"),
            ]))
        }
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(matches.map(BriefRenderer.matchJSON))),
                             status: partial.isEmpty ? .ok : .partial)
    }

    static func matchBlocks(_ match: AttendeeMatch, fullTrace: Bool) -> [OutputBlock] {
        var head: [Span] = [Span(match.email, .bold)]
        if match.isFreeMail { head.append(Span(" (free mail)", .dim)) }
        if match.isInternal {
            head.append(Span("  internal: your own team, not a customer (\(match.team.reason))", .warn))
            return [.line(head)]
        }
        if let rule = match.rule {
            head.append(Span("  ->  "))
            for (index, account) in match.accounts.enumerated() {
                if index > 0 { head.append(Span(", ")) }
                head.append(Span(account.name, .good))
                head.append(Span(" (\(account.externalId ?? account.id))", .dim))
                if account.churned { head.append(Span(" CHURNED", .bad)) }
            }
            head.append(Span("  by \(rule.number)) \(rule.rawValue), \(match.confidenceLabel) confidence"))
            if match.isAmbiguous { head.append(Span("  AMBIGUOUS", .warn)) }
        } else {
            head.append(Span("  ->  no account", .bad))
        }
        var blocks: [OutputBlock] = [.line(head)]
        if case .customerDomain = match.team { blocks.append(.text("    not internal: \(match.team.reason)", .dim)) }
        let shown = fullTrace ? match.trace : match.trace.filter { $0.outcome == .matched || $0.outcome == .failed }
        for trace in shown {
            let style: Style = trace.outcome == .matched ? .good : trace.outcome == .skipped ? .dim : trace.outcome == .failed ? .warn : .plain
            blocks.append(.line([
                Span("    \(trace.rule.number)) \(trace.rule.rawValue): ", style),
                Span(trace.outcome == .skipped ? "skipped, " : trace.tried == "-" ? "" : "\(trace.tried): ", .dim),
                Span(trace.found, style),
            ]))
        }
        return blocks
    }
}
