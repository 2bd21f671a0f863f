import Foundation
import VitallyKit

/// How the simulator's health scores hang together: each account's overall score is the
/// weighted mean of its categories (as Vitally computes it), and each category drifts on its own
/// slope and wobble as the anchor moves from the score epoch. Everything here is a pure function
/// of the account's key, the category and the day, so every anchor agrees and no seeded draw moves.
enum SimulatedHealth {
    /// The breakdown's categories and their weights.
    static let categories: [(name: String, weight: Double)] = [
        ("Product usage", 0.4), ("Support", 0.2), ("Engagement", 0.25), ("NPS", 0.15),
    ]

    /// `value` clamped to 0...10 and rounded to a tenth, as the breakdown shows scores.
    static func clamp(_ value: Double) -> Double { (min(max(value, 0), 10) * 10).rounded() / 10 }

    /// The weighted mean of `scores`; nil when their weights add up to nothing.
    static func weightedMean(_ scores: [(score: Double, weight: Double)]) -> Double? {
        let total = scores.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        return scores.reduce(0) { $0 + $1.score * $1.weight } / total
    }

    /// Category scores near `overall` (each moved by its `jitters` entry), nudged by tenths until
    /// their weighted mean rounds to `overall`, so the scenario's headline scores hold at the epoch.
    static func categoryScores(overall: Double, jitters: [Double]) -> [Double] {
        let weights = categories.map(\.weight)
        let centre = zip(jitters, weights).reduce(0) { $0 + $1.0 * $1.1 } / weights.reduce(0, +)
        var scores = jitters.map { clamp(overall + $0 - centre) }
        for step in 0..<200 {
            let mean = weightedMean(Array(zip(scores, weights))) ?? overall
            let gap = overall - mean
            if abs(gap) <= 0.02 { break }
            // The category that can still move that way, taking turns so none runs far.
            let order = (0..<scores.count).map { ($0 + step) % scores.count }
            guard let index = order.first(where: { gap > 0 ? scores[$0] < 10 : scores[$0] > 0 }) else { break }
            scores[index] = clamp(scores[index] + (gap > 0 ? 0.1 : -0.1))
        }
        return scores
    }

    /// The overall score of a breakdown: its weighted mean, to a tenth.
    static func overall(_ scores: [(score: Double, weight: Double)]) -> Double? {
        weightedMean(scores).map(clamp)
    }

    /// How far category `name` of the account keyed `key` has moved after `days`, beyond the
    /// account's own `rate` a day: its own slope and a slow wobble, both weighted to cancel out
    /// across the categories (so the overall score keeps the account's rate), plus, when
    /// `wobbles` is set, a shared wobble that moves the overall score too.
    static func categoryMove(key: String, name: String, rate: Double, days: Double, wobbles: Bool) -> Double {
        let weights = categories.map(\.weight)
        let moves: [Double] = categories.map { ownMove(key: key, name: $0.name, days: days) }
        let centre = zip(moves, weights).reduce(0.0) { $0 + $1.0 * $1.1 } / weights.reduce(0, +)
        let index = categories.firstIndex { $0.name == name }
        let mine = index.map { moves[$0] - centre } ?? 0
        return rate * days + mine + (wobbles ? wobble(key: key, name: "", amplitude: 0.1...0.35, days: days) : 0)
    }

    /// A category's own slope (-0.03...+0.03 a day) times `days`, plus its wobble.
    private static func ownMove(key: String, name: String, days: Double) -> Double {
        var random = SeededRandom(seed: hash(key + "/" + name + "/slope"))
        let slope = (random.unit() * 2 - 1) * 0.03
        return slope * days + wobble(key: key, name: name, amplitude: 0.1...0.4, days: days)
    }

    /// A sine of 15 to 60 days' period with an amplitude in `amplitude`, zero at zero days.
    private static func wobble(key: String, name: String, amplitude: ClosedRange<Double>, days: Double) -> Double {
        var random = SeededRandom(seed: hash(key + "/" + name + "/wobble"))
        let size = amplitude.lowerBound + random.unit() * (amplitude.upperBound - amplitude.lowerBound)
        let period = 15 + random.unit() * 45
        let phase = random.unit() * 2 * Double.pi
        return size * (sin(2 * Double.pi * days / period + phase) - sin(phase))
    }

    /// FNV-1a over the string's UTF-8: the same number on every platform and run.
    static func hash(_ key: String) -> UInt64 { StableHash.fnv1a(key.utf8) }
}
