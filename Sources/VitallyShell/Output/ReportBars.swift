/// One category of a report chart: how many were matched and how many were not.
package struct ReportBar: Sendable, Equatable, Encodable {
    package var label: String
    package var matched: Int
    package var unmatched: Int

    package init(_ label: String, matched: Int, unmatched: Int) {
        self.label = label
        self.matched = max(0, matched)
        self.unmatched = max(0, unmatched)
    }

    package var total: Int { matched + unmatched }
}

/// Horizontal bars of matched vs unmatched by category, the one-screen summary that `coverage`
/// and `audit` end with. Pure: `lines(width:)` lays the bars out for a width; the renderer
/// fits them to the terminal and colours them only when it colours at all.
package struct ReportBars: Sendable, Equatable, Encodable {
    package var title: String
    package var bars: [ReportBar]
    /// What the two parts of a bar mean ("with data" / "without", "matched" / "unmatched").
    package var matchedName: String
    package var unmatchedName: String

    package init(title: String, bars: [ReportBar], matchedName: String = "matched", unmatchedName: String = "unmatched") {
        self.title = title
        self.bars = bars
        self.matchedName = matchedName
        self.unmatchedName = unmatchedName
    }

    static let full: Character = "█"
    static let empty: Character = "░"

    /// The title, a legend, then one line per bar, none wider than `width`: the label, the bar
    /// (scaled so the largest total fills the room), then `matched/total (share)`.
    /// Matched cells are `.good` and unmatched `.bad`; a non-zero part always shows one cell.
    package func lines(width: Int) -> [[Span]] {
        var out: [[Span]] = [[Span(title, .bold)]]
        out.append([Span(String(Self.full), .good), Span(" \(matchedName)  "), Span(String(Self.empty), .bad), Span(" \(unmatchedName)", .dim)])
        guard !bars.isEmpty else { return out + [[Span("  (nothing to show)", .dim)]] }
        let counts = bars.map(Self.counts)
        let countWidth = counts.map(\.count).max() ?? 0
        let room = max(20, width)
        let labelWidth = min(bars.map { $0.label.count }.max() ?? 0, max(6, room / 3))
        let barRoom = max(4, room - 2 - labelWidth - 2 - 2 - countWidth)
        let largest = bars.map(\.total).max() ?? 0
        for (bar, count) in zip(bars, counts) {
            let (good, bad) = Self.cells(bar, largest: largest, room: barRoom)
            let label = Self.fit(bar.label, labelWidth)
            out.append([
                Span("  " + label + String(repeating: " ", count: labelWidth - label.count) + "  "),
                Span(String(repeating: Self.full, count: good), .good),
                Span(String(repeating: Self.empty, count: bad), .bad),
                Span(String(repeating: " ", count: barRoom - good - bad) + "  " + count, bar.unmatched > 0 ? .plain : .dim),
            ])
        }
        return out
    }

    /// `12/20 (60%)`.
    static func counts(_ bar: ReportBar) -> String {
        let share = bar.total == 0 ? 0 : Int((Double(bar.matched) * 100 / Double(bar.total)).rounded())
        return "\(bar.matched)/\(bar.total) (\(share)%)"
    }

    /// How many cells each part takes: proportional to the largest total, at least one for a non-zero part.
    static func cells(_ bar: ReportBar, largest: Int, room: Int) -> (good: Int, bad: Int) {
        guard largest > 0, bar.total > 0 else { return (0, 0) }
        let parts = (bar.matched > 0 ? 1 : 0) + (bar.unmatched > 0 ? 1 : 0)
        let length = min(room, max(parts, Int((Double(bar.total) * Double(room) / Double(largest)).rounded())))
        var good = Int((Double(bar.matched) * Double(length) / Double(bar.total)).rounded())
        if bar.matched > 0 { good = max(1, good) }
        if bar.unmatched > 0 { good = min(good, length - 1) }
        var bad = length - good
        if bar.unmatched > 0, bad == 0 { bad = 1 }
        return (max(0, good), min(bad, room - max(0, good)))
    }

    static func fit(_ s: String, _ width: Int) -> String {
        s.count <= width ? s : String(s.prefix(max(0, width - 1))) + "…"
    }
}
