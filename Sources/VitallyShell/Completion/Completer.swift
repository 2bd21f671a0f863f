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

    /// Quote-aware split of the current command: finished words (unquoted), and the word being typed, raw.
    static func split(_ head: String) -> (words: [String], raw: String) {
        var words: [String] = []
        var value = ""
        var raw = ""
        var quote: Character?
        for ch in head {
            if let q = quote {
                raw.append(ch)
                if ch == q { quote = nil } else { value.append(ch) }
                continue
            }
            switch ch {
            case "'", "\"":
                quote = ch
                raw.append(ch)
            case " ", "\t":
                if !raw.isEmpty { words.append(value) }
                value = ""
                raw = ""
            case ";":
                words = []
                value = ""
                raw = ""
            default:
                value.append(ch)
                raw.append(ch)
            }
        }
        return (words, raw)
    }

    package func candidates(before words: [String], word: String) -> [String] {
        let values = state.snapshot
        /// Options starting with the word (ignoring case and an opening quote), quoted when they hold spaces.
        func matching(_ options: [String]) -> [String] {
            let lower = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            var seen = Set<String>()
            return options.filter { $0.lowercased().hasPrefix(lower) && seen.insert($0).inserted }.map(quoteIfNeeded)
        }
        guard let first = words.first else { return matching(CommandCatalog.names) }
        guard let spec = CommandCatalog.spec(named: first.lowercased()) else { return [] }
        if let last = words.last, let flag = spec.flags.first(where: { $0.name == last }), flag.takesValue {
            return matching(flag.values)
        }
        if word.hasPrefix("-") { return matching(spec.flags.map(\.name)) }
        let positional = words.dropFirst().filter { !$0.hasPrefix("--") }
        if !spec.subcommands.isEmpty, positional.isEmpty {
            var options = spec.subcommandNames
            if spec.argument == .harFile { options += values.recordings }
            return matching(options)
        }
        if let subcommand = positional.first, spec.argumentRange(after: subcommand.lowercased()).upperBound == 0 { return [] }
        switch spec.argument {
        case .account: return matching(values.accounts)
        case .emails: return matching(values.emails)
        case .harFile: return matching(values.recordings)
        case .command: return positional.isEmpty ? matching(CommandCatalog.names) : []
        case .path:
            if positional.isEmpty { return matching(["GET"]) }
            return matching([
                "/resources/accounts", "/resources/organizations", "/resources/users", "/resources/users/search?email=",
                "/resources/admins", "/resources/notes", "/resources/tasks", "/resources/conversations",
                "/resources/npsResponses", "/resources/projects", "/resources/meetings",
                "/resources/customFields?model=accounts", "/resources/customObjects",
            ])
        case .subdomain, .none, .text: return []
        }
    }

    func quoteIfNeeded(_ s: String) -> String { s.contains(" ") ? ShellWords.quote(s) : s }
}
