import VitallyKit

/// How a piece of text should look on a colour terminal.
package enum Style: Sendable, Equatable {
    case plain, bold, dim, good, warn, bad
}

/// A run of text in one style.
package struct Span: Sendable, Equatable {
    package var text: String
    var style: Style
    package init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// Rows and columns, fitted to the terminal when rendered.
package struct Table: Sendable, Equatable {
    package var columns: [String]
    package var rows: [[Span]]
    /// Columns that may be shortened first when the table is too wide (default: the widest).
    package var flexible: Set<Int>

    package init(columns: [String], rows: [[Span]], flexible: Set<Int> = []) {
        self.columns = columns
        self.rows = rows
        self.flexible = flexible
    }
}

/// One part of a command's human output.
package enum OutputBlock: Sendable, Equatable {
    case line([Span])
    case fields([Field])
    /// Terms and what they mean, aligned like fields, but each meaning wraps at the width under its
    /// column instead of being cut (help's subcommands and flags).
    case definitions([Field])
    case table(Table)
    /// Matched vs unmatched bars, laid out for the terminal width when rendered.
    case bars(ReportBars)
    case blank

    package static func text(_ s: String, _ style: Style = .plain) -> OutputBlock { .line([Span(s, style)]) }
}

/// A label and its value, aligned with the others of its block.
package struct Field: Sendable, Equatable {
    package var label: String
    package var value: [Span]
    package init(_ label: String, _ value: String, _ style: Style = .plain) {
        self.label = label
        self.value = [Span(value, style)]
    }
    package init(_ label: String, spans: [Span]) {
        self.label = label
        self.value = spans
    }
}

/// What a command produced: text blocks for people, a JSON document for machines.
package struct ShellOutput: Sendable, Equatable {
    var blocks: [OutputBlock]
    package var json: JSONValue
    /// Raw text that must be printed as is (a Markdown brief, pretty JSON of `raw`).
    var verbatim: String?

    package init(blocks: [OutputBlock] = [], json: JSONValue = .null, verbatim: String? = nil) {
        self.blocks = blocks
        self.json = json
        self.verbatim = verbatim
    }

    package static let empty = ShellOutput()
}

/// How a command ended.
package enum ExitStatus: Int32, Sendable, Equatable {
    /// `partial`: some attendees or sections could not be read; the rest was printed.
    case ok = 0, failure = 1, usage = 2, partial = 3

    /// Which of two statuses a batch exits with: usage error, then failure, then partial, then ok.
    package var severity: Int {
        switch self {
        case .ok: return 0
        case .partial: return 1
        case .failure: return 2
        case .usage: return 3
        }
    }
}

/// One command's outcome: output for stdout, a one-line error for stderr.
package struct CommandResult: Sendable, Equatable {
    package var output: ShellOutput
    package var status: ExitStatus
    /// One line: what went wrong and what to do.
    package var error: String?
    /// More lines about the error, printed under it only with `--verbose`.
    package var errorDetail: [String] = []
    /// Set by `exit`.
    package var exitRequested = false
    /// Print `output.json` rather than the text blocks.
    package var asJSON = false
    /// One line each, shown apart from the output (a history store that cannot be used).
    package var warnings: [String] = []

    package init(output: ShellOutput = .empty, status: ExitStatus = .ok, error: String? = nil) {
        self.output = output
        self.status = status
        self.error = error
    }

    package static func failure(_ message: String, status: ExitStatus = .failure) -> CommandResult {
        CommandResult(status: status, error: message)
    }
}
