/// What goes into the history file: secrets replaced, duplicates dropped, at most 1000 lines.
package enum HistoryPolicy {
    package static let limit = 1000

    /// The line as it may be stored, or nil when it must not be (blank, or starting with a space).
    package static func storable(_ line: String, secrets: [String] = []) -> String? {
        guard let first = line.first, first != " ", !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return LineRedactor.redact(line, secrets: secrets)
    }

    /// Appends a line, removing an older identical one, keeping the newest `limit`.
    package static func adding(_ line: String, to lines: [String]) -> [String] {
        var out = lines.filter { $0 != line }
        out.append(line)
        if out.count > limit { out.removeFirst(out.count - limit) }
        return out
    }

    /// File lines to entries: one entry per line, `\n` and `\\` escaped.
    package static func decode(_ text: String) -> [String] {
        text.split(separator: "\n").map { line in
            var out = ""
            var escaped = false
            for ch in line {
                if escaped { out.append(ch == "n" ? "\n" : ch); escaped = false } else if ch == "\\" { escaped = true } else { out.append(ch) }
            }
            return out
        }.filter { !$0.isEmpty && $0 != "_HiStOrY_V2_" }
    }

    package static func encode(_ lines: [String]) -> String {
        lines.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n") }
            .joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }
}
