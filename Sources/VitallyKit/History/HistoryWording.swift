import Foundation

/// Words for trends and cohorts shared by the brief and the shell.
extension Wording {
    /// `5.9 → 7.4 over 30 days`
    package static func change(_ change: Trend.Change, format: (Double) -> String = { Wording.score($0) }) -> String {
        "\(format(change.from.value)) → \(format(change.to.value)) over \(change.days) day\(change.days == 1 ? "" : "s")"
    }

    /// `+1.2`, `-0.4`, `±0.0`
    package static func signed(_ value: Double) -> String {
        let text = String(format: "%.1f", abs(value))
        if Double(text) == 0 { return "±" + text }
        return (value > 0 ? "+" : "-") + text
    }

    /// `health 7.4: 62nd percentile of 48 Enterprise accounts; MRR 81st`
    package static func cohort(_ cohort: Cohort, healthScore: Double?) -> String {
        var parts: [String] = []
        if let health = cohort.healthPercentile, let healthScore {
            parts.append("health \(score(healthScore)): \(Cohort.ordinal(health)) percentile of \(cohort.size) \(cohort.name)")
        } else {
            parts.append("\(cohort.size) \(cohort.name) (not ranked: the account's own health score is empty)")
        }
        if let mrr = cohort.mrrPercentile { parts.append("MRR \(Cohort.ordinal(mrr))") }
        return parts.joined(separator: "; ")
    }
}
