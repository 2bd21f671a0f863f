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
        var blocks: [OutputBlock] = []
        for check in report.checks {
            let style: Style = check.status == .pass ? .good : check.status == .warn ? .warn : check.status == .fail ? .bad : .dim
            blocks.append(.line([Span(check.status.rawValue, style), Span("  \(check.title): ", .bold), Span(check.detail)]))
            for note in lines(check) { blocks.append(.text("        " + note, .dim)) }
            if let cause = check.cause, check.status != .pass {
                blocks.append(.line([Span("        fix: ", .dim), Span(ErrorAdvice.fix(for: cause))]))
            }
        }
        let age = TokenAge(savedAt: shell.connection.credentials?.tokenSavedAt, now: shell.environment.clock())
        if let age {
            let reminder = TokenWording.reminder(age, profile: shell.connection.credentials?.profile)
            blocks.append(.line([Span(reminder == nil ? "PASS" : "WARN", reminder == nil ? .good : .warn), Span("  token age: ", .bold),
                                 Span(reminder ?? "saved \(TokenWording.age(age)) ago (rotate at \(TokenAge.rotationDays))")]))
        }
        let verdict = ErrorAdvice.verdict(report)
        blocks.append(.blank)
        blocks.append(.line([Span("Verdict: ", .bold), Span(verdict, report.succeeded ? .good : .bad)]))
        // The verdict already says what failed; the exit status carries it for scripts.
        var json = json(report, verdict: verdict)
        if let age, case .object(var object) = json {
            object["tokenAgeDays"] = .number(Double(age.days))
            object["rotateToken"] = .bool(age.needsRotation)
            json = .object(object)
        }
        return CommandResult(output: ShellOutput(blocks: blocks, json: json), status: report.succeeded ? .ok : .failure)
    }

    /// A check's sub-lines: each matching rule, then what the matched accounts hold.
    static func lines(_ check: DoctorCheck) -> [String] {
        check.trace.map { "\($0.rule.number)) \($0.rule.rawValue)" + ($0.outcome == .failed ? "" : ": \($0.outcome.rawValue)") + ($0.tried == "-" ? "" : " — \($0.tried)") + ": \($0.found)" }
            + check.notes
    }

    static func json(_ report: DoctorReport, verdict: String) -> JSONValue {
        var json: JSONValue = [
            "ok": .bool(report.succeeded), "inconclusive": .bool(report.inconclusive), "verdict": .string(verdict),
            "checks": .array(report.checks.map { c in
                ["id": .string(c.id), "title": .string(c.title), "status": .string(c.status.rawValue), "detail": .string(c.detail),
                 "fix": JSONValue(c.cause.map(ErrorAdvice.fix)), "notes": .array(lines(c).map { .string($0) })]
            }),
        ]
        if let met = report.connection, case .object(var object) = json {
            object["connection"] = connectionJSON(met)
            json = .object(object)
        }
        return json
    }

    /// The numbers behind the connection check, for scripts.
    static func connectionJSON(_ met: ConnectionStats) -> JSONValue {
        [
            "requests": .number(Double(met.requests)), "medianSeconds": JSONValue(met.median), "worstSeconds": JSONValue(met.worst),
            "rateLimited": .number(Double(met.rateLimited)), "waitedSeconds": .number((met.waitedSeconds * 100).rounded() / 100),
            "retries": .array(met.retryCounts.map { ["cause": .string(Doctor.cause($0.cause)), "count": .number(Double($0.count))] }),
            "failedAfterRetries": .array(met.failures.map { .string($0) }),
            "rateLimitHeaders": met.lastRateLimit.map { headers in
                ["limit": JSONValue(headers.limit.map(Double.init)), "remaining": JSONValue(headers.remaining.map(Double.init)),
                 "resetSeconds": JSONValue(headers.resetSeconds)]
            } ?? .null,
            "cancelled": .number(Double(met.cancelled)),
        ]
    }
}
