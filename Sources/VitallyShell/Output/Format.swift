import Foundation
import VitallyKit

/// Wording shared by every command: dates relative to the session's "now", money, scores.
package enum Format {
    /// `2026-11-19 (8 days ago)`, `2027-01-11 (in 45 days)`, `2026-11-27 (today)`.
    package static func day(_ date: Date?, now: Date) -> String {
        guard let date else { return "—" }
        return VitallyDate.formatDay(date) + " (" + relative(date, now: now) + ")"
    }

    static func relative(_ date: Date, now: Date) -> String { Wording.relative(date, now: now) }

    /// Whole days from `now` to `date` (negative in the past).
    static func daysUntil(_ date: Date, now: Date) -> Int { Wording.days(from: now, to: date) }

    package static func money(_ value: Double?) -> String { value.map(Wording.money) ?? "—" }

    package static func score(_ value: Double?) -> String { Wording.score(value) }

    /// The health level and the colour it is shown in.
    static func healthLevel(_ score: Double?) -> (String, Style) {
        guard let score else { return ("no score", .dim) }
        let level = HealthLevel(score: score)
        return (level.rawValue, level == .good ? .good : level == .fair ? .warn : .bad)
    }

    /// Plain text from Vitally's HTML note bodies.
    package static func plainText(_ html: String?) -> String {
        guard var s = html else { return "" }
        // Foundation's replace bridges to NSString: only texts that hold markup pay for it.
        for tag in ["<br>", "<br/>", "<br />", "</p>", "</li>"] where s.containsBytes(of: tag) {
            s = s.replacingOccurrences(of: tag, with: " ")
        }
        var out = ""
        var inTag = false
        for ch in s {
            if ch == "<" { inTag = true; continue }
            if ch == ">" { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        for (entity, char) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " ")]
        where out.containsBytes(of: entity) {
            out = out.replacingOccurrences(of: entity, with: char)
        }
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// `1 promoter`, `2 promoters`.
    package static func count(_ n: Int, _ noun: String) -> String { Wording.count(n, noun) }

    /// How a record is referred to beside its name: `ext acme-001` (its externalId, labelled, so
    /// it is not taken for an id), else `id 8a2f…` (its Vitally id). Both are accepted as ACCOUNT.
    package static func reference(externalId: String?, id: String) -> String {
        externalId.map { "ext " + $0 } ?? "id " + id
    }

    package static func bytes(_ count: Int) -> String {
        if count < 1024 { return "\(count) B" }
        if count < 1024 * 1024 { return String(format: "%.1f KB", Double(count) / 1024) }
        return String(format: "%.1f MB", Double(count) / 1024 / 1024)
    }
}
