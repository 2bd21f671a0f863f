import VitallyKit

/// The text of `health ACCOUNT --observations`, from an `AccountObservations`: a row per observation.
struct ObservationsRenderer: ResultRenderer {
    func blocks(_ report: AccountObservations) -> [OutputBlock] {
        let account = report.account
        guard let observations = report.observations else {
            return [.text("No history for \(account.name): \(report.why ?? "none stored").", .dim)]
        }
        let rows = observations.map { o in
            [Span(VitallyDate.formatDay(o.observedAt)), Span(Format.score(o.healthScore), Format.healthLevel(o.healthScore).1),
             Span(Format.money(o.mrr)), Span(o.usersCount.map(String.init) ?? "—"), Span(o.activeUsers30d.map(String.init) ?? "—"),
             Span(o.npsScore.map { Format.score($0) } ?? "—"), Span(o.lastSeenAt.map(VitallyDate.formatDay) ?? "—"),
             Span(o.churned ? "churned" : "active", o.churned ? .bad : .plain)]
        }
        return [
            .line([Span(account.name, .bold), Span(" (\(Format.reference(externalId: account.externalId, id: account.id)))  ", .dim),
                   Span(Format.count(observations.count, "observation"))]),
            .table(Table(columns: ["DAY", "HEALTH", "MRR", "USERS", "ACTIVE 30D", "NPS", "LAST SEEN", "STATUS"], rows: rows)),
        ]
    }
}
