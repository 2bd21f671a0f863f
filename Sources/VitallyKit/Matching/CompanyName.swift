import Foundation

/// Company-name comparison for the last matching rule: case, punctuation and legal suffixes
/// (Inc, LLC, Ltd, GmbH, Corp, ...) are ignored; similarity is Jaro-Winkler on the rest.
package enum CompanyName {
    static let legalSuffixes: Set<String> = [
        "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "corp", "corporation", "co", "company", "plc", "sa",
        "ag", "bv", "nv", "srl", "sas", "pty", "oy", "ab", "as", "kk", "llp", "lp", "the",
    ]

    /// `Acme, Inc.` -> `["acme"]`
    package static func tokens(_ name: String) -> [String] {
        // Once per account name in every audit and every name comparison: ASCII names (nearly
        // all) are cut on their bytes; others take the Character path (`tokensOfCharacters`).
        guard name.isASCIIText else { return tokensOfCharacters(name) }
        var text = name
        return text.withUTF8 { bytes in
            var words: [String] = []
            var start = -1
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x20
                let wordByte = byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
                if wordByte {
                    if start < 0 { start = index }
                    continue
                }
                guard start >= 0 else { continue }
                let word = String(unsafeUninitializedCapacity: index - start) { out in
                    for at in start..<index { out[at - start] = bytes[at] &- 0x41 < 26 ? bytes[at] | 0x20 : bytes[at] }
                    return index - start
                }
                if !legalSuffixes.contains(word) { words.append(word) }
                start = -1
            }
            return words
        }
    }

    /// `tokens` by Characters: the rules as written, for any text (the ASCII path must agree with it).
    package static func tokensOfCharacters(_ name: String) -> [String] {
        let cleaned = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(cleaned).split(separator: " ").map(String.init).filter { !legalSuffixes.contains($0) }
    }

    package static func normalize(_ name: String) -> String { tokens(name).joined(separator: " ") }

    /// How well a meeting title or a domain label names this account, 0...1.
    package static func score(accountName: String, title: String?, domainLabel: String?) -> Double {
        score(accountName: accountName, titleWords: title.map(tokens), domainLabel: domainLabel)
    }

    /// The same, with the title split once for every account name it is compared with.
    package static func score(accountName: String, titleWords: [String]?, domainLabel: String?) -> Double {
        let name = tokens(accountName)
        guard comparable(name) else { return 0 }
        var best = 0.0
        if let words = titleWords {
            if contains(words, phrase: name) { best = 1 }
            else if name.count > 1, contains(words, phrase: [name[0]]), name[0].count >= 4 { best = max(best, 0.8) }
        }
        if let label = domainLabel?.lowercased(), label.count >= 3 {
            let joined = name.joined()
            if label == joined { best = max(best, 1) }
            else { best = max(best, jaroWinkler(label, joined)) }
            if name[0].count >= 4, label == name[0] { best = max(best, 0.9) }
        }
        return best
    }

    /// Whether a name's tokens can be compared at all: something besides legal suffixes, three
    /// letters or more. A name that is not scores 0 against every title and domain.
    static func comparable(_ name: [String]) -> Bool { !name.isEmpty && name.joined().count >= 3 }

    /// Whether an account name can ever match a meeting title or a domain label.
    package static func isComparable(_ accountName: String) -> Bool { comparable(tokens(accountName)) }

    static func contains(_ words: [String], phrase: [String]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where Array(words[start..<(start + phrase.count)]) == phrase {
            return true
        }
        return false
    }

    static func jaroWinkler(_ a: String, _ b: String) -> Double {
        let s = Array(a), t = Array(b)
        if s.isEmpty || t.isEmpty { return 0 }
        if s == t { return 1 }
        let window = max(0, max(s.count, t.count) / 2 - 1)
        var sMatched = Array(repeating: false, count: s.count)
        var tMatched = Array(repeating: false, count: t.count)
        var matches = 0
        for i in 0..<s.count {
            let lo = max(0, i - window), hi = min(t.count - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where !tMatched[j] && s[i] == t[j] {
                sMatched[i] = true
                tMatched[j] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var k = 0
        for i in 0..<s.count where sMatched[i] {
            while !tMatched[k] { k += 1 }
            if s[i] != t[k] { transpositions += 1 }
            k += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(s.count) + m / Double(t.count) + (m - Double(transpositions) / 2) / m) / 3
        var prefix = 0
        while prefix < min(4, min(s.count, t.count)) && s[prefix] == t[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
