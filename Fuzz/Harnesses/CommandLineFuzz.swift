import Foundation
@testable import VitallyShell

/// A stand-in session token the redactor must always remove, wherever the input puts it.
let fuzzToken = "sk_test_fuzzT0ken+/=%"

/// libFuzzer entry: any typed line splits into commands or asks for another line; each command
/// parses against the real command registry or fails with a one-line usage error; a parsed
/// command only holds its spec's flags, with checked values; raw's path check answers; the
/// history copy of the line holds no token, neither the session's nor one given to `--token`;
/// nothing of it reaches a terminal able to act.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let typed = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    expectInert(typed)
    // `@T` in the input stands for the session token, so the fuzzer can place it anywhere.
    let line = typed.replacingOccurrences(of: "@T", with: fuzzToken)
    let stored = LineRedactor.redact(line, secrets: [fuzzToken])
    if contains(stored, fuzzToken) { fatalError("the history copy keeps the token: \(Array(stored.utf8))") }
    guard let commands = try? ShellWords.split(line) else { return 0 }
    var givesASecret = false
    for words in commands where !words.isEmpty {
        do {
            let (command, spec) = try ParsedCommand.parse(words)
            check(command, against: spec)
            givesASecret = givesASecret || secretFlags.contains { command.options.values[$0] != nil }
        } catch {
            if error.message.contains("\n") { fatalError("a usage error spans lines: \(error.message)") }
            expectInert(error.message)
        }
        for word in words {
            _ = RawPath.isUnsafe(word)
            _ = RawPath.keepingPlus(word)
        }
    }
    if givesASecret { expectRedacted(stored) }
    return 0
}

/// Flags whose value the parser hands over as a secret: those the descriptors declare `secret`.
let secretFlags = CommandCatalog.secretFlagNames

/// Traps unless every secret flag the parser finds in the history copy of a line is `REDACTED`:
/// whatever the spelling, the redactor and the parser must agree on where the value is.
func expectRedacted(_ stored: String) {
    for words in (try? ShellWords.split(stored)) ?? [] where !words.isEmpty {
        guard let (command, _) = try? ParsedCommand.parse(words) else { continue }
        for name in secretFlags {
            if let value = command.options.values[name], value != LineRedactor.placeholder {
                fatalError("the history copy keeps \(name) '\(value)': \(Array(stored.utf8))")
            }
        }
    }
}

/// Traps unless `text` shows on a terminal with no control character left but our colours.
func expectInert(_ text: String) {
    let shown = TerminalSanitizer.visible(text, keepingColours: true)
    if TerminalSanitizer.needsWork(shown.replacingOccurrences(of: "\u{1B}[", with: "")) {
        fatalError("a control character got through: \(Array(shown.utf8))")
    }
}

/// Traps unless the parsed command is one the spec allows: only the flags its subcommand's
/// descriptors declare, each value within the descriptor's choices and limits.
func check(_ command: ParsedCommand, against spec: CommandSpec) {
    guard CommandCatalog.spec(named: command.name)?.name == spec.name else { fatalError("parsed into an unknown command \(command.name)") }
    let allowed = spec.flags(of: command.subcommand)
    for (name, value) in command.options.values {
        guard let flag = allowed.first(where: { $0.name == name }) else {
            fatalError("\(spec.name) \(command.subcommand ?? "") got flag \(name) it does not have")
        }
        if !flag.takesValue, !value.isEmpty { fatalError("\(name) took the value '\(value)'") }
        if let limits = flag.limits, !(Int(value.trimmingCharacters(in: .whitespaces)).map(limits.contains) ?? false) {
            fatalError("\(name) accepted '\(value)'")
        }
        if !flag.choices.isEmpty, !flag.choices.contains(value) { fatalError("\(name) accepted '\(value)'") }
    }
    if let subcommand = command.subcommand, !spec.subcommandNames.contains(subcommand), subcommand != spec.defaultSubcommand {
        fatalError("\(spec.name) got subcommand \(subcommand)")
    }
    let range = spec.argumentRange(after: command.subcommand)
    if !range.contains(command.arguments.count) { fatalError("\(spec.name) took \(command.arguments.count) arguments") }
}

/// Whether `needle`'s bytes occur in `text` (byte-wise, so a combining mark cannot hide them).
func contains(_ text: String, _ needle: String) -> Bool {
    let haystack = Array(text.utf8)
    let pattern = Array(needle.utf8)
    guard haystack.count >= pattern.count else { return false }
    for start in 0...(haystack.count - pattern.count) where haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
        return true
    }
    return false
}
