import Foundation

extension HARReader {
    /// `load(_:visit:)` on every core: the outline is read here, each entry's bracketed range is
    /// parsed strictly on another core, where `transform` reads what the caller wants of its
    /// exchange; `visit` then gets them here, in the file's order. The recording, its warnings and
    /// its refusals are those of `load` (the same entries, numbered the same).
    static func load<T: Sendable>(
        _ url: URL, transform: @escaping @Sendable (RecordedExchange) -> T, visit: (RecordedExchange, T, Range<Int>) -> Void
    ) throws(VitallyError) -> HARRecording {
        let file = try map(url)
        return try parse(file.bytes, url: url, release: file.release(before:), transform: transform, visit: visit)
    }

    static func parse<T: Sendable>(
        _ buffer: UnsafeBufferPointer<UInt8>, url: URL, release: (Int) -> Void,
        transform: @escaping @Sendable (RecordedExchange) -> T, visit: (RecordedExchange, T, Range<Int>) -> Void
    ) throws(VitallyError) -> HARRecording {
        guard !buffer.isEmpty else { throw VitallyError(.recording, path: url.path, cause: "\(url.path) is empty: not a HAR file") }
        var tally = EntryTally()
        let shared = SharedBytes(buffer: buffer)
        let batches = OrderedBatches<Range<Int>, [ReadInBatch<T>]> { ranges in ranges.map { ReadInBatch(shared, $0, transform) } }
        func take(_ items: [ReadInBatch<T>]) {
            for item in items {
                switch item.read {
                case .failure(let error): tally.malformed(error)
                case .success(let (entry, _)):
                    if let exchange = tally.take(entry), let value = item.value { visit(exchange, value, item.range) }
                }
                release(item.range.upperBound)
            }
        }
        var skimmer = HARSkimmer(buffer)
        let found = try? skimmer.outline(
            parse: { start in
                guard let end = HARSkimmer.valueEnd(buffer, at: start) else { return nil }
                batches.add(start..<end, take: take)
                return end
            },
            malformed: { range in
                // Not reached: the outline steps over an entry as `valueEnd` does, which found none.
                batches.drain(take: take)
                tally.malformed(nil)
                release(range.upperBound)
            })
        batches.drain(take: take)
        return try finish(buffer, outline: found, exchanges: [], tally: tally, url: url)
    }
}

/// One entry read on another core: as `HARReader.entry(in:at:)` reads it, and what `transform`
/// made of its exchange.
struct ReadInBatch<T: Sendable>: Sendable {
    var range: Range<Int>
    var read: Result<(HARReader.ReadEntry, end: Int), JSONParseError>
    var value: T?

    init(_ bytes: SharedBytes, _ range: Range<Int>, _ transform: @Sendable (RecordedExchange) -> T) {
        self.range = range
        read = HARReader.entry(in: bytes.buffer, at: range.lowerBound)
        if case .success(let (_, end)) = read, end != range.upperBound {
            read = .failure(JSONParseError(message: "unexpected text after the entry", offset: end))
        }
        if case .success(let (.exchange(exchange), _)) = read { value = transform(exchange) }
    }
}
