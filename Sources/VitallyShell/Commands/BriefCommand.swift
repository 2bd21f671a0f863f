import Foundation
import VitallyKit

/// `brief`: matches the attendees, gathers every matched account's data at once, composes and renders.
struct BriefCommand: ShellCommand {
    static let title = Option<String>("--title", help: "the meeting title")
    static let format = Option<OutputFormat>("--format", renamedValues: RenamedSpellings.formatJSON, help: "output format (JSON: --json)")
    static let spec = CommandSpec(
        "brief", group: .diagnose, rank: 2, summary: "the meeting brief for the attendees' accounts",
        synopsis: "EMAIL...", argument: .emails, arguments: 0...InputLimits.attendeesCeiling,
        flags: [
            title,
            Common.ics,
            format,
            Common.maxAttendees,
        ],
        example: "brief pat.lee@acme.com --title \"Acme QBR\"")

    /// What `--format` asks for.
    enum OutputFormat: String, FlagChoice {
        case text, markdown
    }

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let meeting = try shell.meetingInput(command, title: Self.title)
        let (emails, title, start) = (meeting.emails, meeting.title, meeting.start)
        try InputLimits(command.options).check(attendees: emails.count, from: meeting.source)
        guard !emails.isEmpty else {
            return .failure(meeting.noAttendees("brief", usage: spec.usage), status: .usage)
        }
        shell.completion.note(emails: emails)
        var matcher = shell.connection.matcher
        matcher.fetchesAccounts = false  // the gather fetches them; start it one round trip sooner
        let limiter = shell.connection.limiter
        let before = await limiter.requestCount
        let found = try await shell.withScanProgress { try await matcher.match(emails, title: title) }
        var ids: [String] = []
        for match in found { for account in match.accounts where !ids.contains(account.id) { ids.append(account.id) } }
        let matched = await limiter.requestCount
        var (bundles, unread) = try await BriefGatherer(client: shell.connection.client).gatherEach(accountIds: ids)
        let read = await limiter.requestCount
        shell.lastBrief = BriefCost(matching: matched - before, reading: read - matched, attendees: emails.count, accounts: ids.count)
        for index in bundles.indices { await shell.addHistory(to: &bundles[index]) }
        let matches = found.map { $0.updated(with: bundles) }
        for bundle in bundles { shell.completion.noteAccount(bundle.account) }
        let brief = BriefComposer(now: shell.now, historyHint: HistoryWording.howToGet).compose(title: title, meetingStart: start, matches: matches, bundles: bundles)
        let report = BriefReport(brief, unread: unread)
        let markdown = command.options[Self.format] == .markdown
        // Partial: an attendee's lookup, or one of an account's lists, failed; the rest is shown.
        let listFailed = bundles.contains { bundle in
            (bundle.organizationOutcome.map { if case .failed = $0 { return true } else { return false } } ?? false)
                || bundle.reports.contains { if case .failed = $0.outcome { return true } else { return false } }
        }
        let partial = found.contains(where: \.isPartial) || listFailed || !unread.isEmpty
        var result = try CommandResult(report, renderedBy: BriefReportRenderer(markdown: markdown))
        result.status = partial ? .partial : .ok
        shell.lastBriefMarkdown = markdown ? result.output.verbatim : BriefReportRenderer(markdown: true).verbatim(report)
        return result
    }
}
