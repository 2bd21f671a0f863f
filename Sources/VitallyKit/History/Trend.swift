import Foundation

/// How one number moved across an account's observations: the series, its change over 7, 30
/// and 90 days where the history reaches that far, and a word for the direction. Encoded (in
/// `health --json`) as its sparkline, first and last dates, direction, change per window and points.
package struct Trend: Sendable, Equatable {
    /// Improving, stable (within `Trend.stableBand`) or declining.
    package enum Direction: String, Sendable, Encodable {
        case improving, stable, declining
    }

    /// One dated value.
    package struct Point: Sendable, Equatable, Encodable {
        package var date: Date
        package var value: Double
        package init(date: Date, value: Double) {
            self.date = date
            self.value = value
        }
    }

    /// A change between two points and the whole days between them.
    package struct Change: Sendable, Equatable {
        package var from: Point
        package var to: Point
        package var days: Int
        package var delta: Double { to.value - from.value }
    }

    /// Movement within this band (either way) counts as stable.
    package static let stableBand = 0.3
    /// The windows `health` reports, in days.
    package static let windows = [7, 30, 90]

    /// Oldest first; never fewer than two.
    package let points: [Point]
    /// How much a change must move to count as a change (0.3 for a 0-10 score).
    let band: Double

    /// The trend of `value` across `observations` (any order); nil with fewer than two known values.
    package init?(_ observations: [Observation], band: Double = Trend.stableBand, value: (Observation) -> Double?) {
        let points = observations.compactMap { observation in
            value(observation).map { Point(date: observation.observedAt, value: $0) }
        }.sorted { $0.date < $1.date }
        guard points.count >= 2 else { return nil }
        self.points = points
        self.band = band
    }

    package var first: Point { points[0] }
    package var last: Point { points[points.count - 1] }

    /// From the newest point about `days` before the last one (12 hours later, or up to half
    /// as long again earlier) to the last; nil when no observation falls in that span.
    package func change(overDays days: Int) -> Change? {
        let cutoff = last.date.addingTimeInterval(-Double(days) * 86400 + 12 * 3600)
        let oldest = last.date.addingTimeInterval(-Double(days) * 1.5 * 86400 - 12 * 3600)
        guard let from = points.last(where: { $0.date <= cutoff }), from.date >= oldest else { return nil }
        return Change(from: from, to: last, days: Self.days(from.date, last.date))
    }

    /// The change a headline leads with: over 30 days when known, else over the whole history.
    package var headline: Change {
        change(overDays: 30) ?? Change(from: first, to: last, days: Self.days(first.date, last.date))
    }

    package var direction: Direction { direction(of: headline) }

    package func direction(of change: Change) -> Direction {
        let delta = change.delta
        if abs(delta) <= band + 1e-9 { return .stable }
        return delta > 0 ? .improving : .declining
    }

    /// The change across the points a sparkline of `width` draws: what a line beside it should say.
    package func drawn(width: Int = 30) -> Change {
        let from = points.suffix(max(2, width)).first ?? first
        return Change(from: from, to: last, days: Self.days(from.date, last.date))
    }

    /// `▁▃▅▇`: the last `width` values scaled between their own minimum and maximum.
    package func sparkline(width: Int = 30) -> String {
        // Halved, so that the span between values near ±1.8e308 (a hostile file's) stays finite.
        let values = points.suffix(max(1, width)).map { $0.value / 2 }
        let blocks = Array("▁▂▃▄▅▆▇█")
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), high - low > 1e-9 else {
            return String(repeating: "▄", count: values.count)
        }
        let top = Double(blocks.count - 1)
        return String(values.map { value in
            let position = ((value - low) / (high - low) * top).rounded()
            return blocks[Int(checked: min(max(position, 0), top)) ?? 0]
        })
    }

    static func days(_ from: Date, _ to: Date) -> Int {
        let days = (to.timeIntervalSince(from) / 86400).rounded()
        return days.isFinite && abs(days) < 1e9 ? Int(days) : 0
    }
}

extension Trend: Encodable {
    package func encode(to encoder: any Encoder) throws {
        try encoder.object([
            ("sparkline", sparkline()), ("first", first.date), ("last", last.date), ("direction", direction),
            ("change", Windows(trend: self)), ("points", points),
        ])
    }

    /// The change over each of `Trend.windows`, keyed `7d`, `30d`, `90d` (null where the history does not reach).
    private struct Windows: Encodable {
        let trend: Trend
        func encode(to encoder: any Encoder) throws {
            try encoder.object(Trend.windows.map { ("\($0)d", trend.change(overDays: $0)?.delta as any Encodable) })
        }
    }
}
