import VitallyKit

/// `help [COMMAND]`: the commands by group, or one in detail.
struct HelpCommand: ShellCommand {
    static let spec = CommandSpec(
        "help", group: .shell, rank: 1, summary: "list commands, or show one in detail", usage: "help [COMMAND]",
        argument: .command, arguments: 0...1, example: "help brief")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        if let name = command.arguments.first {
            guard let spec = CommandCatalog.spec(named: name.lowercased()) else {
                let guess = Suggest.closest(to: name, in: CommandCatalog.names)
                return .failure("no command '\(name)'" + (guess.map { "; did you mean '\($0)'?" } ?? ""), status: .usage)
            }
            return CommandResult(output: helpText(for: spec))
        }
        var blocks: [OutputBlock] = []
        for group in CommandSpec.Group.allCases {
            let specs = CommandCatalog.all.filter { $0.group == group }
            blocks.append(.text(group.rawValue, .bold))
            blocks.append(.fields(specs.map { Field("  " + $0.name, $0.summary) }))
            blocks.append(.blank)
        }
        blocks.append(.text("ACCOUNT is an id, an externalId, a domain (acme.com), an email, or a name. Every command takes --json.", .dim))
        blocks.append(.text("'help COMMAND' shows its usage, flags and an example. TAB completes; Ctrl-R searches history.", .dim))
        let json: JSONValue = .array(CommandCatalog.all.map { ["name": .string($0.name), "group": .string($0.group.rawValue), "summary": .string($0.summary)] })
        return CommandResult(output: ShellOutput(blocks: blocks, json: json))
    }

    static func helpText(for spec: CommandSpec) -> ShellOutput {
        var blocks: [OutputBlock] = [
            .line([Span(spec.name, .bold), Span(" — " + spec.summary)]),
            .blank,
            .fields([Field("Usage", spec.usage)]),
        ]
        if !spec.flags.isEmpty {
            blocks.append(.blank)
            blocks.append(.text("Flags", .bold))
            blocks.append(.fields(spec.flags.map { flag in
                Field("  " + flag.name + (flag.takesValue ? " " + (flag.values.isEmpty ? "VALUE" : flag.values.joined(separator: "|")) : ""), flag.help)
            }))
        }
        blocks.append(.blank)
        blocks.append(.fields([Field("Example", spec.example)]))
        let json: JSONValue = [
            "name": .string(spec.name), "usage": .string(spec.usage), "summary": .string(spec.summary),
            "flags": .array(spec.flags.map { ["name": .string($0.name), "help": .string($0.help)] }), "example": .string(spec.example),
        ]
        return ShellOutput(blocks: blocks, json: json)
    }
}
