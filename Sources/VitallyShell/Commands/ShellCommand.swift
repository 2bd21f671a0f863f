/// One shell command: its spec, which the parser, TAB completion and `help` read, and its run.
/// A type conforming to it anywhere in VitallyShell is registered at build time (see
/// Plugins/CommandRegistryPlugin), so adding a command is one new file.
protocol ShellCommand: Sendable {
    static var spec: CommandSpec { get }
    /// Runs the parsed command on the shell's actor and returns what to print.
    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult
}

/// Every registered command, in the order `help` lists them.
enum CommandCatalog {
    static let commands: [any ShellCommand.Type] = registered.sorted { a, b in
        let (x, y) = (a.spec, b.spec)
        return (x.group.order, x.rank, x.name) < (y.group.order, y.rank, y.name)
    }

    package static let all: [CommandSpec] = commands.map { $0.spec }

    static func command(named name: String) -> (any ShellCommand.Type)? {
        commands.first { $0.spec.name == name || $0.spec.aliases.contains(name) }
    }

    static func spec(named name: String) -> CommandSpec? { command(named: name)?.spec }

    package static var names: [String] { all.map(\.name) }
}
