import Testing
import VitallyKit
@testable import VitallyShell

/// The one-screen bars: fitted to the width, proportional, coloured only when the renderer colours.
@Suite struct ReportBarsTests {
    let bars = ReportBars(title: "Attendees by rule", bars: [
        ReportBar("domain trait", matched: 30, unmatched: 0),
        ReportBar("unmatched domains", matched: 0, unmatched: 10),
        ReportBar("a label far too long to fit in a third of a narrow terminal", matched: 3, unmatched: 1),
    ])

    @Test(arguments: [40, 80, 132])
    func everyLineFitsTheWidth(width: Int) {
        let text = TextRenderer(width: width, color: false).render(.bars(bars))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 5)
        for line in lines { #expect(line.count <= width, "\(line)") }
        #expect(text.contains("30/30 (100%)") && text.contains("0/10 (0%)") && text.contains("3/4 (75%)"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func barsAreProportionalToTheLargestTotalAndEveryNonZeroPartShows() {
        let lines = bars.lines(width: 80)
        func cells(_ line: [Span], _ glyph: Character) -> Int { line.map { $0.text.filter { $0 == glyph }.count }.reduce(0, +) }
        let full = cells(lines[2], ReportBars.full)
        #expect(full > 20 && cells(lines[2], ReportBars.empty) == 0)
        #expect(cells(lines[3], ReportBars.full) == 0)
        #expect(abs(cells(lines[3], ReportBars.empty) * 3 - full) <= 3)
        #expect(cells(lines[4], ReportBars.full) >= 1 && cells(lines[4], ReportBars.empty) >= 1)
        let tiny = ReportBars(title: "t", bars: [ReportBar("big", matched: 1000, unmatched: 0), ReportBar("small", matched: 1, unmatched: 1)])
        let small = tiny.lines(width: 60)[3]
        #expect(cells(small, ReportBars.full) == 1 && cells(small, ReportBars.empty) == 1)
    }

    @Test func colourOnlyWhenTheRendererColoursAndDataCannotAddEscapes() {
        let hostile = ReportBars(title: "t\u{1B}[2J", bars: [ReportBar("evil\u{1B}]0;x\u{07}", matched: 1, unmatched: 1)])
        let plain = TextRenderer(width: 80, color: false).render(.bars(hostile))
        #expect(!plain.contains("\u{1B}"))
        let coloured = TextRenderer(width: 80, color: true).render(.bars(hostile))
        #expect(coloured.contains("\u{1B}[32m█") && coloured.contains("\u{1B}[31m░"))
        #expect(!coloured.contains("\u{1B}[2J") && !coloured.contains("\u{1B}]0;"))
    }

    @Test func noBarsSaysSo() {
        let text = TextRenderer(width: 80).render(.bars(ReportBars(title: "Meetings", bars: [])))
        #expect(text.contains("nothing to show"))
    }
}
