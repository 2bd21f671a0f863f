import VitallyKit

/// `help [COMMAND]`: the commands by group, or one in detail; all of it from the command specs.
struct HelpCommand: ShellCommand {
    static let spec = CommandSpec(
        "help", group: .shell, rank: 1, summary: "list commands, or show one in detail", synopsis: "[COMMAND]",
        argument: .command, arguments: 0...1, example: "help brief")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        if let name = command.arguments.first {
            guard let spec = CommandCatalog.spec(named: name.lowercased()) else {
                let guess = Suggest.closest(to: name, in: CommandCatalog.names)
                return .failure("no command '\(name)'" + (guess.map { "; did you mean '\($0)'?" } ?? ""), status: .usage)
            }
            return try CommandResult(CommandHelp(spec), renderedBy: CommandHelpRenderer())
        }
        let index = CommandCatalog.all.map { HelpIndexRenderer.Entry(name: $0.name, group: $0.group.rawValue, summary: $0.summary) }
        return try CommandResult(index, renderedBy: HelpIndexRenderer())
    }

    /// Which commands take `--json`, from their specs: "Every command but exit takes --json."
    static var jsonSentence: String {
        let without = CommandCatalog.all.filter { !$0.takesJSON }.map(\.name)
        return without.isEmpty ? "Every command takes --json." : "Every command but \(without.joined(separator: ", ")) takes --json."
    }

    /// `help COMMAND`'s output: its value drawn by its renderer (encoding it cannot fail: strings and arrays).
    static func helpText(for spec: CommandSpec) -> ShellOutput {
        (try? CommandResult(CommandHelp(spec), renderedBy: CommandHelpRenderer()))?.output ?? .empty
    }
}
