import VitallyKit

/// How a piece of text should look on a colour terminal.
public enum Style: Sendable, Equatable {
    case plain, bold, dim, good, warn, bad
}

/// A run of text in one style.
public struct Span: Sendable, Equatable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// Rows and columns, fitted to the terminal when rendered.
public struct Table: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[Span]]
    /// Columns that may be shortened first when the table is too wide (default: the widest).
    public var flexible: Set<Int>

    public init(columns: [String], rows: [[Span]], flexible: Set<Int> = []) {
        self.columns = columns
        self.rows = rows
        self.flexible = flexible
    }
}

/// One part of a command's human output.
public enum OutputBlock: Sendable, Equatable {
    case line([Span])
    case fields([Field])
    case table(Table)
    case blank

    public static func text(_ s: String, _ style: Style = .plain) -> OutputBlock { .line([Span(s, style)]) }
}

/// A label and its value, aligned with the others of its block.
public struct Field: Sendable, Equatable {
    public var label: String
    public var value: [Span]
    public init(_ label: String, _ value: String, _ style: Style = .plain) {
        self.label = label
        self.value = [Span(value, style)]
    }
    public init(_ label: String, spans: [Span]) {
        self.label = label
        self.value = spans
    }
}

/// What a command produced: text blocks for people, a JSON document for machines.
public struct ShellOutput: Sendable, Equatable {
    public var blocks: [OutputBlock]
    public var json: JSONValue
    /// Raw text that must be printed as is (a Markdown brief, pretty JSON of `raw`).
    public var verbatim: String?

    public init(blocks: [OutputBlock] = [], json: JSONValue = .null, verbatim: String? = nil) {
        self.blocks = blocks
        self.json = json
        self.verbatim = verbatim
    }

    public static let empty = ShellOutput()
}

/// How a command ended.
public enum ExitStatus: Int32, Sendable, Equatable {
    case ok = 0, failure = 1, usage = 2
}

/// One command's outcome: output for stdout, a one-line error for stderr.
public struct CommandResult: Sendable, Equatable {
    public var output: ShellOutput
    public var status: ExitStatus
    /// One line: what went wrong and what to do.
    public var error: String?
    /// Set by `exit`.
    public var exitRequested = false
    /// Print `output.json` rather than the text blocks.
    public var asJSON = false
    /// One line each, shown apart from the output (a history store that cannot be used).
    public var warnings: [String] = []

    public init(output: ShellOutput = .empty, status: ExitStatus = .ok, error: String? = nil) {
        self.output = output
        self.status = status
        self.error = error
    }

    public static func failure(_ message: String, status: ExitStatus = .failure) -> CommandResult {
        CommandResult(status: status, error: message)
    }
}
