/// The scrub and the post-write scan of a HAR, a part at a time: the root's and the log's members
/// are parsed and walked one by one, and each entry is parsed, walked and written before the next
/// is read. Memory holds one entry and the pseudonyms, not a tree of the file (5-10x its size).
/// Both walk in document order, as `ScrubWalk` decides, so the scan sees what the scrub wrote.
enum ScrubStream {
    /// The input is not a HAR (valid JSON without an object `log` holding an array `entries`).
    struct NotHAR: Error {}

    /// What a scrub made: the map, every string it produced, the recording's account names, and
    /// what the reader would make of the original entries.
    struct Scrubbed {
        var map = ScrubMap()
        var produced: Set<String> = []
        var accountNames: Set<String> = []
        /// The externalIds whose URL path segments the scrub decided as ids (with --accounts): the
        /// scan decides those segments the same way.
        var externalIds: Set<String> = []
        var tally = RecordingScrubber.EntryTally()
    }

    /// Scrubs the HAR in `bytes` to `emit`, pretty-printed; `release` gets the offset before which
    /// the input is no longer read. The log's `_vitallyShell` is written last, after the entries,
    /// since the counts it holds are known only then. With `parallel`, the entries are parsed,
    /// scrubbed and written out on every core, and what they make is the same.
    static func scrub(
        _ bytes: UnsafeBufferPointer<UInt8>, options: ScrubOptions, parallel: Bool = true, release: (Int) -> Void = { _ in },
        emit: (String) -> Void
    ) throws -> Scrubbed {
        var walk = ScrubWalk(handler: ScrubReplacer(options: options), options: options)
        if options.accounts || options.domains {
            let found = try firstPass(bytes, release: release)
            if options.accounts { walk.externalIds = found.externalIds }
            walk.handler.accountNames = found.accountNames
        }
        var cursor = JSONCursor(bytes)
        guard try cursor.peek() == UInt8(ascii: "{") else { throw NotHAR() }
        var isHAR = false
        var rootCount = 0
        var tally = RecordingScrubber.EntryTally()
        emit("{")
        try cursor.members { cursor, key in
            emit(rootCount == 0 ? "\n  " : ",\n  ")
            rootCount += 1
            guard key == "log", try cursor.peek() == UInt8(ascii: "{") else {
                let (k, v) = walk.rootMember(key, try cursor.value())
                emit(member(k, v, indent: 2))
                return
            }
            emit("\"log\": {")
            var vitally: JSONValue?
            var logCount = 0
            try cursor.members { cursor, key in
                if key == "_vitallyShell" {
                    vitally = walk.logMember(key, try cursor.value()).value
                    return
                }
                emit(logCount == 0 ? "\n    " : ",\n    ")
                logCount += 1
                guard key == "entries", try cursor.peek() == UInt8(ascii: "[") else {
                    let (k, v) = walk.logMember(key, try cursor.value())
                    emit(member(k, v, indent: 4))
                    return
                }
                isHAR = true
                emit("\"entries\": [")
                var entryCount = 0
                var template = walk
                template.handler = walk.handler.journaling()
                let shared = SharedBytes(buffer: bytes)
                let batches = parallel ? OrderedBatches { [template] in ScrubbedBatch(shared, $0, walk: template) } : nil
                func take(_ batch: ScrubbedBatch) throws {
                    batch.texts.forEach(emit)
                    entryCount += batch.texts.count
                    walk.handler.replay(batch.journal)
                    tally.add(batch.tally)
                    release(batch.end)
                    if let error = batch.error { throw error }
                }
                try cursor.elements(sending: batches, take: take) { cursor, index in
                    let entry = try cursor.value()
                    release(cursor.index)
                    tally.count(entry)
                    emit(entryText(walk.entry(entry, index: index), index: index))
                    entryCount += 1
                }
                emit(entryCount == 0 ? "]" : "\n    ]")
            }
            var meta = vitally?.object ?? JSONObject()
            meta["scrubbed"] = RecordingScrubber.metadata(options, pairs: walk.handler.pairs)
            emit((logCount == 0 ? "\n    " : ",\n    ") + member("_vitallyShell", .object(meta), indent: 4) + "\n  }")
        }
        try cursor.expectEnd()
        emit(rootCount == 0 ? "}\n" : "\n}\n")
        guard isHAR else { throw NotHAR() }
        var scrubbed = Scrubbed(produced: walk.handler.produced, accountNames: walk.handler.accountNames, externalIds: walk.externalIds, tally: tally)
        scrubbed.produced.formUnion(RecordingScrubber.strings(in: RecordingScrubber.metadata(options, pairs: walk.handler.pairs)))
        scrubbed.map.pairs = walk.handler.pairs
        return scrubbed
    }

    /// The JSON path of the first string in `bytes` that is neither on the safe list nor in
    /// `produced` (nil when there is none), walked as the scrub walks; any JSON document is read.
    /// With `parallel`, the entries are parsed and checked on every core; the one named is the same.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, produced: Set<String>, options: ScrubOptions, externalIds: Set<String> = [],
        parallel: Bool = true, release: (Int) -> Void = { _ in }
    ) throws(JSONParseError) -> String? {
        /// A checking walk; the scrub's externalIds decide URL path segments as they did for it.
        func checking(namesPaths: Bool = false) -> ScrubWalk<ScrubChecker> {
            var walk = ScrubWalk(handler: ScrubChecker(options: options, produced: produced), options: options, namesPaths: namesPaths)
            walk.externalIds = externalIds
            return walk
        }
        var walk = checking()
        // Walked without paths; the part that fails is walked again naming them, for the message.
        func check(_ visit: (inout ScrubWalk<ScrubChecker>) -> Void) {
            guard walk.handler.failure == nil else { return }
            visit(&walk)
            guard walk.handler.failure != nil else { return }
            var named = checking(namesPaths: true)
            visit(&named)
            walk.handler.failure = named.handler.failure ?? walk.handler.failure
        }
        var cursor = JSONCursor(bytes)
        guard try cursor.peek() == UInt8(ascii: "{") else {
            let root = try cursor.value()
            try cursor.expectEnd()
            check { _ = $0.json(root, $0.top("$", key: nil)) }
            return walk.handler.failure
        }
        do {
            try cursor.members { cursor, key in
                guard key == "log", try cursor.peek() == UInt8(ascii: "{") else {
                    let value = try cursor.value()
                    check { _ = $0.rootMember(key, value) }
                    return
                }
                try cursor.members { cursor, key in
                    guard key == "entries", try cursor.peek() == UInt8(ascii: "[") else {
                        let value = try cursor.value()
                        check { _ = $0.logMember(key, value) }
                        return
                    }
                    let template = checking()
                    let shared = SharedBytes(buffer: bytes)
                    let batches = parallel ? OrderedBatches { CheckedBatch(shared, $0, walk: template) } : nil
                    func take(_ batch: CheckedBatch) throws {
                        if let failed = batch.failed, walk.handler.failure == nil {
                            let value = try entry(shared, failed)
                            check { _ = $0.entry(value, index: failed.index) }
                        }
                        release(batch.end)
                        if let error = batch.error { throw error }
                    }
                    try cursor.elements(sending: batches, take: take) { cursor, index in
                        let entry = try cursor.value()
                        release(cursor.index)
                        // The first failure is the one named: the rest need not be walked.
                        check { _ = $0.entry(entry, index: index) }
                    }
                }
            }
            try cursor.expectEnd()
        } catch let error as JSONParseError {
            throw error
        } catch {
            throw JSONParseError(message: "\(error)", offset: cursor.index)
        }
        return walk.handler.failure
    }

    /// `"key": value` at `indent`, as the whole document's pretty-printing would write it.
    static func member(_ key: String, _ value: JSONValue, indent: Int) -> String {
        JSONValue.string(key).serialized() + ": " + value.serialized(pretty: true, indent: indent)
    }

    /// Every `externalId` the entries' bodies hold (with --accounts, a URL segment that is one is
    /// pseudonymised like the body's) and every account name (a domain that spells one is
    /// pseudonymised from it): a first pass, its entries read on every core.
    static func firstPass(
        _ bytes: UnsafeBufferPointer<UInt8>, release: (Int) -> Void = { _ in }
    ) throws -> (externalIds: Set<String>, accountNames: Set<String>) {
        var found: Set<String> = []
        var names: Set<String> = []
        var cursor = JSONCursor(bytes)
        guard try cursor.peek() == UInt8(ascii: "{") else { throw NotHAR() }
        try cursor.members { cursor, key in
            guard key == "log", try cursor.peek() == UInt8(ascii: "{") else {
                _ = try cursor.value()
                return
            }
            try cursor.members { cursor, key in
                guard key == "entries", try cursor.peek() == UInt8(ascii: "[") else {
                    _ = try cursor.value()
                    return
                }
                let shared = SharedBytes(buffer: bytes)
                func take(_ batch: FoundBatch) throws {
                    found.formUnion(batch.externalIds)
                    names.formUnion(batch.accountNames)
                    release(batch.end)
                    if let error = batch.error { throw error }
                }
                try cursor.elements(sending: OrderedBatches { FoundBatch(shared, $0) }, take: take) { cursor, _ in
                    let entry = try cursor.value()
                    release(cursor.index)
                    ScrubWalk<ScrubReplacer>.externalIds(inEntry: entry, into: &found)
                    ScrubWalk<ScrubReplacer>.accountNames(inEntry: entry, into: &names)
                }
            }
        }
        return (found, names)
    }
}
