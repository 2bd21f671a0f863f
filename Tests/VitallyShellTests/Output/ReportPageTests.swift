import Foundation
import Testing
import VitallyKit
@testable import VitallyShell

/// The HTML report: self-contained, every piece of data escaped, the tables and chart present.
@Suite struct ReportPageTests {
    static let hostile = "<script>alert('x')</script> & \"q\" \u{1B}[31m"

    static func page(_ text: String = hostile) -> ReportPage {
        ReportPage(
            title: "Coverage \(text)", subtitle: "from a to b",
            summary: [Field("Meetings", "12"), Field(text, "3", .bad)],
            charts: [ReportBars(title: "By rule", bars: [ReportBar(text, matched: 2, unmatched: 1), ReportBar("domain", matched: 5, unmatched: 0)])],
            sections: [ReportPage.Section("Meetings", Table(columns: ["When", "Title"], rows: [[Span("Mon"), Span(text, .warn)], [Span("Tue"), Span("ok", .good)]]))])
    }

    @Test func dataCannotAddMarkupOrControlCharacters() {
        let html = Self.page().html()
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }

    @Test func selfContainedWithNoExternalAsset() {
        let html = Self.page("plain").html()
        for external in ["http://", "https://", "src=", "<link", "@import", "url("] where external != "http://" {
            #expect(!html.contains(external), "\(external)")
        }
        // The only URL is the SVG namespace, which is not fetched.
        #expect(html.components(separatedBy: "http://").count - 1 == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
    }

    @Test func tablesAndChartCarryEveryRow() {
        let html = Self.page("plain").html()
        #expect(html.components(separatedBy: "<tr>").count - 1 == 2 + 1 + 2)
        #expect(html.contains("<td><span class=\"good\">ok</span></td>"))
        #expect(html.components(separatedBy: "<g class=\"bar\">").count - 1 == 2)
        #expect(html.contains("2/3 (67%)") && html.contains("5/5 (100%)"))
        // Every group and chart is closed (the browser test renders it for real).
        #expect(html.components(separatedBy: "</g>").count - 1 == 2)
        #expect(html.components(separatedBy: "<svg").count == html.components(separatedBy: "</svg>").count)
    }

    @Test func anEmptyTableSaysNone() {
        let html = ReportPage(title: "t", sections: [.init("Empty", Table(columns: ["a", "b"], rows: []))]).html()
        #expect(html.contains("<td class=\"dim\" colspan=\"2\">none</td>"))
    }
}
