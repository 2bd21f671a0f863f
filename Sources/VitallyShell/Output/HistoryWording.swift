import Foundation
import VitallyKit

/// The shell's words for history: trend fields and a store that cannot be used.
enum HistoryWording {
    /// How to get a history, for the line that says there is none.
    static let howToGet = "run it again another day, or 'history import FILE.har'"

    /// One line, with what to do: the command goes on without history.
    static func problem(_ error: HistoryError) -> String {
        let name = URL(fileURLWithPath: error.path).lastPathComponent
        let what: String
        switch error.cause {
        case .locked: what = "\(name) is locked by another process (another vitally-shell?)"
        case .corrupt: what = "\(name) is damaged or not a SQLite file; move it aside (\(error.path)) to start a new one"
        case .unusable: what = "\(error.path) cannot be used (\(error.detail)); check its permissions"
        case .newer: what = "\(name) was written by a newer vitally-shell"
        case .untrusted: what = error.detail
        }
        return "history: \(what); going on without history"
    }

    /// `▁▅█ 5.0 → 7.4 over 60 days: improving`: the change across the span the sparkline draws
    /// (the 7, 30 and 90-day windows follow on the next line).
    static func healthLine(_ trend: Trend) -> String {
        let drawn = trend.drawn()
        return "\(trend.sparkline()) \(Wording.change(drawn)): \(trend.direction(of: drawn).rawValue)"
    }

    /// The style of a trend's line: its direction across the span drawn.
    static func style(_ trend: Trend) -> Style {
        switch trend.direction(of: trend.drawn()) {
        case .improving: return .good
        case .declining: return .bad
        case .stable: return .plain
        }
    }

    /// `from 2026-09-21 to 2026-11-20, 3 observations`
    static func span(_ trend: Trend) -> String {
        "\(VitallyDate.formatDay(trend.first.date)) to \(VitallyDate.formatDay(trend.last.date)), "
            + Format.count(trend.points.count, "observation")
    }

    /// `7 days n/a · 30 days +1.2 · 90 days n/a`
    static func windows(_ trend: Trend) -> String {
        Trend.windows.map { days in
            "\(days) days " + (trend.change(overDays: days).map { Wording.signed($0.delta) } ?? "n/a")
        }.joined(separator: " · ")
    }
}

/// The text of `history`: the lines typed before, numbered from 1, right-aligned.
struct TypedHistoryRenderer: ResultRenderer {
    func blocks(_ lines: [String]) -> [OutputBlock] {
        guard !lines.isEmpty else { return [.text("No history yet.", .dim)] }
        let width = String(lines.count).count
        return lines.enumerated().map { index, line in
            .line([Span(String(repeating: " ", count: width - String(index + 1).count) + String(index + 1) + "  ", .dim), Span(line)])
        }
    }
}

/// The text of `history import`, from a `HistoryImportResult`: a line per file, then the store's name.
struct HistoryImportRenderer: ResultRenderer {
    func blocks(_ value: HistoryImportResult) -> [OutputBlock] {
        value.imported.map { file in
            let when = file.recordedAt.map { VitallyDate.formatDay($0) } ?? "exchange times"
            return .text("\(file.file): \(Format.count(file.accounts, "account")) at \(when) (tenant \(file.tenant))")
        } + [.text("History: \(URL(fileURLWithPath: value.store).lastPathComponent)", .dim)]
    }
}

/// The text of `history forget`, from a `HistoryForgetResult`: how many observations of whom went.
struct HistoryForgetRenderer: ResultRenderer {
    func blocks(_ value: HistoryForgetResult) -> [OutputBlock] {
        let whose = value.account.map { "'\($0)' (tenant \(value.tenant))" } ?? "tenant \(value.tenant)"
        return [.text("Forgot \(Format.count(value.forgotten, "observation")) of \(whose).")]
    }
}
