import Foundation
import VitallyKit

/// Wording shared by every command: dates relative to the session's "now", money, scores.
public enum Format {
    /// `2026-11-19 (8 days ago)`, `2027-01-11 (in 45 days)`, `2026-11-27 (today)`.
    public static func day(_ date: Date?, now: Date) -> String {
        guard let date else { return "—" }
        return VitallyDate.formatDay(date) + " (" + relative(date, now: now) + ")"
    }

    public static func relative(_ date: Date, now: Date) -> String {
        let days = Int((VitallyDate.startOfDay(date).timeIntervalSince(VitallyDate.startOfDay(now)) / 86400).rounded())
        switch days {
        case 0: return "today"
        case -1: return "yesterday"
        case 1: return "tomorrow"
        case ..<0: return "\(-days) days ago"
        default: return "in \(days) days"
        }
    }

    /// Whole days from `now` to `date` (negative in the past).
    public static func daysUntil(_ date: Date, now: Date) -> Int {
        Int((VitallyDate.startOfDay(date).timeIntervalSince(VitallyDate.startOfDay(now)) / 86400).rounded())
    }

    public static func money(_ value: Double?) -> String {
        value.map(BriefComposer.money) ?? "—"
    }

    public static func score(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// good (7+), fair (4-7), poor (<4) for a 0-10 health score.
    public static func healthLevel(_ score: Double?) -> (String, Style) {
        guard let score else { return ("no score", .dim) }
        if score >= 7 { return ("good", .good) }
        if score >= 4 { return ("fair", .warn) }
        return ("poor", .bad)
    }

    /// Plain text from Vitally's HTML note bodies.
    public static func plainText(_ html: String?) -> String {
        guard var s = html else { return "" }
        for tag in ["<br>", "<br/>", "<br />", "</p>", "</li>"] { s = s.replacingOccurrences(of: tag, with: " ") }
        var out = ""
        var inTag = false
        for ch in s {
            if ch == "<" { inTag = true; continue }
            if ch == ">" { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        for (entity, char) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " ")] {
            out = out.replacingOccurrences(of: entity, with: char)
        }
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// `1 promoter`, `2 promoters`.
    public static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    public static func bytes(_ count: Int) -> String {
        if count < 1024 { return "\(count) B" }
        if count < 1024 * 1024 { return String(format: "%.1f KB", Double(count) / 1024) }
        return String(format: "%.1f MB", Double(count) / 1024 / 1024)
    }
}
