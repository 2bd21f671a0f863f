import Foundation
import VitallyKit

/// Renders a brief as plain text for the terminal or Markdown to paste into a doc (its JSON is `BriefReport` encoded).
package enum BriefRenderer {
    static func marker(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "!!"
        case .warning: return "! "
        case .info: return "· "
        case .positive: return "+ "
        }
    }

    static func heading(_ brief: Brief) -> String {
        var parts = ["Meeting brief"]
        if let title = brief.title, !title.isEmpty { parts.append(title) }
        if let start = brief.meetingStart { parts.append(VitallyDate.format(start).replacingOccurrences(of: ".000Z", with: "Z")) }
        parts.append("as of " + VitallyDate.formatDay(brief.generatedAt))
        return parts.joined(separator: " · ")
    }

    static func attendeeLine(_ match: AttendeeMatch) -> String {
        if match.isInternal { return "\(match.email): internal (your team)" }
        guard let rule = match.rule else { return "\(match.email): no account (\(whyNot(match)))" }
        let names = match.accounts.map { $0.name + ($0.churned ? " [churned]" : "") }.joined(separator: ", ")
        return "\(match.email) -> \(names) (\(rule.rawValue), \(match.confidenceLabel) confidence\(match.isAmbiguous ? ", ambiguous" : ""))"
    }

    /// The most telling reason a match failed, for one line.
    static func whyNot(_ match: AttendeeMatch) -> String {
        match.trace.filter { $0.outcome == .nothing || $0.outcome == .failed }.map(\.found).joined(separator: "; ").ifEmpty("no rule could run")
    }

    /// One line per lookup that failed for an attendee, naming the request (empty when none failed).
    static func lookupFailureLines(_ brief: Brief) -> [String] {
        brief.matches.flatMap { match in
            match.failures.map { failure in
                let rule = failure.rule.map { "rule \($0.number) (\($0.rawValue))" } ?? "the admin list"
                return "\(match.email): \(rule) could not be checked (\(ErrorAdvice.lookupReason(failure.error))): \(failure.request)"
            }
        }
    }

    /// The fix for a brief's failed lookups, or nil when none failed.
    static func lookupFix(_ brief: Brief) -> String? {
        let errors = brief.matches.flatMap(\.failures).map(\.error)
        return errors.isEmpty ? nil : ErrorAdvice.partialFix(errors)
    }

    package static func text(_ brief: Brief) -> String {
        var out = heading(brief) + "\n"
        out += String(repeating: "=", count: min(78, heading(brief).count)) + "\n"
        out += "Attendees\n"
        for match in brief.matches { out += "  " + attendeeLine(match) + "\n" }
        let failures = lookupFailureLines(brief)
        if !failures.isEmpty {
            out += "Data coverage (attendees)\n"
            for line in failures { out += "  \(marker(.warning)) \(line)\n" }
            if let fix = lookupFix(brief) { out += "  \(marker(.info)) \(fix)\n" }
        }
        if brief.emptyReason != nil { out += "\nNo Vitally account matched any attendee, so there is nothing to brief.\n" }
        for account in brief.accounts {
            let title = "\(account.name) (\(Format.reference(externalId: account.externalId, id: account.accountId)))" + (account.churned ? " [CHURNED]" : "")
            out += "\n" + title + "\n" + String(repeating: "-", count: min(78, title.count)) + "\n"
            for section in account.sections {
                out += section.title + "\n"
                for insight in section.insights { out += "  \(marker(insight.severity)) \(insight.text)\n" }
            }
        }
        return out
    }

    package static func markdown(_ brief: Brief) -> String {
        var out = "# " + heading(brief) + "\n\n## Attendees\n\n"
        for match in brief.matches { out += "- " + escape(attendeeLine(match)) + "\n" }
        let failures = lookupFailureLines(brief)
        if !failures.isEmpty {
            out += "\n### Data coverage (attendees)\n\n"
            for line in failures + [lookupFix(brief)].compactMap({ $0 }) { out += "- " + escape(line) + "\n" }
        }
        if brief.emptyReason != nil { out += "\n_No Vitally account matched any attendee._\n" }
        for account in brief.accounts {
            out += "\n## \(escape(account.name))" + (account.churned ? " (churned)" : "") + "\n"
            for section in account.sections {
                out += "\n### \(section.title)\n\n"
                for insight in section.insights {
                    let lead = insight.severity == .critical ? "**Critical:** " : insight.severity == .warning ? "**Watch:** " : ""
                    out += "- " + lead + escape(insight.text) + "\n"
                }
            }
        }
        return out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "*_`[]|".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
