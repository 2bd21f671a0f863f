import Foundation
import VitallyKit

extension SimulatorDataSet {
    /// Health points per day for the scenario accounts whose trend tests rely on: Acme Corp
    /// improves, Soylent and Hooli decline, Wayne holds. Other accounts drift by a small rate
    /// taken from their externalId, so a scan at three anchors sees every kind of trend.
    static let scenarioHealthRates: [String: Double] = [
        "acme-001": 0.04, "soylent": -0.03, "hooli": -0.02, "wayne": 0,
    ]
    /// MRR change per day, as a share: Acme grows, Soylent shrinks.
    static let scenarioMRRRates: [String: Double] = ["acme-001": 0.003, "soylent": -0.004]

    /// Moves each health category on its own slope and wobble, sets the overall score to their
    /// weighted mean, and moves MRR by `days` times the account's rate; the values at zero days are
    /// the scenario's own. Renewals need nothing here: they are calendar days already (`SimulatorRenewals`).
    /// Uses no random numbers, so ids and every other byte stay the same at any anchor.
    mutating func drift(days: Double) {
        guard days != 0 else { return }
        for (position, value) in accounts.enumerated() {
            guard var account = value.object, let id = account["id"]?.string else { continue }
            let key = account["externalId"]?.string ?? id
            let scenarioRate = Self.scenarioHealthRates[key]
            let rate = scenarioRate ?? Self.randomRate(key)
            if account["healthScore"]?.double != nil, let rows = healthScores[id] {
                let moved = rows.map { row -> JSONValue in
                    guard var object = row.object, let old = object["score"]?.double, object["weight"]?.double != nil,
                        let name = object["name"]?.string
                    else { return row }
                    let move = SimulatedHealth.categoryMove(key: key, name: name, rate: rate, days: days, wobbles: scenarioRate == nil)
                    object["score"] = .number(SimulatedHealth.clamp(old + move))
                    return .object(object)
                }
                let weighted = moved.compactMap { row in row["score"]?.double.flatMap { s in row["weight"]?.double.map { (s, $0) } } }
                if let overall = SimulatedHealth.overall(weighted) {
                    account["healthScore"] = .number(overall)
                    healthScores[id] = moved.map { row in
                        guard var object = row.object, object["weight"]?.double == nil else { return row }
                        object["score"] = .number(overall)
                        return .object(object)
                    }
                }
            }
            if let mrr = account["mrr"]?.double, let share = Self.scenarioMRRRates[key] {
                account["mrr"] = .number(max(0, (mrr * (1 + share * days)).rounded()))
            }
            accounts[position] = .object(account)
        }
    }

    /// -0.02 ... +0.02 a day, fixed per key (FNV-1a), so every anchor agrees.
    static func randomRate(_ key: String) -> Double {
        Double(Int(SimulatedHealth.hash(key) % 41) - 20) / 1000
    }
}
