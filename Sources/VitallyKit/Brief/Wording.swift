import Foundation

/// How dates, money and scores are worded everywhere, so the brief and the shell say them alike.
package enum Wording {
    /// Whole days from the day holding `now` to the day holding `date` (negative in the past).
    package static func days(from now: Date, to date: Date) -> Int {
        let days = (VitallyDate.startOfDay(date).timeIntervalSince(VitallyDate.startOfDay(now)) / 86400).rounded()
        return Int(checked: min(max(days, -1e9), 1e9)) ?? 0
    }

    /// `today`, `yesterday`, `tomorrow`, `12 days ago`, `in 45 days`.
    package static func relative(_ date: Date, now: Date) -> String {
        let count = days(from: now, to: date)
        switch count {
        case 0: return "today"
        case -1: return "yesterday"
        case 1: return "tomorrow"
        case ..<0: return "\(-count) days ago"
        default: return "in \(count) days"
        }
    }

    /// `1 meeting`, `14 meetings`.
    package static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// What a number too large for our formats, or not finite, is shown as.
    package static let outOfRange = "— (out of range)"

    /// `$4,200`: Vitally's MRR is a plain number; the currency is the tenant's. Amounts of
    /// 10^15 or more show in exponent form (`$1e+19`), infinite ones as `outOfRange`.
    package static func money(_ value: Double) -> String {
        guard value.isFinite else { return outOfRange }
        guard abs(value) < 1e15, let whole = Int(checked: value.rounded()) else { return "$\(value)" }
        var digits = String(abs(whole))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (whole < 0 ? "-$" : "$") + groups.joined(separator: ",")
    }

    /// `7.4`, `9`, or `—` when there is none; `1e+19` when huge, `outOfRange` when not finite.
    package static func score(_ value: Double?) -> String {
        guard let value else { return "—" }
        guard value.isFinite else { return outOfRange }
        guard abs(value) < 1e15 else { return "\(value)" }
        if value == value.rounded(), let whole = Int(checked: value) { return String(whole) }
        return String(format: "%.1f", value)
    }

    /// `40%` for a weight of 0.4; huge or infinite weights as `score` shows them.
    package static func percent(_ fraction: Double) -> String {
        score((fraction * 100).rounded()) + (fraction.isFinite && abs(fraction) < 1e13 ? "%" : "")
    }

    /// good, fair, poor or "not a 0-10 score" (`HealthLevel` holds the thresholds).
    package static func healthLevel(_ score: Double) -> String { HealthLevel(score: score).rawValue }
}

extension String {
    package func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
