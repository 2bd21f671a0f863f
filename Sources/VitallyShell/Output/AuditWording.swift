import Foundation
import VitallyKit

/// How `audit`'s report reads: the summary, one section per finding, and the CSV of what to fix.
package enum AuditWording {
    package static func title(_ kind: AuditFinding.Kind) -> String {
        switch kind {
        case .noDomain: return "no domain anywhere (contact association only)"
        case .sharedDomain: return "domains held by several customers (ambiguous)"
        case .churnedDomain: return "churned accounts' domains held by active ones"
        case .freeMailOnly: return "accounts whose users are all on free mail"
        case .internalDomain: return "customer domains that are your team's own"
        case .unmatchableName: return "names no calendar entry can match"
        case .noHealthScore: return "no health score (account or organization)"
        case .noMRR: return "no MRR (account or organization)"
        case .noOwner: return "no owner or CSM (account or organization)"
        case .unusedDomainField: return "domain-like fields matching does not read"
        }
    }

    static func way(_ way: AuditReach.Way) -> String {
        switch way {
        case .accountTrait: return "account domain trait"
        case .organizationTrait: return "organization domain trait"
        case .userDomain: return "users' company domain"
        case .contactOnly: return "contact only (no domain)"
        }
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    /// `1 domain`, `18 domains`, `1 account or organization`.
    static func counted(_ finding: AuditFinding) -> String {
        guard finding.count == 1 else { return "\(finding.count) \(finding.unit)" }
        let one = ["accounts and organizations": "account or organization", "domains": "domain", "accounts": "account", "fields": "field"]
        return "1 \(one[finding.unit] ?? finding.unit)"
    }

    /// One bar for reach and one per finding: active accounts fine vs to fix.
    static func bars(_ report: AuditReport) -> ReportBars {
        let reachable = report.reach.filter(\.matchable).map(\.accounts).reduce(0, +)
        var bars = [ReportBar("reachable from a domain", matched: reachable, unmatched: report.activeAccounts - reachable)]
        for finding in report.findings {
            bars.append(ReportBar(title(finding.kind), matched: report.activeAccounts - finding.accounts, unmatched: finding.accounts))
        }
        return ReportBars(title: "Active accounts, check by check", bars: bars, matchedName: "fine", unmatchedName: "to fix")
    }

    /// The self-contained page for `--html`: the summary, the bars, and one table per finding.
    static func page(_ report: AuditReport, failOn: FailOn?) -> ReportPage {
        var summary = [
            Field("Accounts", "\(report.accounts) (\(report.activeAccounts) active, \(report.churnedAccounts) churned)"),
            Field("Organizations", "\(report.organizations)\(report.organizationsCapped ? " (capped)" : "")"),
            Field("Users", report.usersRead.map { "\($0)\(report.usersCapped ? " (capped)" : "")" } ?? "not read"),
            Field("Accounts to fix", verdict(report, failOn: failOn).dropFirst().map(\.text).joined()),
        ]
        if !report.teamDomains.isEmpty { summary.append(Field("Your team's domains", report.teamDomains.joined(separator: ", "))) }
        var sections = [ReportPage.Section("Findings", findingsTable(report))]
        sections.append(ReportPage.Section("How attendees reach the active accounts", Table(
            columns: ["Way", "Active accounts"], rows: report.reach.map { [Span(way($0.way)), Span("\($0.accounts) (\(percent($0.share)))")] })))
        for finding in report.findings where finding.count > 0 {
            let rows = finding.examples.map { example in
                [Span(example.level.rawValue, .dim), Span(example.name), Span(example.externalId ?? "", .dim), Span(example.detail)]
            }
            sections.append(ReportPage.Section("\(title(finding.kind)): \(counted(finding)). Fix: \(finding.fix)",
                                               Table(columns: ["Level", "Name", "External id", "Detail"], rows: rows)))
        }
        return ReportPage(title: "Vitally matchability audit", subtitle: "What no attendee can match, and what to fix in Vitally",
                          summary: summary, charts: [bars(report)], sections: sections)
    }

    static func findingsTable(_ report: AuditReport) -> Table {
        Table(
            columns: ["Finding", "Count", "Active accounts"],
            rows: report.findings.map { finding in
                let style: Style = finding.count == 0 ? .dim : finding.share >= 0.1 ? .bad : .warn
                return [Span(title(finding.kind), finding.count == 0 ? .dim : .plain), Span(counted(finding), style),
                        Span(finding.accounts == 0 ? "-" : "\(finding.accounts) (\(percent(finding.share)))", style)]
            }, flexible: [0])
    }

    /// `Accounts to fix: 142 of 342 active (41.5%)  above --fail-on 5%`
    static func verdict(_ report: AuditReport, failOn: FailOn?) -> [Span] {
        let fixing = report.accountsToFix
        let share = report.activeAccounts == 0 ? 0 : Double(fixing) / Double(report.activeAccounts)
        var verdict = [Span("Accounts to fix: ", .bold), Span("\(fixing) of \(report.activeAccounts) active (\(percent(share)))")]
        if let failOn {
            let over = failOn.exceeded(by: report)
            verdict.append(Span(over ? "  above --fail-on \(failOn.text)" : "  within --fail-on \(failOn.text)", over ? .bad : .good))
        }
        return verdict
    }

    static func blocks(_ report: AuditReport, failOn: FailOn?) -> [OutputBlock] {
        var head = "Audit of \(report.accounts.formatted()) accounts (\(report.activeAccounts.formatted()) active, "
            + "\(report.churnedAccounts.formatted()) churned), \(Format.count(report.organizations, "organization"))"
        if report.organizationsCapped { head += " (the first \(report.organizations.formatted()) only)" }
        head += report.usersRead.map { ", \(Format.count($0, "user"))\(report.usersCapped ? " (capped)" : "")" } ?? ", users not read"
        var blocks: [OutputBlock] = [.text(head, .bold), .blank]
        blocks.append(.table(findingsTable(report)))
        for finding in report.findings where finding.count > 0 || finding.note != nil {
            blocks.append(.blank)
            blocks.append(.line([Span(title(finding.kind), .bold), Span("  \(counted(finding))", .dim)]))
            for example in finding.examples {
                let label = example.externalId.map { " (\($0))" } ?? ""
                let level = example.level == .organization ? "organization " : ""
                blocks.append(.line([Span("  - \(level)"), Span(example.name), Span(label, .dim), Span(": \(example.detail)")]))
            }
            if finding.count > finding.examples.count, finding.unit != "domains" || finding.count > Audit.exampleLimit {
                blocks.append(.text("  … and \(finding.count - finding.examples.count) more (--csv FILE lists them all)", .dim))
            }
            if finding.count > 0 { blocks.append(.line([Span("  fix: ", .dim), Span(finding.fix)])) }
            if let note = finding.note { blocks.append(.text("  note: \(note)", .warn)) }
        }
        blocks.append(.blank)
        blocks.append(.text("How attendees reach the \(report.activeAccounts.formatted()) active accounts", .bold))
        for reach in report.reach {
            let style: Style = reach.matchable ? .good : reach.accounts == 0 ? .dim : .bad
            blocks.append(.line([Span("  \(way(reach.way).padding(toLength: 28, withPad: " ", startingAt: 0))"),
                                 Span("\(reach.accounts) (\(percent(reach.share)))", style)]))
        }
        blocks.append(.blank)
        blocks.append(.bars(bars(report)))
        blocks.append(.blank)
        blocks.append(.line(verdict(report, failOn: failOn)))
        return blocks
    }

    /// The accounts and organizations to fix, one row per finding, RFC 4180 quoting; a cell a
    /// spreadsheet would run as a formula (`=`, `+`, `-`, `@`) starts with `'`.
    static func csv(_ report: AuditReport) -> String {
        var out = "finding,level,id,externalId,name,churned,detail,fix\r\n"
        for row in report.rows {
            let cells = [row.kind.rawValue, row.level.rawValue, row.id, row.externalId ?? "", row.name, row.churned ? "yes" : "no", row.detail, row.fix]
            out += cells.map(cell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    package static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The text of `audit`, from an `AuditReport`.
struct AuditRenderer: ResultRenderer {
    let failOn: FailOn?
    func blocks(_ report: AuditReport) -> [OutputBlock] { AuditWording.blocks(report, failOn: failOn) }
}

/// `--fail-on N` (more than N active accounts to fix) or `--fail-on N%` (more than N% of the active accounts).
struct FailOn: Sendable, Equatable {
    var text: String
    var count: Int?
    var percent: Double?

    init?(_ text: String) {
        self.text = text
        if text.hasSuffix("%") {
            guard let value = Double(text.dropLast()), value.isFinite, (0...100).contains(value) else { return nil }
            percent = value
        } else {
            guard let value = Int(text), value >= 0 else { return nil }
            count = value
        }
    }

    func exceeded(by report: AuditReport) -> Bool {
        let fixing = report.accountsToFix
        if let count { return fixing > count }
        guard let percent, report.activeAccounts > 0 else { return false }
        return Double(fixing) * 100 / Double(report.activeAccounts) > percent
    }
}
