/// What a replacer scrubbing part of a recording on another core did the first time it met each
/// (decision, string): the writes to the map and to the produced strings that the serial scrub
/// makes then. Replayed in the file's order by the whole's replacer, only the first in the file
/// counts, so a string that two decisions of one kind replace differently maps as it did serially.
struct ScrubJournal: Sendable {
    struct Write: Sendable {
        let kind: ScrubMap.Kind
        let key: String
        let value: String
    }

    /// A decision's first replacement of a string; its writes are those before `writesEnd`.
    struct FirstUse: Sendable {
        let decision: ScrubLeaf
        let string: String
        let out: String
        let writesEnd: Int
    }

    var writes: [Write] = []
    var firstUses: [FirstUse] = []

    mutating func firstUse(_ decision: ScrubLeaf, _ string: String, _ out: String) {
        firstUses.append(FirstUse(decision: decision, string: string, out: out, writesEnd: writes.count))
    }
}

extension ScrubReplacer {
    /// A copy for a part of the recording scrubbed on another core: the same options and names,
    /// nothing made yet, and a journal of its first uses.
    func journaling() -> ScrubReplacer {
        var copy = self
        copy.pairs = [:]
        copy.produced = []
        copy.made = [:]
        copy.journal = ScrubJournal()
        return copy
    }

    /// Takes in a part's journal, as if this replacer had scrubbed the part itself: the first uses
    /// it has not met yet are made here, with their writes, in order.
    mutating func replay(_ journal: ScrubJournal) {
        var start = 0
        for use in journal.firstUses {
            defer { start = use.writesEnd }
            if let earlier = made[use.decision]?[use.string] {
                // The same string by Swift's equality, in other bytes (NFC and NFD), was made first
                // elsewhere: the map keeps that, but what this part wrote is in the file for the scan.
                if earlier != use.out { for write in journal.writes[start..<use.writesEnd] { produced.insert(write.value) } }
                continue
            }
            made[use.decision, default: [:]][use.string] = use.out
            for write in journal.writes[start..<use.writesEnd] { record(write.kind, write.key, write.value) }
        }
    }
}
