import Foundation

/// One `--flag` as everything that reads flags sees it: the parser (in the shell and at start-up),
/// `help` and the usage lines, TAB completion, history redaction, the fuzz harness and the README.
/// Declared through `Flag` (a switch) or `Option<Value>` (takes a value); see CommandSpec.swift.
package struct FlagDescriptor: Sendable, Hashable {
    /// `--salt`.
    package let name: String
    /// A one-letter spelling (`-c`), used only by the start-up flags.
    package let short: Character?
    /// The value's placeholder in usage and help (`S`, `N`, `FILE`); nil for a switch.
    package let valueName: String?
    /// When not empty, the only values accepted (and offered on TAB).
    package let choices: [String]
    /// A whole-number value must lie in this range (checked by the parser).
    package let limits: ClosedRange<Int>?
    /// Its value is a secret: replaced by `REDACTED` in the history and on the redrawn line.
    package let secret: Bool
    /// What TAB offers for the value when there are no `choices`.
    package let completion: ArgumentKind
    package let help: String
    /// May be given more than once (`--ics a.ics --ics b.ics`), read as `options.all(…)`; every
    /// other flag given twice is an error.
    package var repeatable = false
    /// Old values and the spelling that replaced each (`brief --format json` is `--json`): the
    /// grammar answers an old value with the new spelling rather than "takes one of".
    package var renamedValues: [String: String] = [:]

    package var takesValue: Bool { valueName != nil }

    /// `[--salt S]`, `[--json]`, as the usage lines show it.
    package var synopsis: String { "[" + name + (valueName.map { " " + $0 } ?? "") + "]" }

    /// Refuses a value the flag does not take, with a one-line reason; `command` names the command
    /// in the answer to a renamed value.
    func check(_ value: String, in command: String? = nil) throws(ParsedCommand.UsageError) {
        if let renamed = renamedValues[value] {
            throw .init(message: RenamedSpellings.value(value, of: name, in: command, now: renamed))
        }
        if let limits {
            guard let number = Int(value.trimmingCharacters(in: .whitespaces)), limits.contains(number) else {
                if limits.upperBound == Int.max, limits.lowerBound == 1 {
                    throw .init(message: "\(name) takes a positive number, not '\(value.prefix(40))'")
                }
                throw .init(message: "\(name) takes a whole number from \(limits.lowerBound) to \(limits.upperBound), not '\(value.prefix(40))'")
            }
        }
        if !choices.isEmpty, !choices.contains(value) {
            throw .init(message: "\(name) takes one of \(choices.joined(separator: ", ")), not '\(value.prefix(40))'")
        }
    }
}

/// Anything that declares a flag: `Flag` and every `Option<Value>`.
package protocol FlagDeclaration: Sendable {
    var descriptor: FlagDescriptor { get }
}

/// A switch, present or not: `static let force = Flag("--force", help: "…")`, read as `options[Self.force]`.
package struct Flag: FlagDeclaration {
    package let descriptor: FlagDescriptor

    package init(_ name: String, short: Character? = nil, help: String) {
        descriptor = FlagDescriptor(
            name: name, short: short, valueName: nil, choices: [], limits: nil, secret: false, completion: .none, help: help)
    }
}

/// A flag with a value: `static let salt = Option<String>("--salt", value: "S", secret: true, help: "…")`,
/// read as `options[Self.salt]` (a `String?`); with `repeatable: true` it may be given several times,
/// read as `options.all(Self.ics)` (every value, in order). `Option<Int>` takes `limits`; an enum conforming to
/// `FlagChoice` gives its cases as the choices.
package struct Option<Value: FlagValue>: FlagDeclaration {
    package let descriptor: FlagDescriptor

    package init(
        _ name: String, short: Character? = nil, value: String? = nil, choices: [String]? = nil, limits: ClosedRange<Int>? = nil,
        completion: ArgumentKind = .none, secret: Bool = false, repeatable: Bool = false, renamedValues: [String: String] = [:],
        help: String
    ) {
        let choices = choices ?? Value.choices
        descriptor = FlagDescriptor(
            name: name, short: short, valueName: value ?? (choices.isEmpty ? Value.placeholder : choices.joined(separator: "|")),
            choices: choices, limits: limits ?? Value.limits, secret: secret, completion: completion, help: help,
            repeatable: repeatable, renamedValues: renamedValues)
    }
}

/// A type an `Option` can hold: how its value is written and read back.
package protocol FlagValue: Sendable {
    /// The placeholder when the declaration names none (`TEXT`, `N`).
    static var placeholder: String { get }
    static var choices: [String] { get }
    static var limits: ClosedRange<Int>? { get }
    /// The value from its text; the parser has already checked choices and limits.
    init?(flagValue: String)
}

extension FlagValue {
    package static var choices: [String] { [] }
    package static var limits: ClosedRange<Int>? { nil }
}

extension String: FlagValue {
    package static var placeholder: String { "TEXT" }
    package init?(flagValue: String) { self = flagValue }
}

extension Int: FlagValue {
    package static var placeholder: String { "N" }
    /// Without `limits`, a count: a whole number above zero.
    package static var limits: ClosedRange<Int>? { 1...Int.max }
    package init?(flagValue: String) { self.init(flagValue.trimmingCharacters(in: .whitespaces)) }
}

/// An enum whose raw values are the flag's choices: `extension AccountStatus: FlagChoice {}`.
package protocol FlagChoice: FlagValue, CaseIterable, RawRepresentable where RawValue == String {}

extension FlagChoice {
    package static var placeholder: String { choices.joined(separator: "|") }
    package static var choices: [String] { allCases.map(\.rawValue) }
    package init?(flagValue: String) { self.init(rawValue: flagValue) }
}
