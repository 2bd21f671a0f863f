/// `exit` (or `quit`): leaves the shell.
struct ExitCommand: ShellCommand {
    static let spec = CommandSpec(
        "exit", group: .shell, rank: 3, summary: "leave the shell (Ctrl-D does too)", json: false,
        example: "exit", aliases: ["quit"])

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        var result = CommandResult()
        result.exitRequested = true
        return result
    }
}
