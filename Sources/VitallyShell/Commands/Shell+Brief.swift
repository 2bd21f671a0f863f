import Foundation
import VitallyKit

extension Shell {
    /// Match the attendees, gather every matched account's data at once, compose, render.
    func brief(_ command: ParsedCommand) async throws -> CommandResult {
        var emails = command.arguments
        var title = command.flag("--title")
        var start: Date?
        if let ics = command.flag("--ics") {
            let url = ics.hasPrefix("/") ? URL(fileURLWithPath: ics) : environment.workingDirectory.appendingPathComponent(ics)
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                return .failure("cannot read the calendar invite \(url.path)", status: .usage)
            }
            let invite = try CalendarInvite.parse(text, now: now)
            emails += invite.attendees.filter { !emails.contains($0) }
            title = title ?? invite.summary
            start = invite.start
        }
        guard !emails.isEmpty else {
            return .failure("brief needs attendee emails or --ics FILE; usage: brief EMAIL... [--title T] [--ics FILE]", status: .usage)
        }
        completion.note(emails: emails)
        var matcher = connection.matcher
        matcher.fetchesAccounts = false  // the gather fetches them; start it one round trip sooner
        let found = try await withScanProgress { try await matcher.match(emails, title: title) }
        var ids: [String] = []
        for match in found { for account in match.accounts where !ids.contains(account.id) { ids.append(account.id) } }
        let bundles = try await BriefGatherer(client: connection.client).gather(accountIds: ids)
        let matches = found.map { $0.updated(with: bundles) }
        for bundle in bundles { completion.noteAccount(bundle.account) }
        let brief = BriefComposer(now: now).compose(title: title, meetingStart: start, matches: matches, bundles: bundles)
        let format = command.flag("--format") ?? "text"
        let verbatim = format == "markdown" ? BriefRenderer.markdown(brief) : BriefRenderer.text(brief)
        return CommandResult(output: ShellOutput(json: BriefRenderer.json(brief), verbatim: verbatim))
    }
}
