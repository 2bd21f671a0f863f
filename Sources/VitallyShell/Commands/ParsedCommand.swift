import VitallyKit

/// A command line checked against its spec: subcommand, arguments, flags.
public struct ParsedCommand: Sendable, Equatable {
    public var name: String
    public var subcommand: String?
    public var arguments: [String]
    public var flags: [String: String]

    public func flag(_ name: String) -> String? { flags[name] }
    public func has(_ name: String) -> Bool { flags[name] != nil }

    /// Why a line could not be parsed, already phrased for the user.
    public struct UsageError: Error, Equatable, Sendable {
        public var message: String
        public init(message: String) { self.message = message }
    }

    public static func parse(_ words: [String]) throws(UsageError) -> (ParsedCommand, CommandSpec) {
        guard let first = words.first else { throw UsageError(message: "empty command") }
        let name = first.lowercased()
        guard let spec = CommandCatalog.spec(named: name) else {
            let guess = Suggest.closest(to: name, in: CommandCatalog.names + ["quit"])
            throw UsageError(
                message: "unknown command '\(first)'"
                    + (guess.map { "; did you mean '\($0)'?" } ?? "; type 'help' for the list of commands"))
        }
        var rest = Array(words.dropFirst())
        var flags: [String: String] = [:]
        var arguments: [String] = []
        var index = 0
        while index < rest.count {
            let word = rest[index]
            if word.hasPrefix("--") && word.count > 2 {
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
                if flag.takesValue {
                    guard let value = inlineValue ?? (index + 1 < rest.count ? rest[index + 1] : nil) else {
                        throw UsageError(message: "\(flag.name) needs a value; usage: \(spec.usage)")
                    }
                    if inlineValue == nil { index += 1 }
                    if flag.name == "--limit", (Int(value) ?? 0) <= 0 {
                        throw UsageError(message: "--limit takes a positive number, not '\(value)'")
                    }
                    if !flag.values.isEmpty, !flag.values.contains(value) {
                        throw UsageError(
                            message: "\(flag.name) takes one of \(flag.values.joined(separator: ", ")), not '\(value)'")
                    }
                    flags[flag.name] = value
                } else {
                    flags[flag.name] = "true"
                }
            } else {
                arguments.append(word)
            }
            index += 1
        }
        rest = arguments
        var subcommand: String?
        if !spec.subcommands.isEmpty, let head = rest.first {
            if spec.subcommands.contains(head.lowercased()) {
                subcommand = head.lowercased()
                rest.removeFirst()
            } else if spec.name == "accounts" {
                let guess = Suggest.closest(to: head, in: spec.subcommands)
                throw UsageError(
                    message: "accounts has no subcommand '\(head)'"
                        + (guess.map { "; did you mean 'accounts \($0)'?" } ?? "; usage: \(spec.usage)"))
            }
        }
        if spec.name == "accounts" {
            if subcommand == nil { subcommand = "list" }
            let needs = subcommand == "list" ? 0 : 1
            if subcommand != "list", rest.count > 1 { rest = [rest.joined(separator: " ")] }
            guard rest.count >= needs, subcommand != "list" || rest.isEmpty else {
                throw UsageError(message: "usage: \(spec.usage)")
            }
        } else {
            let minimum = (spec.name == "record" && subcommand == "stop") ? 0 : spec.minArguments
            if spec.argument == .account, rest.count > 1 { rest = [rest.joined(separator: " ")] }
            guard rest.count >= minimum else { throw UsageError(message: "\(spec.name) needs more; usage: \(spec.usage)") }
            guard rest.count <= spec.maxArguments || (spec.name == "record" && subcommand == "stop" && rest.isEmpty) else {
                throw UsageError(message: "too many arguments; usage: \(spec.usage)")
            }
        }
        if spec.argument == .emails, let bad = rest.first(where: { !Domain.isEmail($0) }) {
            throw UsageError(message: "\(spec.name) takes attendee email addresses; '\(bad)' is not one")
        }
        if spec.argument == .harFile, let name = rest.first, name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError(message: "\(spec.name) needs a file name; usage: \(spec.usage)")
        }
        return (ParsedCommand(name: spec.name, subcommand: subcommand, arguments: rest, flags: flags), spec)
    }
}
