import Foundation
import VitallyKit

/// The history parts of `health`: trend fields, per-category change, and `--observations`.
enum HealthHistory {
    /// A breakdown row's CHANGE cell, coloured by direction; "n/a" without history of it.
    static func changeSpan(_ change: HealthReport.PartChange?) -> Span {
        guard let change else { return Span("n/a", .dim) }
        let style: Style = change.direction == .improving ? .good : change.direction == .declining ? .bad : .plain
        return Span(Wording.signed(change.delta) + " (\(change.days)d)", style)
    }

    static func fields(_ trend: Trend?, why: String, cohort: Cohort?, cohortGap: String, healthScore: Double?) -> [Field] {
        var fields: [Field] = []
        if let trend {
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
