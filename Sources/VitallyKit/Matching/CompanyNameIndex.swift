/// Account names made ready to be scored against many domain labels by the company-name rule
/// (`CompanyName.score` with no title), giving the same scores: each name is split once, a label
/// that equals a name's joined words (score 1, the most there is) is found by lookup, and
/// otherwise only names whose length and letters could reach the threshold are scored. A scrub with
/// `--accounts` asks this of every domain of a recording, against every account name: scoring
/// all pairs took half an hour for 8,000 accounts.
struct CompanyNameIndex {
    private struct Name {
        /// Where the name stands in the list the index was made from.
        var position: Int
        var tokens: [String]
        var joined: String
        /// The joined words' bytes, sorted, when each is one printable ASCII letter (nil: always scored).
        var sortedBytes: [UInt8]?
    }

    private var names: [Name] = []
    /// Positions in `names` by joined words, and by first word (of four letters or more).
    private var byJoined: [String: [Int]] = [:]
    private var byFirstWord: [String: [Int]] = [:]
    /// Positions of the plain-ASCII names by their joined words' length, and of the others.
    private var byLength: [Int: [Int]] = [:]
    private var unbounded: [Int] = []

    /// `names` in the order ties are broken; names that can never match are left out.
    init(_ names: [String]) {
        for (position, name) in names.enumerated() {
            let tokens = CompanyName.tokens(name)
            guard CompanyName.comparable(tokens) else { continue }
            let joined = tokens.joined()
            let bytes = Array(joined.utf8)
            let entry = Name(position: position, tokens: tokens, joined: joined,
                             sortedBytes: Self.isPlainASCII(bytes) ? bytes.sorted() : nil)
            byJoined[joined, default: []].append(self.names.count)
            if tokens[0].count >= 4 { byFirstWord[tokens[0], default: []].append(self.names.count) }
            if entry.sortedBytes == nil { unbounded.append(self.names.count) } else { byLength[bytes.count, default: []].append(self.names.count) }
            self.names.append(entry)
        }
    }

    /// The positions of the names scoring highest against `label` (when that is at least
    /// `threshold`), in list order, and that score; nil when none reaches it.
    func best(label domainLabel: String, threshold: Double) -> (score: Double, positions: [Int])? {
        let label = domainLabel.lowercased()
        guard label.count >= 3 else { return nil }
        // Only an equal label scores 1 (Jaro-Winkler is 1 for equal strings only).
        if let equal = byJoined[label] { return (1, equal.map { names[$0].position }) }
        let firstWord = Set(byFirstWord[label] ?? [])
        let labelBytes = Array(label.utf8)
        let sortedLabel = Self.isPlainASCII(labelBytes) ? labelBytes.sorted() : nil
        var best = 0.0
        var positions: [Int] = []
        for at in candidates(sortedLabel: sortedLabel, firstWord: firstWord, threshold: threshold) {
            let name = names[at]
            let namedByFirstWord = firstWord.contains(at)
            if !namedByFirstWord, let sortedLabel, let bytes = name.sortedBytes,
                !Self.canReach(threshold, sortedLabel, bytes)
            {
                continue
            }
            var score = CompanyName.jaroWinkler(label, name.joined)
            if namedByFirstWord { score = max(score, 0.9) }
            guard score >= threshold, score >= best else { continue }
            if score > best { (best, positions) = (score, []) }
            positions.append(name.position)
        }
        return positions.isEmpty ? nil : (best, positions)
    }

    /// The indexes of `names` that can score `threshold` against a label, ascending (list order):
    /// with a plain-ASCII label, the names of a length that can reach it, those not plain ASCII,
    /// and those the label names by first word; otherwise all.
    private func candidates(sortedLabel: [UInt8]?, firstWord: Set<Int>, threshold: Double) -> [Int] {
        guard let sortedLabel, let lengths = Self.lengths(reaching: threshold, from: sortedLabel.count) else { return Array(names.indices) }
        var found = unbounded + firstWord
        for length in lengths { found += byLength[length] ?? [] }
        return Set(found).sorted()
    }

    /// The lengths of an ASCII string that can reach `threshold` against one of `length`: with at
    /// most min(a, b) letters shared, `canReach` needs min/a + min/b >= 5 (threshold - 0.4) - 1;
    /// nil when every length can.
    static func lengths(reaching threshold: Double, from length: Int) -> ClosedRange<Int>? {
        let excess = 5 * (threshold - 0.4) - 2  // the share the shorter must hold of the longer
        guard excess > 0, length > 0 else { return nil }
        let lower = Int((Double(length) * excess - 1e-6).rounded(.up))
        let upper = Int((Double(length) / excess + 1e-6).rounded(.down))
        return max(1, lower)...max(1, upper)
    }

    /// Printable ASCII, each byte one Character (as Jaro-Winkler counts them; `\r\n` would be one).
    static func isPlainASCII(_ bytes: [UInt8]) -> Bool { bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F } }

    /// Whether two ASCII strings (their bytes sorted) share enough letters for Jaro-Winkler to
    /// reach `threshold`. With at most four prefix letters at 0.1, Jaro-Winkler <= 0.6 J + 0.4, and
    /// J <= (m/a + m/b + 1) / 3 where the m matched letters are at most the letters both hold.
    static func canReach(_ threshold: Double, _ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard threshold > 0.4 else { return true }
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let needed = 5 * (threshold - 0.4) - 1
        return Double(shared) / Double(a.count) + Double(shared) / Double(b.count) >= needed - 1e-9
    }
}
