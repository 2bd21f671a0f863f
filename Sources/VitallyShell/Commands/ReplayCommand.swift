/// `replay FILE`: answers from a recording, with no network.
struct ReplayCommand: ShellCommand {
    static let spec = CommandSpec(
        "replay", group: .recordings, rank: 2, summary: "answer from a recording, with no network",
        synopsis: "FILE.har", argument: .harFile, arguments: 1...1, example: "replay demo.har")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        await shell.openReplay(command.arguments[0], recordMissing: false)
    }
}
