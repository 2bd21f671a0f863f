import VitallyKit

/// The text of `help`: the commands by group, then how ACCOUNT and `--json` are read. `--json` is
/// the entries encoded (an array of name, group and summary). The catalog is the shell's own, so
/// this value lives here rather than in VitallyKit.
struct HelpIndexRenderer: ResultRenderer {
    /// One command of the catalog.
    struct Entry: Encodable, Equatable {
        var name: String
        var group: String
        var summary: String
    }

    func blocks(_ entries: [Entry]) -> [OutputBlock] {
        var blocks: [OutputBlock] = []
        for group in CommandSpec.Group.allCases {
            let specs = entries.filter { $0.group == group.rawValue }
            blocks.append(.text(group.rawValue, .bold))
            blocks.append(.definitions(specs.map { Field("  " + $0.name, $0.summary) }))
            blocks.append(.blank)
        }
        blocks.append(.text("ACCOUNT is an id, an externalId, a domain (acme.com), an email, or a name. " + HelpCommand.jsonSentence, .dim))
        blocks.append(.text("'help COMMAND' shows its usage, flags and an example. TAB completes; Ctrl-R searches history.", .dim))
        return blocks
    }
}

/// `help COMMAND`, as one value: its usage, subcommands, flags and example, from its spec.
/// `--json` is this value encoded. The catalog is the shell's own, so it lives here.
struct CommandHelp: Encodable {
    /// A subcommand, with its own usage line.
    struct Subcommand: Encodable {
        var name: String
        var usage: String
        var summary: String
    }

    /// A flag: its value's name (nil for a switch) and the subcommand it belongs to (nil for the command's own).
    struct Flag: Encodable {
        var name: String
        var value: String?
        var subcommand: String?
        var help: String
    }

    var name: String
    var usage: String
    var summary: String
    var subcommands: [Subcommand]
    var flags: [Flag]
    var example: String
    /// The usage, one line per form, for the text (not encoded: `usage` is the same in one string).
    var usageLines: [String]

    init(_ spec: CommandSpec) {
        name = spec.name
        usage = spec.usage
        summary = spec.summary
        subcommands = spec.subcommands.map { Subcommand(name: $0.name, usage: spec.usage(of: $0.name), summary: $0.summary) }
        flags = spec.subcommands.flatMap { sub in sub.flags.map { Flag(name: $0.name, value: $0.valueName, subcommand: sub.name, help: $0.help) } }
            + spec.flags.map { Flag(name: $0.name, value: $0.valueName, subcommand: nil, help: $0.help) }
        example = spec.example
        usageLines = spec.usageLines
    }

    private enum CodingKeys: String, CodingKey { case name, usage, summary, subcommands, flags, example }
}

/// The text of `help COMMAND`, from a `CommandHelp`: usage, subcommands, flags, an example.
struct CommandHelpRenderer: ResultRenderer {
    func blocks(_ help: CommandHelp) -> [OutputBlock] {
        var blocks: [OutputBlock] = [
            .line([Span(help.name, .bold), Span(" — " + help.summary)]),
            .blank,
            .text("Usage", .bold),
        ]
        // Lines, not fields: a long usage wraps at the terminal's width instead of being cut.
        blocks += help.usageLines.map { .text("  " + $0) }
        if !help.subcommands.isEmpty {
            blocks.append(.blank)
            blocks.append(.text("Subcommands", .bold))
            // Definitions, not fields: a long summary wraps at the terminal's width instead of being cut.
            blocks.append(.definitions(help.subcommands.map { Field("  " + $0.name, $0.summary) }))
        }
        if !help.flags.isEmpty {
            blocks.append(.blank)
            blocks.append(.text("Flags", .bold))
            blocks.append(.definitions(help.flags.map { flag in
                Field("  " + flag.name + (flag.value.map { " " + $0 } ?? ""), (flag.subcommand.map { $0 + ": " } ?? "") + flag.help)
            }))
        }
        blocks.append(.blank)
        blocks.append(.definitions([Field("Example", help.example)]))
        return blocks
    }
}
