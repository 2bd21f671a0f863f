import Foundation

/// The brief's change lines: what moved since earlier observations, and where the account
/// ranks in its cohort.
extension BriefComposer {
    /// A health drop this large over the headline window is a risk signal (critical at twice it).
    static let healthDropRisk = 1.0
    /// An MRR drop of this share over the headline window is a risk signal.
    static let mrrDropRisk = 0.10

    /// Leads the Health section: the change, or one line saying there is no history and how to get one.
    func healthChange(_ bundle: AccountBundle) -> [Insight] {
        let hint = historyHint.map { "; " + $0 } ?? ""
        guard let history = bundle.history else {
            let why = bundle.historyGap.map { " (\($0))" } ?? ""
            return [Insight(.info, "No health history\(why)" + hint, data: ["history": .null])]
        }
        guard let trend = Trend(history, value: { $0.healthScore }) else {
            return [Insight(.info, "No health history before today" + hint, data: ["history": .number(Double(history.count))])]
        }
        let headline = trend.headline
        let direction = trend.direction
        let severity: Severity = direction == .improving ? .positive : direction == .declining ? .warning : .info
        return [Insight(severity, "Health \(Wording.change(headline)) (\(direction.rawValue))", data: Self.json(headline, direction))]
    }

    func cohortInsights(_ bundle: AccountBundle) -> [Insight] {
        guard let cohort = bundle.cohort else {
            return bundle.cohortGap.map { [Insight(.info, "No cohort: \($0)", data: ["cohort": .null])] } ?? []
        }
        let text = Wording.cohort(cohort, healthScore: bundle.account.healthScore)
        return [Insight(.info, text.prefix(1).uppercased() + text.dropFirst(), data: [
            "cohort": .string(cohort.name), "size": .number(Double(cohort.size)),
            "healthPercentile": JSONValue(cohort.healthPercentile), "mrrPercentile": JSONValue(cohort.mrrPercentile),
        ])]
    }

    /// A health or MRR drop past its threshold.
    func historyRisks(_ bundle: AccountBundle) -> [Insight] {
        guard let history = bundle.history else { return [] }
        var insights: [Insight] = []
        if let trend = Trend(history, value: { $0.healthScore }), -trend.headline.delta >= Self.healthDropRisk {
            let drop = -trend.headline.delta
            insights.append(Insight(drop >= 2 * Self.healthDropRisk ? .critical : .warning,
                                    "Health fell \(Wording.score(drop)) points: \(Wording.change(trend.headline))",
                                    data: Self.json(trend.headline, .declining)))
        }
        if let trend = Trend(history, band: 0, value: { $0.mrr }), trend.headline.from.value > 0 {
            let share = -trend.headline.delta / trend.headline.from.value
            if share >= Self.mrrDropRisk {
                insights.append(Insight(.warning, "MRR fell \(Wording.percent(share)): \(Wording.change(trend.headline, format: Wording.money))",
                                        data: Self.json(trend.headline, .declining)))
            }
        }
        return insights
    }

    func activeUsersChange(_ bundle: AccountBundle) -> [Insight] {
        guard let history = bundle.history, let trend = Trend(history, band: 0, value: { $0.activeUsers30d.map(Double.init) }),
            trend.headline.days > 0
        else { return [] }
        let headline = trend.headline
        let text = "Active users \(Wording.change(headline, format: { Wording.score($0) }))"
        return [Insight(headline.delta < 0 ? .warning : .info, text, data: Self.json(headline, trend.direction))]
    }

    func mrrChange(_ bundle: AccountBundle) -> [Insight] {
        guard let history = bundle.history, let trend = Trend(history, band: 0, value: { $0.mrr }), trend.headline.days > 0 else { return [] }
        let headline = trend.headline
        return [Insight(.info, "MRR \(Wording.change(headline, format: Wording.money)) (\(trend.direction.rawValue))",
                        data: Self.json(headline, trend.direction))]
    }

    static func json(_ change: Trend.Change, _ direction: Trend.Direction) -> JSONValue {
        ["from": .number(change.from.value), "to": .number(change.to.value), "days": .number(Double(change.days)),
         "since": .string(VitallyDate.format(change.from.date)), "direction": .string(direction.rawValue)]
    }
}
