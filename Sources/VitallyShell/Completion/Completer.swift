import Foundation
import VitallyKit

/// TAB completion: command names, subcommands, flags, flag values, and argument values.
/// Pure: the line editor hands in the text before the cursor and inserts what comes back.
package struct Completer: Sendable {
    package let state: CompletionState

    package init(state: CompletionState) { self.state = state }

    /// Candidates for the word being typed at the end of `head`, and that partial word.
    /// `word` is the text to replace, as typed (an opening quote included).
    package func complete(_ head: String) -> (word: String, candidates: [String]) {
        let (words, raw) = Completer.split(head)
        return (raw, candidates(before: words, word: raw))
    }

    /// The current command's finished words (unquoted), and the word being typed, raw (an
    /// opening quote included), split by `ShellWords`, the shell's own tokenizer.
    static func split(_ head: String) -> (words: [String], raw: String) {
        let characters = Array(head)
        let tokens = ShellWords.tokens(characters, comments: false)
        var command = tokens.commands.last ?? []
        guard tokens.endsInWord, let typing = command.popLast() else { return (command.map(\.text), "") }
        return (command.map(\.text), String(characters[typing.range]))
    }

    package func candidates(before words: [String], word: String) -> [String] {
        let values = state.snapshot
        guard let first = words.first else { return matching(CommandCatalog.names, word) }
        guard let spec = CommandCatalog.spec(named: first.lowercased()) else { return [] }
        let typed = words.dropFirst()
        let named = typed.first.map { $0.lowercased() }.flatMap { spec.subcommandNames.contains($0) ? $0 : nil }
        let implied = typed.isEmpty ? nil : spec.impliedSubcommand
        // Before a subcommand is chosen (or implied), every flag of the command is a candidate.
        let flags = (named ?? implied) == nil && spec.bare ? spec.allFlags : spec.flags(of: named ?? implied ?? spec.defaultSubcommand)
        if let last = words.last, let flag = flags.first(where: { $0.name == last }), flag.takesValue {
            return flag.choices.isEmpty
                ? self.values(of: flag.completion, for: spec.name, positional: [], values, word) : matching(flag.choices, word)
        }
        if word.hasPrefix("-") { return matching(flags.map(\.name), word) }
        let positional = typed.filter { !$0.hasPrefix("--") }
        if !spec.subcommands.isEmpty, positional.isEmpty {
            var options = spec.subcommandNames
            if spec.argument == .harFile { options += values.recordings }
            return matching(options, word)
        }
        if let head = positional.first, spec.argumentRange(after: head.lowercased()).upperBound == 0 { return [] }
        return self.values(of: spec.argumentKind(after: named), for: spec.name, positional: Array(positional), values, word)
    }

    /// Options starting with the word (ignoring case and an opening quote), quoted when they hold spaces.
    func matching(_ options: [String], _ word: String) -> [String] {
        let lower = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        var seen = Set<String>()
        return options.filter { $0.lowercased().hasPrefix(lower) && seen.insert($0).inserted }.map(quoteIfNeeded)
    }

    /// What TAB offers for an argument (or a flag's value) of this kind, to `command`; in a
    /// replay, only the accounts and emails the recording answers for that command.
    func values(of kind: ArgumentKind, for command: String, positional: [String], _ values: CompletionState.Values, _ word: String)
        -> [String]
    {
        switch kind {
        case .account: return matching(values.answers?.accountWords(for: command) ?? values.accounts, word)
        case .emails: return matching(values.answers?.emailWords(for: command) ?? values.emails, word)
        case .harFile: return matching(values.recordings, word)
        case .command: return positional.isEmpty ? matching(CommandCatalog.names, word) : []
        case .path:
            if positional.isEmpty { return matching(["GET"], word) }
            return matching([
                "/resources/accounts", "/resources/organizations", "/resources/users", "/resources/users/search?email=",
                "/resources/admins", "/resources/notes", "/resources/tasks", "/resources/conversations",
                "/resources/npsResponses", "/resources/projects", "/resources/meetings",
                "/resources/customFields?model=accounts", "/resources/customObjects",
            ], word)
        case .subdomain, .none, .text: return []
        }
    }

    func quoteIfNeeded(_ s: String) -> String { s.contains(" ") ? ShellWords.quote(s) : s }
}
