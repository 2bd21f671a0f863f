/// `vitally-shell`'s start-up flags (the command contract in DESIGN.md), parsed by hand.
///
/// swift-argument-parser built its model of these ten flags by reflection on every start, a
/// third of a bare start's time; this table-driven parser costs microseconds and gives one-line errors.
package struct LaunchOptions: Equatable, Sendable {
    package var replay: String?
    package var record: String?
    /// The saved profile to start with (else `VITALLY_PROFILE`, else the variables or the current profile).
    package var profile: String?
    package var recordMode: RecordMode = .all
    package var commands: String?
    package var script: String?
    package var history: String?
    package var noHistory = false
    package var json = false
    package var noColor = false
    package var interactive = false

    package init() {}

    /// What the command line asks for.
    package enum Outcome: Equatable, Sendable {
        case run(LaunchOptions)
        case help
        case version
    }

    /// Why the command line was refused: the shell's own usage error, on one line, with what to type instead.
    package typealias UsageError = ParsedCommand.UsageError

    /// One flag of the table: its names, its value's placeholder (nil for a switch), its help.
    struct Spec: Sendable {
        enum ID: Sendable { case replay, record, profile, recordMode, commands, script, history, noHistory, json, noColor, interactive, version, help }
        let id: ID
        let long: String?
        let short: Character?
        let value: String?
        let help: String

        var display: String { long.map { "--" + $0 } ?? short.map { "-" + String($0) } ?? "" }
    }

    static let specs: [Spec] = [
        Spec(id: .replay, long: "replay", short: nil, value: "FILE.har", help: "Answer from this HAR recording, with no network."),
        Spec(id: .record, long: "record", short: nil, value: "FILE.har",
             help: "Record every response into this HAR file (under recordings/ for a bare name)."),
        Spec(id: .profile, long: "profile", short: nil, value: "NAME",
             help: "Start with this saved profile (default: VITALLY_PROFILE, else VITALLY_TOKEN, else the profile last used)."),
        Spec(id: .recordMode, long: "record-mode", short: nil, value: RecordMode.choices,
             help: RecordMode.allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "; ") + "."),
        Spec(id: .commands, long: nil, short: "c", value: "COMMANDS", help: "Commands to run, separated by ';'; then exit."),
        Spec(id: .script, long: "script", short: nil, value: "FILE",
             help: "Run the commands in this file, one per line ('#' starts a comment); then exit."),
        Spec(id: .history, long: "history", short: nil, value: "FILE.sqlite",
             help: "Account history from this SQLite file (made by 'history import'); the only history replay reads."),
        Spec(id: .noHistory, long: "no-history", short: nil, value: nil, help: "Neither read nor write the local account history."),
        Spec(id: .json, long: "json", short: nil, value: nil, help: "Print JSON for every command."),
        Spec(id: .noColor, long: "no-color", short: nil, value: nil, help: "Never colour the output."),
        Spec(id: .interactive, long: "interactive", short: "i", value: nil,
             help: "Use the line editor even when stdin or stdout is not a terminal."),
        Spec(id: .version, long: "version", short: nil, value: nil, help: "Show the version."),
        Spec(id: .help, long: "help", short: "h", value: nil, help: "Show this help."),
    ]

    /// Parses the arguments after the program's name. `--help` (or `-h`, `-help`) anywhere wins
    /// over anything else, even a mistake (`vitally-shell health --help`), then `--version`.
    package static func parse(_ arguments: [String]) throws(UsageError) -> Outcome {
        if arguments.contains(where: { $0 == "--help" || $0 == "-h" || $0 == "-help" }) { return .help }
        if arguments.contains("--version") { return .version }
        var options = LaunchOptions()
        var given: [Spec.ID] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word.contains("\0") { throw UsageError(message: "argument \(index) holds a NUL character (\\0); retype it without one") }
            if word.isEmpty { throw UsageError(message: "argument \(index) is empty; vitally-shell takes only options") }
            guard word.count > 1, word.hasPrefix("-") else {
                let command = arguments[(index - 1)...].prefix { !$0.hasPrefix("-") }.joined(separator: " ")
                throw UsageError(message: "unexpected argument '\(word)': vitally-shell takes only options; to run a command, use -c \(ShellWords.quote(command))")
            }
            if word == "--" {
                if index < arguments.count {
                    throw UsageError(message: "unexpected argument '\(arguments[index])': vitally-shell takes only options")
                }
                break
            }
            let (spec, attached) = try lookUp(word)
            let shown = word.hasPrefix("--") ? spec.display : spec.short.map { "-" + String($0) } ?? spec.display  // as typed
            guard spec.value != nil else {
                if attached != nil { throw UsageError(message: "\(shown) takes no value; write \(shown) alone") }
                try options.set(spec.id, to: nil)
                continue
            }
            let value: String
            if let attached {
                value = attached
            } else if index < arguments.count, !looksLikeOption(arguments[index]) {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError(message: "\(shown) needs a value: \(shown) \(spec.value ?? "")")
            }
            if spec.value?.hasPrefix("FILE") == true, value.allSatisfy(\.isWhitespace) {
                throw UsageError(message: "\(shown) needs a file name: \(shown) \(spec.value ?? "")")
            }
            if given.contains(spec.id) { throw UsageError(message: "\(shown) is given twice; give it once") }
            given.append(spec.id)
            try options.set(spec.id, to: value)
        }
        if options.replay != nil && options.record != nil {
            throw UsageError(message: "--replay and --record cannot be combined; use --record FILE --record-mode missing to replay and add to a file")
        }
        if given.contains(.recordMode) && options.record == nil {
            throw UsageError(message: "--record-mode applies to a recording: --record FILE.har --record-mode \(options.recordMode.rawValue)")
        }
        if options.commands != nil && options.script != nil { throw UsageError(message: "-c and --script cannot be combined; put every command in the script") }
        return .run(options)
    }

    /// The spec a word names, and the value after its `=` (`--replay=a.har`).
    private static func lookUp(_ word: String) throws(UsageError) -> (Spec, String?) {
        if word.hasPrefix("--") {
            let body = word.dropFirst(2)
            let name = body.prefix { $0 != "=" }
            let attached = name.count < body.count ? String(body[body.index(after: name.endIndex)...]) : nil
            if let spec = specs.first(where: { $0.long == String(name) }) { return (spec, attached) }
            // --help first: a prefix such as --h is more likely help than history.
            let longs = (specs.filter { $0.id == .help } + specs.filter { $0.id != .help }).compactMap { $0.long.map { "--" + $0 } }
            let guess = Suggest.closest(to: "--" + name, in: longs)
            throw UsageError(message: "unknown option '--\(name)'" + (guess.map { "; did you mean '\($0)'?" } ?? "; 'vitally-shell --help' lists the options"))
        }
        let letters = word.dropFirst()
        if letters.count == 1, let spec = specs.first(where: { $0.short == letters.first }) { return (spec, nil) }
        if letters.dropFirst().first == "=", let spec = specs.first(where: { $0.short == letters.first }) {
            return (spec, String(letters.dropFirst(2)))  // -c=status
        }
        if let long = specs.first(where: { $0.long == String(letters.prefix { $0 != "=" }) }) {
            throw UsageError(message: "unknown option '\(word)'; did you mean '--\(long.long ?? "")'?")
        }
        let shorts = specs.compactMap { $0.short.map { "-" + String($0) } }.joined(separator: ", ")
        throw UsageError(message: "unknown option '\(word)'; the short options are \(shorts), and 'vitally-shell --help' lists the rest")
    }

    /// Whether a word after a value option is another option (`-c --json`: -c's value is missing).
    private static func looksLikeOption(_ word: String) -> Bool {
        if word.hasPrefix("--") { return true }
        return word.count == 2 && specs.contains { $0.short == word.last }
    }

    private mutating func set(_ id: Spec.ID, to value: String?) throws(UsageError) {
        switch id {
        case .replay: replay = value
        case .record: record = value
        case .profile: profile = value
        case .commands: commands = value
        case .script: script = value
        case .history: history = value
        case .recordMode:
            guard let mode = value.flatMap({ RecordMode(rawValue: $0.lowercased()) }) else {
                throw UsageError(message: "--record-mode takes \(RecordMode.choices), not '\(value ?? "")'")
            }
            recordMode = mode
        case .noHistory: noHistory = true
        case .json: json = true
        case .noColor: noColor = true
        case .interactive: interactive = true
        case .version, .help: break
        }
    }
}
