import VitallyKit

/// A command line checked against its spec: subcommand, arguments, flags.
package struct ParsedCommand: Sendable, Equatable {
    package var name: String
    package var subcommand: String?
    package var arguments: [String]
    package var flags: [String: String]

    package func flag(_ name: String) -> String? { flags[name] }
    package func has(_ name: String) -> Bool { flags[name] != nil }
    /// Every value of a repeatable flag, in the order given (the parser joins them with NUL, which no word holds).
    func values(_ name: String) -> [String] { flags[name].map { $0.components(separatedBy: "\0") } ?? [] }
    /// A `positiveNumber` flag's value (the parser checked it).
    func number(_ name: String) -> Int? { flags[name].flatMap { Int($0) } }

    /// Why a line could not be parsed, already phrased for the user.
    package struct UsageError: Error, Equatable, Sendable {
        package var message: String
        /// The message on one line: a quoted word may hold a newline, shown as `\n`.
        package init(message: String) {
            self.message = message.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        }
    }

    package static func parse(_ words: [String]) throws(UsageError) -> (ParsedCommand, CommandSpec) {
        guard let first = words.first else { throw UsageError(message: "empty command") }
        if let at = words.firstIndex(where: { $0.contains("\0") }) {
            throw UsageError(message: "word \(at + 1) of the command holds a NUL character (\\0); retype it without one")
        }
        let name = first.lowercased()
        guard let spec = CommandCatalog.spec(named: name) else {
            let guess = Suggest.closest(to: name, in: CommandCatalog.names + ["quit"])
            throw UsageError(
                message: "unknown command '\(first)'"
                    + (guess.map { "; did you mean '\($0)'?" } ?? "; type 'help' for the list of commands"))
        }
        var (arguments, flags) = try parseFlags(Array(words.dropFirst()), of: spec)
        var subcommand: String?
        if let head = arguments.first, spec.subcommandNames.contains(head.lowercased()) {
            subcommand = head.lowercased()
            arguments.removeFirst()
        } else if let head = arguments.first, spec.defaultSubcommand != nil {
            let guess = Suggest.closest(to: head, in: spec.subcommandNames)
            throw UsageError(
                message: "\(spec.name) has no subcommand '\(head)'"
                    + (guess.map { "; did you mean '\(spec.name) \($0)'?" } ?? "; usage: \(spec.usage)"))
        } else {
            subcommand = spec.defaultSubcommand
        }
        let range = spec.argumentRange(after: subcommand)
        if spec.argument == .account, range.upperBound == 1, arguments.count > 1 {
            arguments = [arguments.joined(separator: " ")]  // an unquoted name: health Acme Corp
        }
        guard arguments.count >= range.lowerBound else {
            throw UsageError(message: "\(spec.name) needs more; usage: \(spec.usage)")
        }
        guard arguments.count <= range.upperBound else { throw UsageError(message: "too many arguments; usage: \(spec.usage)") }
        if spec.argument == .emails, let bad = arguments.first(where: { !Domain.isEmail($0) }) {
            throw UsageError(message: "\(spec.name) takes attendee email addresses; '\(bad)' is not one")
        }
        if spec.argument == .harFile, let name = arguments.first, name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError(message: "\(spec.name) needs a file name; usage: \(spec.usage)")
        }
        return (ParsedCommand(name: spec.name, subcommand: subcommand, arguments: arguments, flags: flags), spec)
    }

    /// Splits the words after the command name into arguments and checked `--flag` values.
    static func parseFlags(_ words: [String], of spec: CommandSpec) throws(UsageError) -> ([String], [String: String]) {
        var flags: [String: String] = [:]
        var arguments: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("--") && word.count > 2 else {
                arguments.append(word)
                continue
            }
            var flagName = word
            var inlineValue: String?
            if let eq = word.firstIndex(of: "=") {
                flagName = String(word[..<eq])
                inlineValue = String(word[word.index(after: eq)...])
            }
            guard let flag = spec.flags.first(where: { $0.name == flagName }) else {
                let guess = Suggest.closest(to: flagName, in: spec.flags.map(\.name))
                throw UsageError(
                    message: "\(spec.name) has no flag \(flagName)"
                        + (guess.map { "; did you mean \($0)?" } ?? "; see 'help \(spec.name)'"))
            }
            guard flag.takesValue else {
                flags[flag.name] = "true"
                continue
            }
            guard let value = inlineValue ?? (index < words.count ? words[index] : nil) else {
                throw UsageError(message: "\(flag.name) needs a value; usage: \(spec.usage)")
            }
            if inlineValue == nil { index += 1 }
            if flag.positiveNumber, (Int(value) ?? 0) <= 0 {
                throw UsageError(message: "\(flag.name) takes a positive number, not '\(value)'")
            }
            if !flag.values.isEmpty, !flag.values.contains(value) {
                throw UsageError(message: "\(flag.name) takes one of \(flag.values.joined(separator: ", ")), not '\(value)'")
            }
            flags[flag.name] = flag.repeatable ? flags[flag.name].map { $0 + "\0" + value } ?? value : value
        }
        return (arguments, flags)
    }
}
