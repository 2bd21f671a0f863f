/// Account names made ready to be scored against many domain labels by the company-name rule
/// (`CompanyName.score` with no title), giving the same scores: each name is split once, a label
/// that equals a name's joined words (score 1, the most there is) is found by lookup, and
/// otherwise only names whose length and letters could reach the threshold are scored. A scrub with
/// `--accounts` asks this of every domain of a recording, against every account name: scoring
/// all pairs took half an hour for 8,000 accounts.
struct CompanyNameIndex {
    // A scrub holds three of these for a recording's every account (80,000 in the bench's): the
    // names are kept back to back in two byte buffers, not as a record of four allocations each.
    /// Each kept name's joined words, back to back (`starts[i]..<starts[i + 1]`).
    private var joined: [UInt8] = []
    /// The same bytes, each name's sorted when it is plain ASCII (others are always scored).
    private var sorted: [UInt8] = []
    /// Byte offsets, as Int: a huge recording's names can pass 2 GiB (names are counted in Int32).
    private var starts: [Int] = [0]
    private var plain: [Bool] = []
    /// Where each kept name stands in the list the index was made from.
    private var positions: [Int32] = []
    /// Kept names by their plain-ASCII joined words' hash (the latest first, then `sameHash`), and
    /// the others by their joined words (compared as Swift compares strings).
    private var byHash: [UInt64: Int32] = [:]
    private var sameHash: [Int32] = []
    private var byJoined: [String: [Int32]] = [:]
    /// Kept names by first word (of four letters or more).
    private var byFirstWord: [String: [Int32]] = [:]
    /// Kept plain-ASCII names by their joined words' length, and the others.
    private var byLength: [Int: [Int32]] = [:]
    private var unbounded: [Int32] = []

    /// `names` in the order ties are broken; names that can never match are left out.
    init(_ names: [String]) {
        // Room for every name at once: grown by doubling, the buffers held up to twice their bytes.
        let bytes = names.reduce(0) { $0 + $1.utf8.count }
        joined.reserveCapacity(bytes)
        sorted.reserveCapacity(bytes)
        starts.reserveCapacity(names.count + 1)
        plain.reserveCapacity(names.count)
        positions.reserveCapacity(names.count)
        sameHash.reserveCapacity(names.count)
        for (position, name) in names.enumerated() {
            let tokens = CompanyName.tokens(name)
            guard CompanyName.comparable(tokens) else { continue }
            let at = Int32(positions.count)
            let words = tokens.joined()
            let bytes = Array(words.utf8)
            let isPlain = Self.isPlainASCII(bytes)
            joined += bytes
            sorted += isPlain ? bytes.sorted() : bytes
            starts.append(joined.count)
            plain.append(isPlain)
            positions.append(Int32(position))
            if isPlain {
                let hash = StableHash.fnv1a(bytes)
                sameHash.append(byHash[hash] ?? -1)
                byHash[hash] = at
                byLength[bytes.count, default: []].append(at)
            } else {
                sameHash.append(-1)
                byJoined[words, default: []].append(at)
                unbounded.append(at)
            }
            if tokens[0].count >= 4 { byFirstWord[tokens[0], default: []].append(at) }
        }
    }

    private func joined(_ at: Int) -> ArraySlice<UInt8> { joined[starts[at]..<starts[at + 1]] }
    private func sorted(_ at: Int) -> ArraySlice<UInt8> { sorted[starts[at]..<starts[at + 1]] }

    /// The kept names whose joined words equal `label`, ascending.
    private func equal(_ label: String, bytes: [UInt8]) -> [Int32] {
        var found = byJoined[label] ?? []
        if Self.isPlainASCII(bytes) {
            var at = byHash[StableHash.fnv1a(bytes)] ?? -1
            while at >= 0 {
                if joined(Int(at)).elementsEqual(bytes) { found.append(at) }
                at = sameHash[Int(at)]
            }
        }
        return found.sorted()
    }

    /// The positions of the names scoring highest against `label` (when that is at least
    /// `threshold`), in list order, and that score; nil when none reaches it.
    func best(label domainLabel: String, threshold: Double) -> (score: Double, positions: [Int])? {
        let label = domainLabel.lowercased()
        guard label.count >= 3 else { return nil }
        let labelBytes = Array(label.utf8)
        // Only an equal label scores 1 (Jaro-Winkler is 1 for equal strings only).
        let equal = equal(label, bytes: labelBytes)
        if !equal.isEmpty { return (1, equal.map { Int(positions[Int($0)]) }) }
        let firstWord = Set(byFirstWord[label] ?? [])
        let sortedLabel = Self.isPlainASCII(labelBytes) ? labelBytes.sorted() : nil
        var best = 0.0
        var found: [Int] = []
        for at in candidates(sortedLabel: sortedLabel, firstWord: firstWord, threshold: threshold) {
            let namedByFirstWord = firstWord.contains(at)
            if !namedByFirstWord, let sortedLabel, plain[Int(at)], !Self.canReach(threshold, sortedLabel[...], sorted(Int(at))) {
                continue
            }
            var score = CompanyName.jaroWinkler(label, String(decoding: joined(Int(at)), as: UTF8.self))
            if namedByFirstWord { score = max(score, 0.9) }
            guard score >= threshold, score >= best else { continue }
            if score > best { (best, found) = (score, []) }
            found.append(Int(positions[Int(at)]))
        }
        return found.isEmpty ? nil : (best, found)
    }

    /// The kept names (their places) that can score `threshold` against a label, ascending (list order):
    /// with a plain-ASCII label, the names of a length that can reach it, those not plain ASCII,
    /// and those the label names by first word; otherwise all.
    private func candidates(sortedLabel: [UInt8]?, firstWord: Set<Int32>, threshold: Double) -> [Int32] {
        guard let sortedLabel, let lengths = Self.lengths(reaching: threshold, from: sortedLabel.count) else {
            return Array(0..<Int32(positions.count))
        }
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
    static func canReach(_ threshold: Double, _ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard threshold > 0.4 else { return true }
        var i = a.startIndex, j = b.startIndex, shared = 0
        while i < a.endIndex && j < b.endIndex {
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
