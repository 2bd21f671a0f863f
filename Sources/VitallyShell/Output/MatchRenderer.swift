import Foundation
import VitallyKit

/// One attendee's match as `match` and the brief report it: `--json` is this value encoded, and
/// `MatchRenderer` draws the text from it. Besides the rule, accounts and trace, it holds what
/// the text says of the admin list (`team`) and the confidence in words.
struct MatchRow: Encodable {
    struct AccountRow: Encodable {
        var id: String
        var externalId: String?
        var name: String
        var churned: Bool
        var evidence: String
    }

    struct TraceRow: Encodable {
        var rule: String
        var outcome: String
        var tried: String
        var found: String
        var number: Int
    }

    struct Failure: Encodable {
        var rule: String?
        var request: String
        var reason: String
    }

    var email: String
    var domain: String?
    var freeMail: Bool
    var `internal`: Bool
    var matched: Bool
    var ambiguous: Bool
    var rule: String?
    var confidence: Double
    var accounts: [AccountRow]
    var trace: [TraceRow]
    var verdict: String
    var ruleNumber: Int?
    var confidenceLabel: String
    /// What the admin list says of the address: which admin made it internal, or why an admin's
    /// domain was not treated as internal; null when no admin's address or domain is involved.
    var team: String?
    /// True when an admin shares the domain but Vitally holds it as a customer's.
    var customerDomain: Bool
    var partial: Bool
    var failures: [Failure]

    init(_ match: AttendeeMatch) {
        email = match.email
        domain = match.domain
        freeMail = match.isFreeMail
        self.internal = match.isInternal
        matched = match.isMatched
        ambiguous = match.isAmbiguous
        rule = match.rule?.rawValue
        confidence = (match.confidence * 100).rounded() / 100
        accounts = match.accounts.map {
            AccountRow(id: $0.id, externalId: $0.externalId, name: $0.name, churned: $0.churned, evidence: $0.evidence)
        }
        trace = match.trace.map {
            TraceRow(rule: $0.rule.rawValue, outcome: $0.outcome.rawValue, tried: $0.tried, found: $0.found, number: $0.rule.number)
        }
        verdict = match.verdict
        ruleNumber = match.rule?.number
        confidenceLabel = match.confidenceLabel
        if case .notInternal = match.team { team = nil } else { team = match.team.reason }
        if case .customerDomain = match.team { customerDomain = true } else { customerDomain = false }
        partial = match.isPartial
        failures = match.failures.map { Failure(rule: $0.rule?.rawValue, request: $0.request, reason: ErrorAdvice.lookupReason($0.error)) }
    }

    /// The row encoded, with `partial` and `failures` only when it is partial (as scripts have
    /// read it: a complete answer carries neither).
    var json: JSONValue {
        guard var object = (try? JSONValueEncoder().encode(self))?.object else { return .null }
        if !partial { object["partial"] = nil; object["failures"] = nil }
        return .object(object)
    }

    /// The row as the brief reports it: with the confidence in words its attendee line shows
    /// ("contact association, high confidence"), without what only `match`'s text shows (rule
    /// numbers, the admin list's verdict).
    var briefJSON: JSONValue {
        guard var object = json.object else { return .null }
        for key in ["ruleNumber", "team", "customerDomain"] { object[key] = nil }
        object["trace"] = object["trace"]?.array.map { .array($0.map { row in
            guard var trace = row.object else { return row }
            trace["number"] = nil
            return .object(trace)
        }) }
        return .object(object)
    }
}

/// What `match` reports: one row per attendee (`--json` is the array of rows) and, when some
/// could not be fully checked, how to get what they lack.
struct MatchReport: Encodable {
    var rows: [MatchRow]
    var partialFix: String?

    init(_ matches: [AttendeeMatch]) {
        rows = matches.map(MatchRow.init)
        let failures = matches.flatMap(\.failures)
        partialFix = failures.isEmpty ? nil : ErrorAdvice.partialFix(failures.map(\.error))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for row in rows { try container.encode(row.json) }
    }
}

/// The text of `match`: each attendee's line, its trace (in full when it missed or is
/// ambiguous), and a closing line when some could not be fully checked.
struct MatchRenderer: ResultRenderer {
    func blocks(_ report: MatchReport) -> [OutputBlock] {
        var blocks = report.rows.flatMap { attendee($0, fullTrace: !$0.matched || $0.ambiguous) }
        let partial = report.rows.filter(\.partial)
        if !partial.isEmpty, let fix = report.partialFix {
            blocks.append(.line([
                Span("Partial: ", .warn),
                Span("\(partial.count) of \(report.rows.count) attendees could not be fully checked (marked 'could not check'); \(fix)"),
            ]))
        }
        return blocks
    }

    func attendee(_ match: MatchRow, fullTrace: Bool) -> [OutputBlock] {
        var head: [Span] = [Span(match.email, .bold)]
        if match.freeMail { head.append(Span(" (free mail)", .dim)) }
        if match.internal {
            head.append(Span("  internal: your own team, not a customer (\(match.team ?? ""))", .warn))
            return [.line(head)]
        }
        if let rule = match.rule, let number = match.ruleNumber {
            head.append(Span("  ->  "))
            for (index, account) in match.accounts.enumerated() {
                if index > 0 { head.append(Span(", ")) }
                head.append(Span(account.name, .good))
                head.append(Span(" (\(Format.reference(externalId: account.externalId, id: account.id)))", .dim))
                if account.churned { head.append(Span(" CHURNED", .bad)) }
            }
            head.append(Span("  by \(number)) \(rule), \(match.confidenceLabel) confidence"))
            if match.ambiguous { head.append(Span("  AMBIGUOUS", .warn)) }
        } else {
            head.append(Span("  ->  no account", .bad))
        }
        var blocks: [OutputBlock] = [.line(head)]
        if match.customerDomain, let team = match.team { blocks.append(.text("    not internal: \(team)", .dim)) }
        let matched = RuleTrace.Outcome.matched.rawValue, failed = RuleTrace.Outcome.failed.rawValue, skipped = RuleTrace.Outcome.skipped.rawValue
        let shown = fullTrace ? match.trace : match.trace.filter { $0.outcome == matched || $0.outcome == failed }
        for trace in shown {
            let style: Style = trace.outcome == matched ? .good : trace.outcome == skipped ? .dim : trace.outcome == failed ? .warn : .plain
            blocks.append(.line([
                Span("    \(trace.number)) \(trace.rule): ", style),
                Span(trace.outcome == skipped ? "skipped, " : trace.tried == "-" ? "" : "\(trace.tried): ", .dim),
                Span(trace.found, style),
            ]))
        }
        return blocks
    }
}
