import Foundation

/// What `health ACCOUNT --observations` reports, as one value: the account and every stored
/// observation of it, oldest first, or why there are none. `--json` is this value encoded.
package struct AccountObservations: Sendable, Encodable {
    package var account: HealthReport.AccountName
    /// Oldest first; nil when there is no history to read.
    package var observations: [Observation]?
    /// Why there is no history (no store, a replay); nil when `observations` were read.
    package var why: String?

    package init(account: Account, observations: [Observation]?, why: String) {
        self.account = HealthReport.AccountName(id: account.id, externalId: account.externalId, name: account.name)
        self.observations = observations
        self.why = observations == nil ? why : nil
    }

    package func encode(to encoder: any Encoder) throws {
        try encoder.object([("account", account), ("observations", observations?.map(Row.init)), ("why", why)])
    }

    /// One observation: what was seen and when (the account's id and name are the report's).
    private struct Row: Encodable {
        let observation: Observation
        func encode(to encoder: any Encoder) throws {
            let o = observation
            try encoder.object([
                ("observedAt", o.observedAt), ("healthScore", o.healthScore), ("breakdown", o.breakdown.map(Scores.init)),
                ("mrr", o.mrr), ("usersCount", o.usersCount), ("activeUsers30d", o.activeUsers30d), ("lastSeenAt", o.lastSeenAt),
                ("npsScore", o.npsScore), ("churned", o.churned),
            ])
        }
    }

    /// Category scores by name, in name order.
    private struct Scores: Encodable {
        let scores: [String: Double]
        func encode(to encoder: any Encoder) throws {
            try encoder.object(scores.sorted { $0.key < $1.key }.map { ($0.key, $0.value as any Encodable) })
        }
    }
}
