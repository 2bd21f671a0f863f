import VitallyKit

/// Turns output blocks into text: aligned tables fitted to a width, colour only when asked.
package struct TextRenderer: Sendable {
    package var width: Int
    package var color: Bool

    package init(width: Int = 100, color: Bool = false) {
        self.width = max(40, width)
        self.color = color
    }

    /// Renders a result's stdout part: JSON, verbatim text, or the blocks. `jsonLine` prints the
    /// JSON compact on one line, for a run of several commands (JSON Lines).
    package func render(_ output: ShellOutput, json: Bool, jsonLine: Bool = false) -> String {
        if json { return output.json.serialized(pretty: !jsonLine) + "\n" }
        if let verbatim = output.verbatim.map({ TerminalSanitizer.visible($0) }) { return verbatim.hasSuffix("\n") ? verbatim : verbatim + "\n" }
        return output.blocks.map(render).joined()
    }

    /// One block, its data's control characters made visible first, so that the only escape
    /// sequences in the text are the colours added here.
    package func render(_ block: OutputBlock) -> String {
        switch Self.inert(block) {
        case .blank: return "\n"
        case .line(let spans): return wrap(spans).map(paint).joined(separator: "\n") + "\n"
        case .fields(let fields):
            let labelWidth = min(fields.map { $0.label.count }.max() ?? 0, 32)
            return fields.map { field in
                pad(field.label, labelWidth) + "  " + paint(fit(field.value, width - labelWidth - 2)) + "\n"
            }.joined()
        case .definitions(let fields): return define(fields)
        case .table(let table): return render(table)
        case .bars(let bars): return bars.lines(width: width).map(paint).joined(separator: "\n") + "\n"
        }
    }

    static func inert(_ block: OutputBlock) -> OutputBlock {
        func inert(_ span: Span) -> Span { Span(TerminalSanitizer.visible(span.text), span.style) }
        switch block {
        case .blank: return .blank
        case .line(let spans): return .line(spans.map(inert))
        case .fields(let fields): return .fields(fields.map { Field(TerminalSanitizer.visible($0.label), spans: $0.value.map(inert)) })
        case .definitions(let fields): return .definitions(fields.map { Field(TerminalSanitizer.visible($0.label), spans: $0.value.map(inert)) })
        case .table(let table):
            return .table(Table(columns: table.columns.map { TerminalSanitizer.visible($0) }, rows: table.rows.map { $0.map(inert) }, flexible: table.flexible))
        case .bars(var bars):
            bars.title = TerminalSanitizer.visible(bars.title)
            bars.bars = bars.bars.map { ReportBar(TerminalSanitizer.visible($0.label), matched: $0.matched, unmatched: $0.unmatched) }
            return .bars(bars)
        }
    }

    func render(_ table: Table) -> String {
        let count = table.columns.count
        var widths = (0..<count).map { column in
            max(table.columns[column].count, table.rows.map { row in column < row.count ? row[column].text.count : 0 }.max() ?? 0)
        }
        let gap = 2
        var total = widths.reduce(0, +) + gap * (count - 1)
        while total > width {
            let candidates = table.flexible.isEmpty ? Set(0..<count) : table.flexible
            guard let widest = candidates.filter({ widths[$0] > 6 }).max(by: { widths[$0] < widths[$1] }) else { break }
            let cut = min(total - width, widths[widest] - 6)
            widths[widest] -= cut
            total -= cut
        }
        var out = ""
        let header = table.columns.enumerated().map { index, name in
            index == count - 1 ? name : pad(truncate(name, widths[index]), widths[index])
        }.joined(separator: "  ")
        out += (color ? "\u{1B}[1m" + header + "\u{1B}[0m" : header) + "\n"
        for row in table.rows {
            var cells: [String] = []
            for column in 0..<count {
                let span = column < row.count ? row[column] : Span("")
                let text = truncate(span.text, widths[column])
                let padded = column == count - 1 ? text : pad(text, widths[column])
                cells.append(paint([Span(padded, span.style)]))
            }
            out += trimTrailing(cells.joined(separator: "  ")) + "\n"
        }
        return out
    }

    /// Terms in a column, each meaning filled at spaces into the room beside it; a term wider than
    /// the column (at most 32) has its meaning start on the next line.
    func define(_ fields: [Field]) -> String {
        let labelWidth = min(fields.map { $0.label.count }.max() ?? 0, 32)
        let column = String(repeating: " ", count: labelWidth + 2)
        let room = max(width - column.count, 20)
        return fields.map { field in
            let lines = fill(field.value, room).map { trimTrailing(paint($0)) }
            let first = field.label.count > labelWidth ? [field.label] : []
            return (first + lines.enumerated().map { index, line in
                (index == 0 && first.isEmpty ? pad(field.label, labelWidth) + "  " : column) + line
            }).map(trimTrailing).joined(separator: "\n") + "\n"
        }.joined()
    }

    /// Spans filled word by word into lines of at most `room` columns (a longer word has a line of its own).
    func fill(_ spans: [Span], _ room: Int) -> [[Span]] {
        var lines: [[Span]] = [[]]
        var column = 0
        for span in spans {
            for word in span.text.split(separator: " ").map(String.init) {
                let gap = column == 0 ? 0 : 1
                if column > 0 && column + gap + word.count > room {
                    lines.append([])
                    column = 0
                }
                lines[lines.count - 1].append(Span((column == 0 ? "" : " ") + word, span.style))
                column += (column == 0 ? 0 : 1) + word.count
            }
        }
        return lines
    }

    /// Soft-wraps a long line at spaces, continuing under its indentation plus four.
    func wrap(_ spans: [Span]) -> [[Span]] {
        let total = spans.reduce(0) { $0 + $1.text.count }
        guard total > width else { return [spans] }
        let leading = spans.first.map { $0.text.prefix { $0 == " " }.count } ?? 0
        let indent = String(repeating: " ", count: min(leading + 4, width / 2))
        var lines: [[Span]] = [[]]
        var column = 0
        for span in spans {
            var pieces = span.text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for index in pieces.indices where index < pieces.count - 1 { pieces[index] += " " }
            for piece in pieces where !piece.isEmpty {
                let visible = piece.hasSuffix(" ") ? piece.count - 1 : piece.count
                if column + visible > width, column > indent.count {
                    if var last = lines[lines.count - 1].popLast() {
                        while last.text.hasSuffix(" ") { last.text.removeLast() }
                        lines[lines.count - 1].append(last)
                    }
                    lines.append([Span(indent)])
                    column = indent.count
                }
                lines[lines.count - 1].append(Span(piece, span.style))
                column += piece.count
            }
        }
        return lines
    }

    func fit(_ spans: [Span], _ room: Int) -> [Span] {
        var left = max(room, 10)
        var out: [Span] = []
        for span in spans {
            guard left > 0 else { break }
            let text = truncate(span.text, left)
            left -= text.count
            out.append(Span(text, span.style))
        }
        return out
    }

    func truncate(_ s: String, _ width: Int) -> String {
        // Every cell of every table passes here: a line break becomes a space, scalar by scalar.
        let flat = s.utf8.contains(0x0A) ? String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\n" ? " " : $0 })) : s
        guard flat.count > width else { return flat }
        guard width > 1 else { return String(flat.prefix(width)) }
        return String(flat.prefix(width - 1)) + "…"
    }

    func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    func trimTrailing(_ s: String) -> String {
        var out = s
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    func paint(_ spans: [Span]) -> String {
        spans.map { span in
            guard color, span.style != .plain, !span.text.isEmpty else { return span.text }
            let code: String
            switch span.style {
            case .plain: code = "0"
            case .bold: code = "1"
            case .dim: code = "2"
            case .good: code = "32"
            case .warn: code = "33"
            case .bad: code = "31"
            }
            return "\u{1B}[\(code)m\(span.text)\u{1B}[0m"
        }.joined()
    }
}
