import VitallyKit

/// `doctor`: runs every check behind "no Vitally data in briefs" and "connection failed".
struct DoctorCommand: ShellCommand {
    static let title = Option<String>("--title", help: "the meeting title")
    static let spec = CommandSpec(
        "doctor", group: .diagnose, rank: 3, summary: "check everything behind \"no Vitally data in briefs\"",
        synopsis: "[EMAIL...]", argument: .emails, arguments: 0...InputLimits.attendeesCeiling,
        flags: [
            title,
            Common.ics,
            Common.maxAttendees,
        ],
        example: "doctor jane@acme.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let meeting = try shell.meetingInput(command, title: Self.title)
        try InputLimits(command.options).check(attendees: meeting.emails.count, from: meeting.source)
        shell.completion.note(emails: meeting.emails.filter(Domain.isEmail))
        var endpoint = shell.connection.endpoint
        if endpoint == nil, let recorded = shell.connection.replay?.recording.info?.baseURL {
            endpoint = try? VitallyEndpoint.custom(recorded, subdomain: shell.connection.replay?.recording.info?.subdomain)
        }
        let context = DoctorContext(
            credentials: shell.connection.credentials, endpoint: endpoint,
            replayFile: shell.connection.mode == .replay && !shell.connection.recordMissing ? shell.connection.recordingURL?.lastPathComponent : nil,
            client: shell.connection.client, limiter: shell.connection.limiter, matcher: shell.connection.matcher,
            configurationProblem: shell.connection.mode == .offline ? shell.configurationProblem : nil)
        let report = try await shell.withScanProgress { await Doctor(context: context).run(emails: meeting.emails, title: meeting.title) }
        let age = TokenAge(savedAt: shell.connection.credentials?.tokenSavedAt, now: shell.environment.clock())
        let ageLine = age.map { age in
            let reminder = TokenWording.reminder(age, profile: shell.connection.credentials?.profile)
            return DoctorResult.TokenAgeLine(
                days: age.days, rotate: reminder != nil,
                text: reminder ?? "saved \(TokenWording.age(age)) ago (rotate at \(TokenAge.rotationDays))")
        }
        // The verdict already says what failed; the exit status carries it for scripts.
        var result = try CommandResult(DoctorResult(report, tokenAge: ageLine), renderedBy: DoctorRenderer())
        result.status = report.succeeded ? .ok : .failure
        return result
    }
}
