import Foundation
import VitallyKit

/// Removes secrets from a typed line before it is stored in the history or redrawn on screen:
/// the value of `--token`/`-t`/`--salt` in any spacing or quoting, `--token=…`, `--salt=…`, `VITALLY_TOKEN=…`,
/// a URL's `user:password@`, and every form of the session's known secrets anywhere.
package enum LineRedactor {
    static let placeholder = Redactor.placeholder
    /// Flags whose value is a secret: the token, and a scrub's salt (it lets pseudonyms be recomputed).
    static let valueFlags: Set<String> = ["--token", "-t", "--salt"]
    static let assignmentPrefixes = ["--token=", "--salt=", "vitally_token="]

    /// A word of the line: where it is in the original characters, and its text without quotes.
    struct Word {
        var range: Range<Int>
        var text: String
    }

    /// The line with secrets replaced by `REDACTED`; unchanged when it holds none.
    package static func redact(_ line: String, secrets: [String] = []) -> String {
        var characters = Array(line)
        var replacements: [(Range<Int>, String)] = []
        for command in words(in: characters) {
            var index = 0
            while index < command.count {
                let word = command[index]
                let lower = word.text.lowercased()
                if valueFlags.contains(lower) {
                    if index + 1 < command.count { replacements.append((command[index + 1].range, placeholder)) }
                    index += 2
                    continue
                }
                if let prefix = assignmentPrefixes.first(where: { lower.hasPrefix($0) }) {
                    let name = String(word.text.prefix(prefix.count))
                    replacements.append((word.range, name + placeholder))
                }
                index += 1
            }
        }
        for (range, text) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            characters.replaceSubrange(range, with: Array(text))
        }
        let flagged = String(characters)
        return redactUserinfo(Redactor.scrub(flagged, secrets: secrets.filter { $0.count >= 4 }))
    }

    /// `https://u:pass@host` -> `https://REDACTED@host`.
    package static func redactUserinfo(_ text: String) -> String { Redactor.hidingUserinfo(text) }

    /// The words of each command (split at `;`), quotes and backslashes understood as the shell
    /// does; an unterminated quote runs to the end of the line.
    static func words(in characters: [Character]) -> [[Word]] {
        var commands: [[Word]] = [[]]
        var start: Int?
        var text = ""
        var quote: Character?
        var escaped = false
        func finish(at end: Int) {
            if let begin = start { commands[commands.count - 1].append(Word(range: begin..<end, text: text)) }
            start = nil
            text = ""
        }
        for (index, ch) in characters.enumerated() {
            if escaped {
                if ch != "\n" { text.append(ch) }  // a continued line: `--token\⏎ T` is `--token T`
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
            default:
                if start == nil { start = index }
                if ch == "\\" { escaped = true } else if ch == "'" || ch == "\"" { quote = ch } else { text.append(ch) }
            }
        }
        finish(at: characters.count)
        return commands
    }
}
