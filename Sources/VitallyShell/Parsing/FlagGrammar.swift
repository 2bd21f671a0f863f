/// The one flag grammar, shared by the shell's commands (`ParsedCommand`) and `vitally-shell`'s
/// start-up flags (`LaunchOptions`); both hand it words `ShellWords` (or the OS) already split:
/// - `--name value` and `--name=value`; at start-up also `-c value` and `-c=value`;
/// - a flag given twice is an error, never a silent overwrite, unless it is declared `repeatable`
///   (`--ics a.ics --ics b.ics`): then every value is kept, in order;
/// - `--` ends the flags: every word after it is an argument;
/// - an option's value may not look like a flag (`--title --json`): that is a missing value,
///   and a value that really starts with `-` is written attached, `--title=--json`.
enum FlagGrammar {
    typealias UsageError = ParsedCommand.UsageError

    /// The words split into arguments (with their index) and flag values by name ("" for a switch).
    struct Scan: Sendable {
        var arguments: [(index: Int, word: String)] = []
        var values: [String: String] = [:]
        /// Every value of a `repeatable` option, in the order given (`values` holds the first).
        var repeated: [String: [String]] = [:]
        /// The flags in the order given.
        var given: [FlagDescriptor] = []
    }

    /// Whether a word in a value's place would be read as a flag: `--x`, `--`, or one of the
    /// grammar's short flags (`-c`; the shell's commands have none).
    static func looksLikeFlag(_ word: String, shorts: Set<Character>) -> Bool {
        word.hasPrefix("--") || (word.count == 2 && word.hasPrefix("-") && word.last.map(shorts.contains) == true)
    }

    /// Scans `words`. `shortFlags`: whether `-x` is a flag (start-up) or an argument (in the shell);
    /// `shorts`: the one-letter flags. `lookUp` gives the descriptor a flag word names (without
    /// its `=value`), or throws the caller's own error for a flag it does not know. `argument`,
    /// when given, sees each argument as it comes (its index, and whether `--` came before it).
    /// `command` names the command in the answer to a renamed value (`brief --format json`).
    static func scan(
        _ words: [String], shortFlags: Bool, shorts: Set<Character> = [], command: String? = nil,
        lookUp: (_ name: String) throws(UsageError) -> FlagDescriptor,
        argument: ((_ index: Int, _ afterDashes: Bool) throws(UsageError) -> Void)? = nil
    ) throws(UsageError) -> Scan {
        var scan = Scan()
        var index = 0
        var flagsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            let isFlag = word.hasPrefix("--") ? word.count > 2 : (shortFlags && word.hasPrefix("-") && word.count > 1)
            if !flagsEnded && word == "--" {
                flagsEnded = true
                continue
            }
            guard !flagsEnded, isFlag else {
                try argument?(index - 1, flagsEnded)
                scan.arguments.append((index - 1, word))
                continue
            }
            let equals = word.dropFirst().firstIndex(of: "=")
            let typedName = equals.map { String(word[..<$0]) } ?? word
            let attached = equals.map { String(word[word.index(after: $0)...]) }
            let flag = try lookUp(typedName)
            let shown = typedName.hasPrefix("--") ? flag.name : typedName  // as typed: -c or --commands
            guard let valueName = flag.valueName else {
                if attached != nil { throw UsageError(message: "\(shown) takes no value; write \(shown) alone") }
                try note(flag, shown: shown, value: "", in: &scan)
                continue
            }
            let value: String
            if let attached {
                value = attached
            } else if index < words.count, !looksLikeFlag(words[index], shorts: shorts) {
                value = words[index]
                index += 1
            } else if index < words.count {
                throw UsageError(
                    message: "\(shown) needs a value: \(shown) \(valueName); a value that starts with - is written \(shown)=\(words[index].prefix(40))")
            } else {
                throw UsageError(message: "\(shown) needs a value: \(shown) \(valueName)")
            }
            try flag.check(value, in: command)
            try note(flag, shown: shown, value: value, in: &scan)
        }
        return scan
    }

    private static func note(_ flag: FlagDescriptor, shown: String, value: String, in scan: inout Scan) throws(UsageError) {
        if flag.repeatable {
            scan.repeated[flag.name, default: []].append(value)
            if scan.values[flag.name] != nil { return }
        } else if scan.values[flag.name] != nil {
            throw UsageError(message: "\(shown) is given twice; give it once")
        }
        scan.values[flag.name] = value
        scan.given.append(flag)
    }
}
