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
            return CommandResult(output: helpText(for: spec))
        }
        var blocks: [OutputBlock] = []
        for group in CommandSpec.Group.allCases {
            let specs = CommandCatalog.all.filter { $0.group == group }
            blocks.append(.text(group.rawValue, .bold))
            blocks.append(.definitions(specs.map { Field("  " + $0.name, $0.summary) }))
            blocks.append(.blank)
        }
        blocks.append(.text("ACCOUNT is an id, an externalId, a domain (acme.com), an email, or a name. " + jsonSentence, .dim))
        blocks.append(.text("'help COMMAND' shows its usage, flags and an example. TAB completes; Ctrl-R searches history.", .dim))
        let json: JSONValue = .array(CommandCatalog.all.map { ["name": .string($0.name), "group": .string($0.group.rawValue), "summary": .string($0.summary)] })
        return CommandResult(output: ShellOutput(blocks: blocks, json: json))
    }

    /// Which commands take `--json`, from their specs: "Every command but exit takes --json."
    static var jsonSentence: String {
        let without = CommandCatalog.all.filter { !$0.takesJSON }.map(\.name)
        return without.isEmpty ? "Every command takes --json." : "Every command but \(without.joined(separator: ", ")) takes --json."
    }

    static func helpText(for spec: CommandSpec) -> ShellOutput {
        var blocks: [OutputBlock] = [
            .line([Span(spec.name, .bold), Span(" — " + spec.summary)]),
            .blank,
            .text("Usage", .bold),
        ]
        // Lines, not fields: a long usage wraps at the terminal's width instead of being cut.
        blocks += spec.usageLines.map { .text("  " + $0) }
        if !spec.subcommands.isEmpty {
            blocks.append(.blank)
            blocks.append(.text("Subcommands", .bold))
            // Definitions, not fields: a long summary wraps at the terminal's width instead of being cut.
            blocks.append(.definitions(spec.subcommands.map { Field("  " + $0.name, $0.summary) }))
        }
        let flags = spec.subcommands.flatMap { sub in sub.flags.map { (sub.name, $0) } } + spec.flags.map { (nil as String?, $0) }
        if !flags.isEmpty {
            blocks.append(.blank)
            blocks.append(.text("Flags", .bold))
            blocks.append(.definitions(flags.map { sub, flag in
                Field("  " + flag.name + (flag.valueName.map { " " + $0 } ?? ""), (sub.map { $0 + ": " } ?? "") + flag.help)
            }))
        }
        blocks.append(.blank)
        blocks.append(.definitions([Field("Example", spec.example)]))
        let json: JSONValue = [
            "name": .string(spec.name), "usage": .string(spec.usage), "summary": .string(spec.summary),
            "subcommands": .array(spec.subcommands.map { ["name": .string($0.name), "usage": .string(spec.usage(of: $0.name)), "summary": .string($0.summary)] }),
            "flags": .array(flags.map { sub, flag in
                ["name": .string(flag.name), "value": JSONValue(flag.valueName), "subcommand": JSONValue(sub), "help": .string(flag.help)]
            }),
            "example": .string(spec.example),
        ]
        return ShellOutput(blocks: blocks, json: json)
    }
}
