import VitallyKit

/// Splits a line the way a shell would: single and double quotes, backslash escapes,
/// `;` between commands, `#` starting a comment at the beginning of a word, and a backslash
/// before a newline joining the lines (it is removed, as in `sh`).
package enum ShellWords {
    package enum Failure: Error, Equatable, Sendable {
        /// The line ends inside a quote or after a backslash: read another line and join.
        case unterminated(String)
    }

    /// A word of a line: where it is in the line's characters, and its text without quotes.
    package struct Token: Sendable, Equatable {
        package var range: Range<Int>
        package var text: String
    }

    /// The line's commands as tokens, and how it ends. The one tokenizer: the shell's commands
    /// (`split`), TAB completion (`Completer`) and history redaction (`LineRedactor`) all use it.
    /// `comments`: whether `#` at a word's start ends the line (it does when running; the
    /// redactor reads the comment too, since a secret may be pasted there).
    package struct Tokens: Sendable {
        /// The words of each command; a `;` starts a new (possibly empty) command.
        package var commands: [[Token]]
        /// The line ends inside this quote (the last token runs to the end).
        package var openQuote: Character?
        /// The line ends with a backslash.
        package var endsEscaped: Bool
        /// The last token reaches the end of the line (it is the word being typed).
        package var endsInWord: Bool
    }

    package static func tokens(_ characters: [Character], comments: Bool) -> Tokens {
        var commands: [[Token]] = [[]]
        var start: Int?
        var text = ""
        var quote: Character?
        var escaped = false
        var content = false  // a quote or a character: a line continuation alone makes no word
        func finish(at end: Int) {
            if let begin = start, content { commands[commands.count - 1].append(Token(range: begin..<end, text: text)) }
            start = nil
            text = ""
            content = false
        }
        var index = 0
        while index < characters.count {
            let ch = characters[index]
            defer { index += 1 }
            if escaped {
                if ch != "\n" {  // a continued line: `--token\⏎ T` is `--token T`
                    text.append(ch)
                    content = true
                }
                escaped = false
                continue
            }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escaped = true } else { text.append(ch) }
                continue
            }
            switch ch {
            case " ", "\t", "\n", "\r":
                finish(at: index)
            case ";":
                finish(at: index)
                commands.append([])
            case "#" where comments && start == nil:
                return Tokens(commands: commands, openQuote: nil, endsEscaped: false, endsInWord: false)
            default:
                if start == nil { start = index }
                if ch == "\\" { escaped = true } else if ch == "'" || ch == "\"" { quote = ch } else { text.append(ch) }
                content = content || ch != "\\"
            }
        }
        let inWord = start != nil && (content || escaped || quote != nil)
        finish(at: characters.count)
        return Tokens(commands: commands, openQuote: quote, endsEscaped: escaped, endsInWord: inWord)
    }

    /// The commands of a line, each as its words; empty commands are dropped.
    package static func split(_ line: String) throws(Failure) -> [[String]] {
        let tokens = tokens(Array(line), comments: true)
        if tokens.openQuote != nil { throw .unterminated("a quote is not closed") }
        if tokens.endsEscaped { throw .unterminated("the line ends with a backslash") }
        return tokens.commands.map { $0.map(\.text) }.filter { !$0.isEmpty }
    }

    /// Quotes a word for display if it needs it.
    package static func quote(_ word: String) -> String {
        if word.isEmpty { return "''" }
        if word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./@:=+,".contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Closest-word suggestions for typos (`acounts` -> `accounts`).
enum Suggest {
    package static func closest(to word: String, in candidates: [String], maxDistance: Int = 2) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= max(maxDistance, word.count / 3) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        if let best = scored.first { return best.0 }
        return candidates.first { $0.hasPrefix(word.lowercased()) && word.count >= 2 }
    }

    /// Damerau-Levenshtein (optimal string alignment) distance.
    static func distance(_ a: String, _ b: String) -> Int { EditDistance.between(a, b) }
}
