import Foundation

/// What a replay of each file would serve, request by request: each request's sequence of
/// answers (identical requests are served in recorded order, and the last answer repeats once
/// they run out), compared position by position, bodies by JSON value.
struct ReplayComparison {
    var sequenceChanges: [RecordingDiff.SequenceChange] = []
    var statusChanges: [RecordingDiff.StatusChange] = []
    /// The bodies' field changes, grouped as they are found.
    var values: RecordingDiff.ChangeGrouper
    var onlyInFirst: [String] = []
    var onlyInSecond: [String] = []
    /// With an account (its id and externalId), only the field changes of items that name it are kept.
    let accounts: Set<String>?

    /// Sequences longer than this are compared by position only, not also as a reordering.
    static let reorderLimit = 64

    init(_ first: some ComparedExchanges, _ second: some ComparedExchanges, examples: Int, narrowedTo accounts: Set<String>? = nil) {
        values = RecordingDiff.ChangeGrouper(examples: examples)
        self.accounts = accounts
        let (a, aOrder) = Self.sequences(first)
        let (b, bOrder) = Self.sequences(second)
        for key in aOrder {
            guard let before = a[key] else { continue }
            guard let after = b[key] else {
                onlyInFirst.append(key)
                continue
            }
            compare(key, before.map(first.exchange(at:)), after.map(second.exchange(at:)))
        }
        onlyInSecond = bOrder.filter { a[$0] == nil }
    }

    /// Each request's exchanges by replay key, in first-seen order; a tail of repeats of the
    /// last answer is cut, since replay repeats the last answer anyway.
    static func sequences(_ recording: some ComparedExchanges) -> ([String: [Int]], [String]) {
        var positions: [String: [Int]] = [:]
        var order: [String] = []
        for (index, key) in recording.keys.enumerated() {
            if positions[key] == nil { order.append(key) }
            positions[key, default: []].append(index)
        }
        for (key, list) in positions where list.count > 1 {
            var kept = list
            while kept.count > 1, same(recording.exchange(at: kept[kept.count - 1]), recording.exchange(at: kept[kept.count - 2])) {
                kept.removeLast()
            }
            if kept.count != list.count { positions[key] = kept }
        }
        return (positions, order)
    }

    /// The same answer: status (or failure) and body, the body by JSON value when it is JSON.
    static func same(_ x: RecordedExchange, _ y: RecordedExchange) -> Bool {
        guard x.status == y.status, x.error == y.error else { return false }
        if x.storedBody == y.storedBody { return true }
        guard let p = try? JSONParser.parse(x.body), let q = try? JSONParser.parse(y.body) else { return false }
        return p == q
    }

    mutating func compare(_ key: String, _ before: [RecordedExchange], _ after: [RecordedExchange]) {
        if before.count == after.count, zip(before, after).allSatisfy(Self.same) { return }
        if before.count == after.count, before.count <= Self.reorderLimit, Self.isPermutation(before, after) {
            sequenceChanges.append(.init(request: key, kind: .reordered(count: before.count)))
            return
        }
        if before.count != after.count {
            sequenceChanges.append(.init(request: key, kind: .count(before: before.count, after: after.count)))
        }
        var statusNoted = false
        for (x, y) in zip(before, after) {
            let statusBefore = x.error != nil ? 0 : x.status
            let statusAfter = y.error != nil ? 0 : y.status
            if statusBefore != statusAfter {
                if !statusNoted { statusChanges.append(.init(request: key, before: statusBefore, after: statusAfter)) }
                statusNoted = true
                continue
            }
            guard x.storedBody != y.storedBody else { continue }
            var changes: [ValueChange] = []
            BodyComparison.compare(path: Self.path(of: key), x.body, y.body, into: &changes)
            for change in changes where accounts.map({ !$0.isDisjoint(with: change.accounts) }) ?? true { values.add(change) }
        }
    }

    /// Whether `after` holds the same answers as `before`, in another order.
    static func isPermutation(_ before: [RecordedExchange], _ after: [RecordedExchange]) -> Bool {
        var unmatched = Array(after.indices)
        for x in before {
            guard let at = unmatched.firstIndex(where: { same(x, after[$0]) }) else { return false }
            unmatched.remove(at: at)
        }
        return true
    }

    /// `/resources/accounts/a1/notes` from `GET /resources/accounts/a1/notes?limit=100`.
    static func path(of key: String) -> String {
        let afterMethod = key.split(separator: " ", maxSplits: 1).last.map(String.init) ?? key
        return afterMethod.split(separator: "?", maxSplits: 1).first.map(String.init) ?? afterMethod
    }
}

/// The exchanges a comparison reads, by position: a loaded recording's, or a mapped file's read
/// again when compared (`IndexedRecording`).
protocol ComparedExchanges {
    /// Each exchange's replay key, in recorded order.
    var keys: [String] { get }
    func exchange(at index: Int) -> RecordedExchange
}

extension HARRecording: ComparedExchanges {
    var keys: [String] { exchanges.map { ReplayIndex.key(method: $0.method, path: $0.path, query: $0.query) } }
    func exchange(at index: Int) -> RecordedExchange { exchanges[index] }
}
