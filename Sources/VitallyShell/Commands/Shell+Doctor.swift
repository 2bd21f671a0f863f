import VitallyKit

extension Shell {
    /// Runs every check behind "no Vitally data in briefs" and "connection failed".
    func doctor(_ command: ParsedCommand) async throws -> CommandResult {
        completion.note(emails: command.arguments.filter(Domain.isEmail))
        var endpoint = connection.endpoint
        if endpoint == nil, let recorded = connection.replay?.recording.info?.baseURL {
            endpoint = try? VitallyEndpoint.custom(recorded, subdomain: connection.replay?.recording.info?.subdomain)
        }
        let context = DoctorContext(
            credentials: connection.credentials, endpoint: endpoint,
            replayFile: connection.mode == .replay && !connection.recordMissing ? connection.recordingURL?.lastPathComponent : nil,
            client: connection.client, limiter: connection.limiter, matcher: connection.matcher,
            configurationProblem: connection.mode == .offline ? configurationProblem : nil)
        let report = try await withScanProgress { await Doctor(context: context).run(emails: command.arguments, title: command.flag("--title")) }
        var blocks: [OutputBlock] = []
        for check in report.checks {
            let style: Style = check.status == .pass ? .good : check.status == .warn ? .warn : check.status == .fail ? .bad : .dim
            blocks.append(.line([Span(check.status.rawValue, style), Span("  \(check.title): ", .bold), Span(check.detail)]))
            for note in check.notes { blocks.append(.text("        " + note, .dim)) }
            if let fix = check.fix, check.status != .pass { blocks.append(.line([Span("        fix: ", .dim), Span(fix)])) }
        }
        blocks.append(.blank)
        blocks.append(.line([Span("Verdict: ", .bold), Span(report.verdict, report.failed ? .bad : .good)]))
        // The verdict already says what failed; the exit status carries it for scripts.
        return CommandResult(output: ShellOutput(blocks: blocks, json: report.json), status: report.failed ? .failure : .ok)
    }
}
