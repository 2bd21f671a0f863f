import Foundation

/// How dates, money and scores are worded everywhere, so the brief and the shell say them alike.
public enum Wording {
    /// Whole days from the day holding `now` to the day holding `date` (negative in the past).
    public static func days(from now: Date, to date: Date) -> Int {
        Int((VitallyDate.startOfDay(date).timeIntervalSince(VitallyDate.startOfDay(now)) / 86400).rounded())
    }

    /// `today`, `yesterday`, `tomorrow`, `12 days ago`, `in 45 days`.
    public static func relative(_ date: Date, now: Date) -> String {
        let count = days(from: now, to: date)
        switch count {
        case 0: return "today"
        case -1: return "yesterday"
        case 1: return "tomorrow"
        case ..<0: return "\(-count) days ago"
        default: return "in \(count) days"
        }
    }

    /// `$4,200`: Vitally's MRR is a plain number; the currency is the tenant's.
    public static func money(_ value: Double) -> String {
        let whole = Int(value.rounded())
        var digits = String(abs(whole))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (whole < 0 ? "-$" : "$") + groups.joined(separator: ",")
    }

    /// `7.4`, `9`, or `—` when there is none.
    public static func score(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// good (7+), fair (4 to 7), poor (under 4) for a 0-10 health score.
    public static func healthLevel(_ score: Double) -> String {
        score >= 7 ? "good" : score >= 4 ? "fair" : "poor"
    }
}

extension String {
    package func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
