import Foundation

/// Where command lines come from: the line editor, a pipe, a script, or `-c`.
protocol LineReader: AnyObject {
    /// The next line; `.cancelled` for Ctrl-C at the prompt, nil at end of input.
    func readLine(prompt: String) -> LineInput?
}

enum LineInput: Equatable {
    case line(String)
    case cancelled
}

/// Lines from standard input with no prompt and no editing (pipes, files).
final class PipeReader: LineReader {
    func readLine(prompt: String) -> LineInput? {
        Swift.readLine(strippingNewline: true).map(LineInput.line)
    }
}

/// Lines given up front (`-c "a; b"`, `--script FILE`).
final class FixedReader: LineReader {
    private var lines: [String]
    init(lines: [String]) { self.lines = lines }
    func readLine(prompt: String) -> LineInput? {
        guard !lines.isEmpty else { return nil }
        return .line(lines.removeFirst())
    }
}
