import Foundation
import VitallyKit

/// How `recordings diff` reads, from a `RecordingDiffReport`: the named business changes, then
/// every other field a replay would serve differently, grouped and largest first, then requests
/// answered differently. Printed as is (`verbatim`), line by line.
struct RecordingDiffRenderer: ResultRenderer {
    func blocks(_ report: RecordingDiffReport) -> [OutputBlock] { [] }

    func verbatim(_ report: RecordingDiffReport) -> String? {
        RecordingTools.diffText(report.diff, report.first, report.second)
    }
}

extension RecordingTools {
    /// The lines a list of the text shows (requests only in one file, status changes, ...): a file
    /// scrubbed with a new tenant name differs in every request, and 20,000 lines are not a report.
    static let diffListLimit = 20

    static func name(_ ref: RecordingDiff.AccountRef) -> String { printable(ref.name) }

    static func diffText(_ diff: RecordingDiff, _ first: String, _ second: String) -> String {
        var lines: [String] = []
        /// A list's title with its count, its first lines (made only for those), and how many more.
        func section<Item>(_ title: String, _ items: [Item], _ line: (Item) -> String) {
            guard !items.isEmpty else { return }
            lines.append("\(title) (\(items.count)):")
            lines += items.prefix(diffListLimit).map { "  " + line($0) }
            if items.count > diffListLimit { lines.append("  … and \(items.count - diffListLimit) more (--json lists them all)") }
        }
        if let account = diff.account { lines.append("Only what concerns \(name(account)) (\(printable(account.id))).") }
        section("Accounts added", diff.accountsAdded, name)
        section("Accounts removed", diff.accountsRemoved, name)
        section("Accounts churned", diff.accountsChurned, name)
        if !diff.fieldGroups.isEmpty {
            lines.append("Account changes (\(diff.fieldChanges.count)):")
            lines += diff.fieldGroups.flatMap { groupLines($0, named: true) }
        }
        section("Users whose account links changed", diff.linkChanges) { change in
            var parts: [String] = []
            if !change.removed.isEmpty { parts.append("no longer " + change.removed.map(name).joined(separator: ", ")) }
            if !change.added.isEmpty { parts.append("now " + change.added.map(name).joined(separator: ", ")) }
            return printable(change.user) + ": " + parts.joined(separator: "; ")
        }
        section("Domain traits", diff.traitChanges) { "\(name($0.account)): \($0.added ? "+" : "-") \(printable($0.trait))" }
        section("Notes and tasks added", diff.newActivities) {
            "\($0.kind) \(printable($0.title.isEmpty ? $0.id : $0.title))" + ($0.account.map { " (\(name($0)))" } ?? "")
        }
        if !diff.responseGroups.isEmpty {
            lines.append("Other changes, largest first (\(diff.responseGroups.count)):")
            lines += diff.responseGroups.flatMap { groupLines($0, named: false) }
        }
        section("Status changes", diff.statusChanges) { "\(printable($0.request)): \(status($0.before)) → \(status($0.after))" }
        section("Answers served in another order or number", diff.sequenceChanges) { change in
            switch change.kind {
            case .reordered(let count): return "\(printable(change.request)): the same \(count) answers, in another order"
            case .count(let before, let after): return "\(printable(change.request)): \(before) answers → \(after)"
            }
        }
        section("Requests only in \(first)", diff.onlyInFirst) { printable($0) }
        section("Requests only in \(second)", diff.onlyInSecond) { printable($0) }
        if diff.isEmpty { lines.append("No differences between \(first) and \(second).") }
        if !diff.comparedAccountLists {
            lines.append("(Accounts added or removed are not compared: one of the files lacks the full account list.)")
        }
        return lines.joined(separator: "\n")
    }

    /// One group: a line saying how many and what, then its examples. A named group of a few
    /// plain changes is one line per account (`Acme Corp health 7.4 → 5.1`).
    static func groupLines(_ group: RecordingDiff.ChangeGroup, named: Bool) -> [String] {
        let field = group.field
        if named, group.count <= group.examples.count, group.kind == .changed || group.count == 1 {
            return group.examples.map { "  \(printable($0.item)) \(field) \(shown($0.before, field)) → \(shown($0.after, field))" }
        }
        let noun = self.noun(group, plural: group.count != 1)
        let headline: String
        switch group.kind {
        case .moved(let days): headline = "\(group.count) \(noun) moved \(days > 0 ? "+" : "")\(days) day\(abs(days) == 1 ? "" : "s")"
        case .shifted(let by):
            let amount = isMoney(field) ? Format.money(abs(by)) : number(abs(by))
            headline = "\(group.count) \(noun) went \(by > 0 ? "up" : "down") by \(amount)"
        case .changed: headline = "\(group.count) \(noun) changed"
        case .added: headline = "\(group.count) \(noun) added"
        case .removed: headline = "\(group.count) \(noun) removed"
        }
        let examples = group.examples.map { example -> String in
            switch group.kind {
            case .added, .removed: return "    " + printable(example.item)
            default: return "    \(printable(example.item)): \(shown(example.before, field)) → \(shown(example.after, field))"
            }
        }
        let more = group.count > group.examples.count ? ["    … and \(group.count - group.examples.count) more"] : []
        return ["  " + headline] + examples + more
    }

    /// "account renewal dates", "user name", "notes" (whole items), "users: traits.title" (any other field).
    static func noun(_ group: RecordingDiff.ChangeGroup, plural: Bool) -> String {
        let one = group.resource.hasSuffix("s") ? String(group.resource.dropLast()) : group.resource
        if group.field.isEmpty { return printable(plural ? group.resource : one) }
        let labels = ["nextRenewalDate": "renewal date", "renewal": "renewal date", "healthScore": "health score",
                      "health": "health score", "mrr": "MRR value", "MRR": "MRR value", "name": "name", "email": "email",
                      "status": "status"]
        guard var label = labels[group.field] else { return printable((plural ? group.resource : one) + ": " + group.field) }
        if plural { label += label.hasSuffix("s") ? "es" : "s" }
        return printable(one + " " + label)
    }

    static func isMoney(_ field: String) -> Bool {
        ["mrr", "MRR", "arr", "amount"].contains(field) || field.hasSuffix("Mrr") || field.hasSuffix(".mrr")
    }

    /// A value as the rest of the shell shows it: money as `$4,200`, dates as days, text quoted and cut.
    static func shown(_ value: JSONValue?, _ field: String) -> String {
        guard let value, !value.isNull else { return "none" }
        if let amount = value.double, isMoney(field) { return Format.money(amount) }
        if let amount = value.double { return number(amount) }
        if let text = value.string {
            if text.count >= 10, let date = VitallyDate.parse(text) {
                return date.timeIntervalSince1970.truncatingRemainder(dividingBy: 86400) == 0
                    ? VitallyDate.formatDay(date) : VitallyDate.format(date)
            }
            let cut = text.count > 60 ? String(text.prefix(57)) + "…" : text
            return "\"" + printable(cut) + "\""
        }
        let text = value.serialized()
        return printable(text.count > 60 ? String(text.prefix(57)) + "…" : text)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
