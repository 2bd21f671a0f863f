import Foundation
import VitallyKit

/// The history parts of `health`: trend fields, per-category change, and `--history`.
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
            let style: Style = trend.direction == .improving ? .good : trend.direction == .declining ? .bad : .plain
            fields.append(Field("History", HistoryWording.healthLine(trend), style))
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

    /// `health ACCOUNT --history`: every observation, oldest first.
    static func list(_ account: Account, _ history: (observations: [Observation]?, why: String)) -> CommandResult {
        guard let observations = history.observations else {
            return CommandResult(output: ShellOutput(
                blocks: [.text("No history for \(account.name): \(history.why).", .dim)],
                json: ["account": .string(account.id), "observations": .null, "why": .string(history.why)]))
        }
        let rows = observations.map { o in
            [Span(VitallyDate.formatDay(o.observedAt)), Span(Format.score(o.healthScore), Format.healthLevel(o.healthScore).1),
             Span(Format.money(o.mrr)), Span(o.usersCount.map(String.init) ?? "—"), Span(o.activeUsers30d.map(String.init) ?? "—"),
             Span(o.npsScore.map { Format.score($0) } ?? "—"), Span(o.lastSeenAt.map(VitallyDate.formatDay) ?? "—"),
             Span(o.churned ? "churned" : "active", o.churned ? .bad : .plain)]
        }
        let blocks: [OutputBlock] = [
            .line([Span(account.name, .bold), Span(" (\(account.externalId ?? account.id))  ", .dim),
                   Span(Format.count(observations.count, "observation"))]),
            .table(Table(columns: ["DAY", "HEALTH", "MRR", "USERS", "ACTIVE 30D", "NPS", "LAST SEEN", "STATUS"], rows: rows)),
        ]
        return CommandResult(output: ShellOutput(blocks: blocks, json: [
            "account": ["id": .string(account.id), "externalId": JSONValue(account.externalId), "name": .string(account.name)],
            "observations": .array(observations.map(HistoryWording.json)),
        ]))
    }
}
