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

    /// Moves health scores (and their breakdown rows) and MRR by `days` times each account's
    /// rate; the values at zero days are the scenario's own. Uses no random numbers, so ids and
    /// every other byte stay the same at any anchor.
    mutating func drift(days: Double) {
        guard days != 0 else { return }
        for (position, value) in accounts.enumerated() {
            guard var account = value.object, let id = account["id"]?.string else { continue }
            let key = account["externalId"]?.string ?? id
            let rate = Self.scenarioHealthRates[key] ?? Self.randomRate(key)
            if let score = account["healthScore"]?.double {
                let moved = Self.clampScore(score + rate * days)
                account["healthScore"] = .number(moved)
                healthScores[id] = healthScores[id]?.map { row in
                    guard var object = row.object, let old = object["score"]?.double else { return row }
                    object["score"] = .number(Self.clampScore(old + (moved - score)))
                    return .object(object)
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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Double(Int(hash % 41) - 20) / 1000
    }

    static func clampScore(_ value: Double) -> Double { (min(max(value, 0), 10) * 10).rounded() / 10 }
}
