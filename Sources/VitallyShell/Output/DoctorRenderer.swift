import VitallyKit

/// What `doctor` prints, as one value: each check's data from the core (`outcome`) with its
/// words (title, detail, fix, sub-lines) beside it, the verdict, and the connection's numbers.
/// `--json` is this value encoded and `DoctorRenderer` draws the text from it, so they cannot disagree.
struct DoctorResult: Encodable {
    struct Check: Encodable {
        var id: String
        var title: String
        var status: CheckStatus
        var detail: String
        var fix: String?
        var notes: [String]
        var inconclusive: Bool
        var outcome: DoctorOutcome
    }

    /// The token's age, when it was saved: days, and whether it is time to rotate it.
    struct TokenAgeLine: Encodable {
        var days: Int
        var rotate: Bool
        /// The line's words: the reminder, else how old the token is.
        var text: String
    }

    var ok: Bool
    var inconclusive: Bool
    var verdict: String
    var checks: [Check]
    var connection: ConnectionStats?
    var tokenAge: TokenAgeLine?

    /// The report worded: each check's words from DoctorWording and its fix from ErrorAdvice.
    init(_ report: DoctorReport, tokenAge: TokenAgeLine?) {
        ok = report.succeeded
        inconclusive = report.inconclusive
        verdict = ErrorAdvice.verdict(report)
        checks = report.checks.map { check in
            Check(id: check.id, title: DoctorWording.title(check), status: check.status, detail: DoctorWording.detail(check),
                  fix: ErrorAdvice.fix(for: check), notes: DoctorWording.notes(check), inconclusive: check.inconclusive,
                  outcome: check.outcome)
        }
        connection = report.connection
        self.tokenAge = tokenAge
    }

    enum CodingKeys: String, CodingKey { case ok, inconclusive, verdict, checks, connection, tokenAgeDays, rotateToken }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ok, forKey: .ok)
        try container.encode(inconclusive, forKey: .inconclusive)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(checks, forKey: .checks)
        try container.encode(connection, forKey: .connection)
        try container.encode(tokenAge?.days, forKey: .tokenAgeDays)
        try container.encode(tokenAge?.rotate, forKey: .rotateToken)
    }
}

/// The text of `doctor`, from a `DoctorResult`: a line per check with its sub-lines and fix,
/// the token's age, then the verdict.
struct DoctorRenderer: ResultRenderer {
    func blocks(_ result: DoctorResult) -> [OutputBlock] {
        var blocks: [OutputBlock] = []
        for check in result.checks {
            let style: Style = check.status == .pass ? .good : check.status == .warn ? .warn : check.status == .fail ? .bad : .dim
            blocks.append(.line([Span(check.status.rawValue, style), Span("  \(check.title): ", .bold), Span(check.detail)]))
            for note in check.notes { blocks.append(.text("        " + note, .dim)) }
            if let fix = check.fix { blocks.append(.line([Span("        fix: ", .dim), Span(fix)])) }
        }
        if let age = result.tokenAge {
            blocks.append(.line([Span(age.rotate ? "WARN" : "PASS", age.rotate ? .warn : .good), Span("  token age: ", .bold), Span(age.text)]))
        }
        blocks.append(.blank)
        blocks.append(.line([Span("Verdict: ", .bold), Span(result.verdict, result.ok ? .good : .bad)]))
        return blocks
    }
}
