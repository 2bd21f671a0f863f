import VitallyKit

/// The flags of a parsed command, read by their declarations: `options[Self.salt]` is the
/// value (`String?`, `Int?`, an enum), `options[Self.force]` whether the switch was given.
package struct ParsedOptions: Sendable, Equatable {
    /// Each given flag's value by name ("" for a switch); the parser checked them.
    package var values: [String: String] = [:]
    /// Every value of a `repeatable` option, in the order given.
    package var repeated: [String: [String]] = [:]

    package subscript(flag: Flag) -> Bool { values[flag.descriptor.name] != nil }
    package subscript<Value>(option: Option<Value>) -> Value? { values[option.descriptor.name].flatMap(Value.init(flagValue:)) }
    /// Every value of a `repeatable` option, in the order given; [] when it is not given.
    package func all<Value>(_ option: Option<Value>) -> [Value] {
        (repeated[option.descriptor.name] ?? values[option.descriptor.name].map { [$0] } ?? []).compactMap(Value.init(flagValue:))
    }
    /// The value as typed, by descriptor (for code that walks every flag: the fuzz harness).
    package func raw(_ flag: FlagDescriptor) -> String? { values[flag.name] }
}

/// A command line checked against its spec: subcommand, arguments, flags.
package struct ParsedCommand: Sendable, Equatable {
    package var name: String
    package var subcommand: String?
    package var arguments: [String]
    package var options: ParsedOptions

    /// Why a line could not be parsed, already phrased for the user.
    package struct UsageError: Error, Equatable, Sendable {
        package var message: String
        /// The message on one line: a quoted word may hold a newline, shown as `\n`.
        package init(message: String) {
            self.message = message.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        }
    }

    package static func parse(_ words: [String]) throws(UsageError) -> (ParsedCommand, CommandSpec) {
        let (command, spec, _) = try resolve(words)
        return (command, spec)
    }

    /// The command line parsed, and the command (or subcommand) whose `run` takes it.
    static func resolve(_ words: [String]) throws(UsageError) -> (ParsedCommand, CommandSpec, any CommandRunner.Type) {
        guard let first = words.first else { throw UsageError(message: "empty command") }
        if let at = words.firstIndex(where: { $0.contains("\0") }) {
            throw UsageError(message: "word \(at + 1) of the command holds a NUL character (\\0); retype it without one")
        }
        let name = first.lowercased()
        guard let type = CommandCatalog.command(named: name) else {
            if LineRedactor.redact(first) != first {  // a token pasted at the wrong prompt: never echo it
                throw UsageError(message: "that looks like a Vitally token, not a command (it was not kept): "
                    + "run 'connect SUBDOMAIN' and paste it when asked")
            }
            let guess = Suggest.closest(to: name, in: CommandCatalog.names + ["quit"])
            throw UsageError(
                message: "unknown command '\(first)'"
                    + (guess.map { "; did you mean '\($0)'?" } ?? "; type 'help' for the list of commands"))
        }
        let spec = type.spec
        var rest = Array(words.dropFirst())
        let subcommand = try subcommand(of: spec, in: &rest)
        let flags = spec.flags(of: subcommand)
        let scan = try FlagGrammar.scan(rest, shortFlags: false, command: spec.name) { (typed) throws(UsageError) in
            try lookUp(typed, among: flags, of: spec, subcommand: subcommand)
        }
        var arguments = scan.arguments.map(\.word)
        let usage = spec.usage(of: subcommand)
        let range = spec.argumentRange(after: subcommand)
        let kind = spec.argumentKind(after: subcommand)
        if kind == .account, range.upperBound == 1, arguments.count > 1 {
            arguments = [arguments.joined(separator: " ")]  // an unquoted name: health Acme Corp
        }
        guard arguments.count >= range.lowerBound else {
            throw UsageError(message: "\(spec.name) needs more; usage: \(usage)")
        }
        guard arguments.count <= range.upperBound else { throw UsageError(message: "too many arguments; usage: \(usage)") }
        if kind == .emails, let bad = arguments.first(where: { !Domain.isEmail($0) }) {
            throw UsageError(message: "\(spec.name) takes attendee email addresses; '\(bad)' is not one")
        }
        if kind == .harFile, let name = arguments.first, name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError(message: "\(spec.name) needs a file name; usage: \(usage)")
        }
        let command = ParsedCommand(
            name: spec.name, subcommand: subcommand, arguments: arguments, options: ParsedOptions(values: scan.values, repeated: scan.repeated))
        let runner: any CommandRunner.Type = spec.subcommandTypes.first { $0.spec.name == subcommand } ?? type
        return (command, spec, runner)
    }

    /// The subcommand the words name (its word removed), the default, or nil for the bare command.
    /// The subcommand word comes first, before any flag: `accounts list --status churned`.
    private static func subcommand(of spec: CommandSpec, in words: inout [String]) throws(UsageError) -> String? {
        guard !spec.subcommands.isEmpty else { return nil }
        guard let head = words.first, head != "--", !(head.hasPrefix("--") && head.count > 2) else {
            return spec.defaultSubcommand
        }
        if spec.subcommandNames.contains(head.lowercased()) {
            words.removeFirst()
            return head.lowercased()
        }
        if let implied = spec.impliedSubcommand { return implied }
        if spec.defaultSubcommand != nil || !spec.bare {
            let guess = Suggest.closest(to: head, in: spec.subcommandNames)
            throw UsageError(
                message: "\(spec.name) has no subcommand '\(head)'"
                    + (guess.map { "; did you mean '\(spec.name) \($0)'?" } ?? "; usage: \(spec.usage)"))
        }
        return nil
    }

    /// The flag a word names among those the subcommand takes; else an error naming the
    /// subcommand that does take it, or the closest flag.
    private static func lookUp(
        _ typed: String, among flags: [FlagDescriptor], of spec: CommandSpec, subcommand: String?
    ) throws(UsageError) -> FlagDescriptor {
        if let flag = flags.first(where: { $0.name == typed }) { return flag }
        if let renamed = RenamedSpellings.flag(typed, of: spec.name) { throw UsageError(message: renamed) }
        let here = subcommand.map { "\(spec.name) \($0)" } ?? spec.name
        let owners = spec.subcommands.filter { $0.flags.contains { $0.name == typed } }.map { "`\(spec.name) \($0.name)`" }
        if !owners.isEmpty {
            throw UsageError(message: "\(typed) belongs to \(owners.joined(separator: "/")), not `\(here)`; see 'help \(spec.name)'")
        }
        let guess = Suggest.closest(to: typed, in: flags.map(\.name))
        throw UsageError(message: "\(here) has no flag \(typed)" + (guess.map { "; did you mean \($0)?" } ?? "; see 'help \(spec.name)'"))
    }
}
