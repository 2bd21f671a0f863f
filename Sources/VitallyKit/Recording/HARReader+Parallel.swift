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
        var batch: [Range<Int>] = []
        var pending: [PendingEntries<T>] = []
        let shared = SharedBytes(buffer: buffer)
        func takeOldest() {
            for item in pending.removeFirst().wait() {
                switch item.read {
                case .failure(let error): tally.malformed(error)
                case .success(let (entry, _)):
                    if let exchange = tally.take(entry), let value = item.value { visit(exchange, value, item.range) }
                }
                release(item.range.upperBound)
            }
        }
        func send() {
            pending.append(PendingEntries(shared, batch, transform))
            batch = []
            while pending.count > PendingEntries<T>.inFlight { takeOldest() }
        }
        func drain() {
            if !batch.isEmpty { send() }
            while !pending.isEmpty { takeOldest() }
        }
        var skimmer = HARSkimmer(buffer)
        let found = try? skimmer.outline(
            parse: { start in
                guard let end = HARSkimmer.valueEnd(buffer, at: start) else { return nil }
                batch.append(start..<end)
                if batch.count >= PendingEntries<T>.batchSize { send() }
                return end
            },
            malformed: { range in
                // Not reached: the outline steps over an entry as `valueEnd` does, which found none.
                drain()
                tally.malformed(nil)
                release(range.upperBound)
            })
        drain()
        return try finish(buffer, outline: found, exchanges: [], tally: tally, url: url)
    }
}

/// A mapped file's bytes, read by several threads. Unchecked: they are only read, and the file
/// stays mapped until every batch has been waited for.
struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// One batch of entries, read on a global queue; `wait()` hands back each entry as read, in order.
final class PendingEntries<T: Sendable>: @unchecked Sendable {
    static var batchSize: Int { 32 }
    static var inFlight: Int { 4 }

    struct Item: Sendable {
        var range: Range<Int>
        var read: Result<(HARReader.ReadEntry, end: Int), JSONParseError>
        var value: T?
    }

    // Unchecked: `items` is written once, on the worker, before `done` is signalled, and read
    // only after `wait()` has seen that signal.
    private var items: [Item] = []
    private let done = DispatchSemaphore(value: 0)

    init(_ bytes: SharedBytes, _ ranges: [Range<Int>], _ transform: @escaping @Sendable (RecordedExchange) -> T) {
        DispatchQueue.global().async { [self] in
            items = ranges.map { range in
                var read = HARReader.entry(in: bytes.buffer, at: range.lowerBound)
                if case .success(let (_, end)) = read, end != range.upperBound {
                    read = .failure(JSONParseError(message: "unexpected text after the entry", offset: end))
                }
                guard case .success(let (.exchange(exchange), _)) = read else { return Item(range: range, read: read) }
                return Item(range: range, read: read, value: transform(exchange))
            }
            done.signal()
        }
    }

    func wait() -> [Item] {
        done.wait()
        return items
    }
}
