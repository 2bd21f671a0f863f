/// A self-contained HTML report for attaching to a ticket: a title, summary rows, bar charts
/// drawn as inline SVG and tables, with inline CSS and no external asset (no script, no font,
/// no image link). Every piece of text is escaped; data cannot add markup.
package struct ReportPage: Sendable, Equatable {
    /// A titled table: the same `Table` the text output shows.
    package struct Section: Sendable, Equatable {
        package var title: String
        package var table: Table
        package init(_ title: String, _ table: Table) {
            self.title = title
            self.table = table
        }
    }

    package var title: String
    package var subtitle: String?
    package var summary: [Field]
    package var charts: [ReportBars]
    package var sections: [Section]

    package init(title: String, subtitle: String? = nil, summary: [Field] = [], charts: [ReportBars] = [], sections: [Section] = []) {
        self.title = title
        self.subtitle = subtitle
        self.summary = summary
        self.charts = charts
        self.sections = sections
    }

    /// The whole page.
    package func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <h1>\(Self.escape(title))</h1>

            """
        if let subtitle { out += "<p class=\"subtitle\">\(Self.escape(subtitle))</p>\n" }
        if !summary.isEmpty {
            out += "<table class=\"summary\">\n"
            for field in summary {
                out += "<tr><th scope=\"row\">\(Self.escape(field.label))</th><td>\(Self.cell(field.value))</td></tr>\n"
            }
            out += "</table>\n"
        }
        for chart in charts { out += Self.svg(chart) }
        for section in sections {
            out += "<h2>\(Self.escape(section.title))</h2>\n<table class=\"data\">\n<thead><tr>"
            out += section.table.columns.map { "<th>\(Self.escape($0))</th>" }.joined()
            out += "</tr></thead>\n<tbody>\n"
            for row in section.table.rows {
                out += "<tr>" + row.map { "<td>\(Self.cell([$0]))</td>" }.joined() + "</tr>\n"
            }
            if section.table.rows.isEmpty {
                out += "<tr><td class=\"dim\" colspan=\"\(max(1, section.table.columns.count))\">none</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</body>\n</html>\n"
    }

    static let css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#1d1d1f;background:#fff}\
        h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.6em 0 .4em}\
        .subtitle{color:#666;margin:0 0 1em}\
        table{border-collapse:collapse;margin:.5em 0}th,td{text-align:left;padding:.3em .8em;border-bottom:1px solid #ddd;vertical-align:top}\
        thead th{background:#f3f4f6;border-bottom:2px solid #bbb}table.summary th{font-weight:600;padding-left:0}\
        .good{color:#137333}.warn{color:#a15c00}.bad{color:#b3261e}.dim{color:#777}.bold{font-weight:600}\
        svg{display:block;margin:1em 0;max-width:100%;height:auto}svg text{font:13px system-ui,sans-serif;fill:#1d1d1f}
        """

    /// Spans as escaped text, each styled one in a span with its class.
    static func cell(_ spans: [Span]) -> String {
        spans.map { span in
            let text = escape(span.text)
            switch span.style {
            case .plain: return text
            case .bold: return "<span class=\"bold\">\(text)</span>"
            case .dim: return "<span class=\"dim\">\(text)</span>"
            case .good: return "<span class=\"good\">\(text)</span>"
            case .warn: return "<span class=\"warn\">\(text)</span>"
            case .bad: return "<span class=\"bad\">\(text)</span>"
            }
        }.joined()
    }

    /// A horizontal stacked-bar chart: green for matched, red for unmatched, scaled to the largest total.
    static func svg(_ chart: ReportBars) -> String {
        let labelWidth = 220, barWidth = 420, countWidth = 130, rowHeight = 28, top = 54
        let width = labelWidth + barWidth + countWidth
        let height = top + max(1, chart.bars.count) * rowHeight + 8
        let largest = chart.bars.map(\.total).max() ?? 0
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        out += "<title>\(escape(chart.title))</title>\n"
        out += "<text x=\"0\" y=\"18\" style=\"font-weight:600\">\(escape(chart.title))</text>\n"
        out += "<rect x=\"0\" y=\"28\" width=\"12\" height=\"12\" fill=\"#34a853\"/><text x=\"18\" y=\"39\">\(escape(chart.matchedName))</text>\n"
        out += "<rect x=\"140\" y=\"28\" width=\"12\" height=\"12\" fill=\"#ea4335\"/><text x=\"158\" y=\"39\">\(escape(chart.unmatchedName))</text>\n"
        for (index, bar) in chart.bars.enumerated() {
            let y = top + index * rowHeight
            let length = largest == 0 ? 0 : Double(bar.total) * Double(barWidth - 10) / Double(largest)
            let good = bar.total == 0 ? 0 : length * Double(bar.matched) / Double(bar.total)
            out += "<g class=\"bar\">"
            out += "<text x=\"0\" y=\"\(y + 17)\">\(escape(ReportBars.fit(bar.label, 30)))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(number(good))\" height=\"\(rowHeight - 8)\" fill=\"#34a853\"/>"
            out += "<rect x=\"\(number(Double(labelWidth) + good))\" y=\"\(y + 4)\" width=\"\(number(length - good))\" height=\"\(rowHeight - 8)\" fill=\"#ea4335\"/>"
            out += "<text x=\"\(labelWidth + barWidth)\" y=\"\(y + 17)\">\(escape(ReportBars.counts(bar)))</text>"
            out += "</g>\n"
        }
        return out + "</svg>\n"
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Text made safe for HTML and SVG: the five markup characters escaped, and control
    /// characters (which XML forbids and a terminal would obey) replaced by U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
