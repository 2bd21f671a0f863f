import VitallyKit

/// `history`: the lines typed before, numbered.
struct HistoryCommand: ShellCommand {
    static let spec = CommandSpec(
        "history", group: .shell, rank: 2, summary: "the commands typed before (Ctrl-R searches them)",
        usage: "history", example: "history")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let lines = shell.environment.history()
        let width = String(lines.count).count
        let blocks: [OutputBlock] = lines.isEmpty
            ? [.text("No history yet.", .dim)]
            : lines.enumerated().map { index, line in .line([Span(String(repeating: " ", count: width - String(index + 1).count) + String(index + 1) + "  ", .dim), Span(line)]) }
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(lines.map { .string($0) })))
    }
}
