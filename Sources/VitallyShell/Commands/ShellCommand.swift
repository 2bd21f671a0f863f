/// What runs a parsed command line: a command, or one of its subcommands.
protocol CommandRunner: Sendable {
    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult
}

/// One shell command: its spec, which the parser, TAB completion and `help` read, and its run.
/// The declaration style is at the top of CommandSpec.swift; a new command is added to
/// `CommandCatalog.commands` below.
protocol ShellCommand: CommandRunner {
    static var spec: CommandSpec { get }
    /// Runs the parsed command on the shell's actor and returns what to print. A command made
    /// only of subcommands (`accounts`) need not write one: its subcommands' runs are called.
    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult
}

extension ShellCommand {
    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        .failure("usage: \(spec.usage)", status: .usage)
    }
}

/// A subcommand (`recordings scrub`): a type nested in its command, with its own spec (word,
/// arguments, flags) and run. The command lists it: `subcommands: [Show.self, Scrub.self]`.
protocol ShellSubcommand: CommandRunner {
    static var spec: SubcommandSpec { get }
    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult
}

/// Every command, in the order `help` lists them.
enum CommandCatalog {
    /// The one list of commands. `CatalogTests` fails when a `ShellCommand` type declared in
    /// Sources/VitallyShell is missing from it.
    static let declared: [any ShellCommand.Type] = [
        ConnectCommand.self, UseCommand.self, ProfilesCommand.self, DisconnectCommand.self, StatusCommand.self,
        AccountsCommand.self, HealthCommand.self, NotesCommand.self, TasksCommand.self, UsersCommand.self, NPSCommand.self,
        ConversationsCommand.self, TimelineCommand.self, OrganizationsCommand.self, RawCommand.self, ObjectsCommand.self,
        MatchCommand.self, BriefCommand.self, DoctorCommand.self, CoverageCommand.self, AuditCommand.self,
        RecordCommand.self, ReplayCommand.self, RecordingsCommand.self,
        HelpCommand.self, HistoryCommand.self, ExitCommand.self,
    ]

    static let commands: [any ShellCommand.Type] = declared.sorted { a, b in
        let (x, y) = (a.spec, b.spec)
        return (x.group.order, x.rank, x.name) < (y.group.order, y.rank, y.name)
    }

    package static let all: [CommandSpec] = commands.map { $0.spec }

    static func command(named name: String) -> (any ShellCommand.Type)? {
        commands.first { $0.spec.name == name || $0.spec.aliases.contains(name) }
    }

    package static func spec(named name: String) -> CommandSpec? { command(named: name)?.spec }

    package static var names: [String] { all.map(\.name) }

    /// Every flag of every command, each name once: what the history redactor knows.
    package static let flags: [FlagDescriptor] = {
        var seen = Set<String>()
        return all.flatMap(\.allFlags).filter { seen.insert($0.name).inserted }
    }()

    /// The names of the flags whose value is a secret (`--token`, `--salt`).
    package static let secretFlagNames: [String] = flags.filter(\.secret).map(\.name)
}
