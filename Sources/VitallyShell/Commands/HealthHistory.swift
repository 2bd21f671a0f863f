import Foundation
import VitallyKit

/// The history parts of `health`: trend fields, per-category change, and `--observations`.
enum HealthHistory {
    /// The trends one account's observations show.
    struct Trends {
        var health: Trend?
        var categories: [String: Trend] = [:]

        init(_ observations: [Observation]) {
            health = Trend(observations) { $0.healthScore }
            let names = Set(observations.flatMap { $0.breakdown?.keys.map { $0 } ?? [] })
            for name in names {
                categories[name] = Trend(observations) { $0.breakdown?[name] }
            }
        }

        /// The category's headline change, coloured by direction.
        func changeSpan(_ name: String) -> Span {
            guard let trend = name.lowercased() == "overall" ? health : categories[name] else { return Span("n/a", .dim) }
            let style: Style = trend.direction == .improving ? .good : trend.direction == .declining ? .bad : .plain
            return Span(Wording.signed(trend.headline.delta) + " (\(trend.headline.days)d)", style)
        }
    }

    static func fields(_ trends: Trends, why: String, cohort: Cohort?, cohortGap: String, healthScore: Double?) -> [Field] {
        var fields: [Field] = []
        if let trend = trends.health {
            fields.append(Field("History", HistoryWording.healthLine(trend), HistoryWording.style(trend)))
            fields.append(Field("", HistoryWording.span(trend) + "; " + HistoryWording.windows(trend), .dim))
        } else if why.isEmpty {
            fields.append(Field("History", "none before today: " + HistoryWording.howToGet, .dim))
        } else {
            fields.append(Field("History", "none: \(why)", .dim))
        }
        if let cohort {
            fields.append(Field("Cohort", Wording.cohort(cohort, healthScore: healthScore)))
        } else {
            fields.append(Field("Cohort", "none: \(cohortGap)", .dim))
        }
        return fields
    }

    /// `health ACCOUNT --observations`: every observation, oldest first.
    static func list(_ account: Account, _ history: (observations: [Observation]?, why: String)) throws -> CommandResult {
        try CommandResult(AccountObservations(account: account, observations: history.observations, why: history.why),
                          renderedBy: ObservationsRenderer())
    }
}
