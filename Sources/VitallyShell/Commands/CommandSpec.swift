// How a command declares itself (the parser, `help`, usage lines, TAB completion, history
// redaction, the fuzz harness and the README's command table are all generated from this):
//
//   struct NotesCommand: ShellCommand {
//       static let source = Option<String>("--source", value: "NAME", help: "only items from this integration")
//       static let archived = Flag("--archived", help: "archived items instead of live ones")
//       static let spec = CommandSpec(
//           "notes", group: .explore, rank: 3, summary: "the account's notes, newest first",
//           synopsis: "ACCOUNT", argument: .account, arguments: 1...1,
//           flags: [
//               Common.limit,
//               source,
//               archived,
//           ],
//           example: "notes acme.com")
//       static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
//           let source = command.options[Self.source]      // String?
//           if command.options[Self.archived] { … }         // Bool
//       }
//   }
//
// - A flag is one `static let` (`Flag` for a switch, `Option<String>`/`Option<Int>`/`Option<SomeEnum>`
//   with `secret:`, `limits:`, `choices:`, `completion:`), listed once in `flags:`. `--json` is
//   added to every command unless `json: false`. Shared flags: `Common.limit`, `Common.all`, … (CommonFlags.swift).
// - A subcommand is a type nested in its command: `struct Scrub: ShellSubcommand` with a
//   `static let spec = SubcommandSpec("scrub", …, flags: [salt, …])` and its own `run`; the command
//   lists them, `subcommands: [Show.self, Scrub.self, Diff.self]`. A flag given to the wrong one
//   is an error naming the one that takes it.
// - A new command is also added to `CommandCatalog.commands` (ShellCommand.swift); a test fails
//   until it is. Usage lines are never written by hand: `synopsis` holds only the arguments.

/// What kind of value a command's arguments (or a flag's value) are, for completion and checks.
package enum ArgumentKind: Sendable, Equatable, Hashable {
    case none, account, emails, harFile, command, path, subdomain, text
}

/// A subcommand word (`accounts search`, `record stop`): its arguments and its own flags.
package struct SubcommandSpec: Sendable {
    package var name: String
    package var summary: String
    /// The arguments after the word, as usage shows them (`IN.har [OUT.har]`); flags are added.
    package var synopsis: String
    /// What the arguments are, when that differs from the command's.
    package var argument: ArgumentKind?
    package var arguments: ClosedRange<Int>
    /// Flags only this subcommand takes (the command's own flags apply to every subcommand).
    package var flags: [FlagDescriptor]

    package init(
        _ name: String, summary: String, synopsis: String = "", argument: ArgumentKind? = nil, arguments: ClosedRange<Int> = 0...0,
        flags: [any FlagDeclaration] = []
    ) {
        self.name = name
        self.summary = summary
        self.synopsis = synopsis
        self.argument = argument
        self.arguments = arguments
        self.flags = flags.map(\.descriptor)
    }
}

/// A command's contract (DESIGN.md): what the parser checks, TAB offers and `help` prints.
package struct CommandSpec: Sendable {
    /// The headings `help` lists commands under, in order.
    package enum Group: String, Sendable, CaseIterable {
        case connection = "Connection"
        case explore = "Explore an account"
        case diagnose = "Meetings and diagnosis"
        case recordings = "Record and replay"
        case shell = "Shell"

        var order: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }
    }

    package var name: String
    package var group: Group
    /// Place within the group in `help` (lower first); ties go by name.
    package var rank: Int
    package var summary: String
    /// The arguments of the command without a subcommand, as usage shows them (`EMAIL...`).
    package var synopsis: String
    /// Whether the command is usable without a subcommand word (`recordings`, `record FILE`).
    package var bare: Bool
    package var subcommands: [SubcommandSpec]
    /// The subcommands' types, whose `run` the shell calls.
    var subcommandTypes: [any ShellSubcommand.Type]
    /// The subcommand when none is given. A command with one takes only subcommands as its
    /// first word: `accounts` means `accounts list`, `accounts serach` is an error.
    package var defaultSubcommand: String?
    /// The subcommand a first word that names none starts: `recordings FILE` is `recordings show FILE`.
    package var impliedSubcommand: String?
    /// Flags of the command, taken by every subcommand too.
    package var flags: [FlagDescriptor]
    package var argument: ArgumentKind
    package var arguments: ClosedRange<Int>
    package var example: String
    package var aliases: [String]

    init(
        _ name: String, group: Group, rank: Int = 100, summary: String, synopsis: String = "", bare: Bool = true,
        subcommands: [any ShellSubcommand.Type] = [], defaultSubcommand: (any ShellSubcommand.Type)? = nil,
        impliedSubcommand: (any ShellSubcommand.Type)? = nil, argument: ArgumentKind = .none, arguments: ClosedRange<Int> = 0...0,
        flags: [any FlagDeclaration] = [], json: Bool = true, example: String, aliases: [String] = []
    ) {
        self.name = name
        self.group = group
        self.rank = rank
        self.summary = summary
        self.synopsis = synopsis
        self.bare = bare && defaultSubcommand == nil
        self.subcommands = subcommands.map { $0.spec }
        self.subcommandTypes = subcommands
        self.defaultSubcommand = defaultSubcommand?.spec.name
        self.impliedSubcommand = impliedSubcommand?.spec.name
        self.flags = flags.map(\.descriptor) + (json ? [Common.json.descriptor] : [])
        self.argument = argument
        self.arguments = arguments
        self.example = example
        self.aliases = aliases
    }

    package var subcommandNames: [String] { subcommands.map(\.name) }

    package func subcommand(_ name: String?) -> SubcommandSpec? { subcommands.first { $0.name == name } }

    /// How many arguments may follow the subcommand (or the command when there is none).
    func argumentRange(after subcommand: String?) -> ClosedRange<Int> {
        self.subcommand(subcommand)?.arguments ?? arguments
    }

    /// What the arguments after the subcommand (or the command) are.
    func argumentKind(after subcommand: String?) -> ArgumentKind {
        self.subcommand(subcommand)?.argument ?? argument
    }

    /// The flags a subcommand (or the bare command) takes: its own, then the command's.
    package func flags(of subcommand: String?) -> [FlagDescriptor] {
        (self.subcommand(subcommand)?.flags ?? []) + flags
    }

    /// Every flag of the command and of all its subcommands, each name once.
    package var allFlags: [FlagDescriptor] {
        var seen = Set<String>()
        return (subcommands.flatMap(\.flags) + flags).filter { seen.insert($0.name).inserted }
    }

    /// One usage line: the command (and subcommand), its arguments, and its flags but `--json`.
    package func usage(of subcommand: String?) -> String {
        let sub = self.subcommand(subcommand)
        let words = [name, sub?.name ?? "", sub?.synopsis ?? synopsis]
            + flags(of: subcommand).filter { $0.name != Common.json.descriptor.name }.map(\.synopsis)
        return words.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Every usage line: the bare command's, then each subcommand's.
    package var usageLines: [String] {
        (bare ? [usage(of: nil)] : []) + subcommands.map { usage(of: $0.name) }
    }

    /// The usage lines on one line, for an error.
    package var usage: String { usageLines.joined(separator: " | ") }

    /// Whether it takes `--json`.
    package var takesJSON: Bool { flags.contains(Common.json.descriptor) }
}
