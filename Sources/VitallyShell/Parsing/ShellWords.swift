/// Splits a line the way a shell would: single and double quotes, backslash escapes,
/// `;` between commands, `#` starting a comment at the beginning of a word, and a backslash
/// before a newline joining the lines (it is removed, as in `sh`).
package enum ShellWords {
    package enum Failure: Error, Equatable, Sendable {
        /// The line ends inside a quote or after a backslash: read another line and join.
        case unterminated(String)
    }

    /// The commands of a line, each as its words; empty commands are dropped.
    package static func split(_ line: String) throws(Failure) -> [[String]] {
        var commands: [[String]] = []
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for ch in line {
            if escaped {
                if ch != "\n" {
                    word.append(ch)
                    inWord = true
                }
                escaped = false
                continue
            }
            if let q = quote {
                if ch == q {
                    quote = nil
                } else if ch == "\\" && q == "\"" {
                    escaped = true
                } else {
                    word.append(ch)
                }
                continue
            }
            switch ch {
            case "\\":
                escaped = true
            case "'", "\"":
                quote = ch
                inWord = true
            case " ", "\t", "\n", "\r":
                if inWord { words.append(word); word = ""; inWord = false }
            case ";":
                if inWord { words.append(word); word = ""; inWord = false }
                if !words.isEmpty { commands.append(words) }
                words = []
            case "#" where !inWord:
                if !words.isEmpty { commands.append(words) }
                return commands
            default:
                word.append(ch)
                inWord = true
            }
        }
        if quote != nil { throw .unterminated("a quote is not closed") }
        if escaped { throw .unterminated("the line ends with a backslash") }
        if inWord { words.append(word) }
        if !words.isEmpty { commands.append(words) }
        return commands
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
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
