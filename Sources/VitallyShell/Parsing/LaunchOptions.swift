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
    /// `--observations FILE.sqlite`: the account-history store (was `--history`).
    package var observations: String?
    /// `--no-observations`: no account history at all (was `--no-history`).
    package var noObservations = false
    package var json = false
    package var noColor = false
    /// Print the lines behind a one-line error (a replay miss's closest recorded requests).
    package var verbose = false
    package var interactive = false
    /// One-line notes for stderr before the session starts (an old spelling that still works).
    package var notes: [String] = []

    package init() {}

    /// What the command line asks for.
    package enum Outcome: Equatable, Sendable {
        case run(LaunchOptions)
        case help
        case version
    }

    /// Why the command line was refused: the shell's own usage error, on one line, with what to type instead.
    package typealias UsageError = ParsedCommand.UsageError

    /// The start-up flags, declared as the shell's commands declare theirs (CommandSpec.swift) and
    /// parsed by the same grammar (`FlagGrammar`); `--help` prints them in this order.
    static let replay = Option<String>("--replay", value: "FILE.har", help: "Answer from this HAR recording, with no network.")
    static let record = Option<String>(
        "--record", value: "FILE.har", help: "Record every response into this HAR file (under recordings/ for a bare name).")
    static let profile = Option<String>(
        "--profile", value: "NAME",
        help: "Start with this saved profile (default: VITALLY_PROFILE, else VITALLY_TOKEN, else the profile last used).")
    static let recordMode = Option<String>(
        "--record-mode", value: RecordMode.choices,
        help: RecordMode.allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "; ") + ".")
    static let commands = Option<String>("-c", value: "COMMANDS", help: "Commands to run, separated by ';'; then exit.")
    static let script = Option<String>(
        "--script", value: "FILE", help: "Run the commands in this file, one per line ('#' starts a comment); then exit.")
    static let observations = Option<String>(
        "--observations", value: "FILE.sqlite",
        help: "Account history (health observations) from this SQLite file, made by 'history import'; the only account history "
            + "replay reads (was --history).")
    static let noObservations = Flag("--no-observations", help: "Neither read nor write the local account history (was --no-history).")
    static let json = Flag("--json", help: "Print JSON for every command.")
    static let noColor = Flag("--no-color", help: "Never colour the output.")
    static let verbose = Flag("--verbose", help: "Under a one-line error, print its detail (a replay miss's closest recorded requests).")
    static let interactive = Flag("--interactive", short: "i", help: "Use the line editor even when stdin or stdout is not a terminal.")
    static let version = Flag("--version", help: "Show the version.")
    static let help = Flag("--help", short: "h", help: "Show this help.")

    static let flags: [FlagDescriptor] = {
        let declared: [any FlagDeclaration] = [
            replay, record, profile, recordMode, commands, script, observations, noObservations, json, noColor, verbose, interactive, version, help,
        ]
        return declared.map(\.descriptor)
    }()

    /// The one-letter flags: `-c`, `-i`, `-h`.
    static let shorts: Set<Character> = Set(flags.compactMap { $0.short ?? ($0.name.count == 2 ? $0.name.last : nil) })

    /// Parses the arguments after the program's name. `--help` (or `-h`, `-help`) anywhere wins
    /// over anything else, even a mistake (`vitally-shell health --help`), then `--version`.
    package static func parse(_ arguments: [String]) throws(UsageError) -> Outcome {
        if arguments.contains(where: { $0 == "--help" || $0 == "-h" || $0 == "-help" }) { return .help }
        if arguments.contains("--version") { return .version }
        if let at = arguments.firstIndex(where: { $0.contains("\0") }) {
            throw UsageError(message: "argument \(at + 1) holds a NUL character (\\0); retype it without one")
        }
        let (arguments, notes) = renamed(arguments)
        let scan = try FlagGrammar.scan(arguments, shortFlags: true, shorts: shorts, lookUp: lookUp) { (index, afterDashes) throws(UsageError) in
            let word = arguments[index]
            if word.isEmpty { throw UsageError(message: "argument \(index + 1) is empty; vitally-shell takes only options") }
            if afterDashes { throw UsageError(message: "unexpected argument '\(word)': vitally-shell takes only options") }
            let command = arguments[index...].prefix { !$0.hasPrefix("-") }.joined(separator: " ")
            throw UsageError(message: "unexpected argument '\(word)': vitally-shell takes only options; to run a command, use -c \(ShellWords.quote(command))")
        }
        var options = LaunchOptions()
        options.notes = notes
        for flag in scan.given {
            let value = scan.values[flag.name] ?? ""
            if flag.valueName?.hasPrefix("FILE") == true, value.allSatisfy(\.isWhitespace) {
                throw UsageError(message: "\(flag.name) needs a file name: \(flag.name) \(flag.valueName ?? "")")
            }
            try options.set(flag.name, to: value)
        }
        if options.replay != nil && options.record != nil {
            throw UsageError(message: "--replay and --record cannot be combined; use --record FILE --record-mode missing to replay and add to a file")
        }
        if scan.values[recordMode.descriptor.name] != nil && options.record == nil {
            throw UsageError(message: "--record-mode applies to a recording: --record FILE.har --record-mode \(options.recordMode.rawValue)")
        }
        if options.commands != nil && options.script != nil { throw UsageError(message: "-c and --script cannot be combined; put every command in the script") }
        return .run(options)
    }

    /// The arguments with each renamed start-up flag (`--history`, `--history=F`) in its new
    /// spelling, and a note for each old one. A value is never one (the grammar takes a value that
    /// starts with `--` only attached, `-c=--history`).
    private static func renamed(_ arguments: [String]) -> (arguments: [String], notes: [String]) {
        var notes: [String] = []
        let words = arguments.map { word -> String in
            let name = String(word.prefix { $0 != "=" })
            guard let new = RenamedSpellings.launchFlags[name], let note = RenamedSpellings.launchFlag(name) else { return word }
            if !notes.contains(note) { notes.append(note) }
            return new + word.dropFirst(name.count)
        }
        return (words, notes)
    }

    /// The flag a word names (`--replay`, `-c`, `-i`), or a one-line refusal with the likely one.
    private static func lookUp(_ word: String) throws(UsageError) -> FlagDescriptor {
        if word.hasPrefix("--") {
            if let flag = flags.first(where: { $0.name == word }) { return flag }
            // --help first: a prefix such as --h is more likely help than history.
            let longs = [help.descriptor.name] + flags.map(\.name).filter { $0.hasPrefix("--") && $0 != help.descriptor.name }
            let guess = Suggest.closest(to: word, in: longs)
            throw UsageError(message: "unknown option '\(word)'" + (guess.map { "; did you mean '\($0)'?" } ?? "; 'vitally-shell --help' lists the options"))
        }
        let letters = word.dropFirst()
        if letters.count == 1, let flag = flags.first(where: { $0.short == letters.first || $0.name == word }) { return flag }
        if let long = flags.first(where: { $0.name == "--" + letters }) {
            throw UsageError(message: "unknown option '\(word)'; did you mean '\(long.name)'?")
        }
        let shortNames = flags.compactMap { flag in flag.short.map { "-" + String($0) } ?? (flag.name.count == 2 ? flag.name : nil) }
        throw UsageError(message: "unknown option '\(word)'; the short options are \(shortNames.joined(separator: ", ")), and 'vitally-shell --help' lists the rest")
    }

    private mutating func set(_ name: String, to value: String) throws(UsageError) {
        switch name {
        case Self.replay.descriptor.name: replay = value
        case Self.record.descriptor.name: record = value
        case Self.profile.descriptor.name: profile = value
        case Self.commands.descriptor.name: commands = value
        case Self.script.descriptor.name: script = value
        case Self.observations.descriptor.name: observations = value
        case Self.recordMode.descriptor.name:
            guard let mode = RecordMode(rawValue: value.lowercased()) else {
                throw UsageError(message: "--record-mode takes \(RecordMode.choices), not '\(value)'")
            }
            recordMode = mode
        case Self.noObservations.descriptor.name: noObservations = true
        case Self.json.descriptor.name: json = true
        case Self.noColor.descriptor.name: noColor = true
        case Self.verbose.descriptor.name: verbose = true
        case Self.interactive.descriptor.name: interactive = true
        default: break
        }
    }
}
