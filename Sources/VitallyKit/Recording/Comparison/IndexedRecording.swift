import Foundation

/// A recording held as its mapped file and where each entry lies, for `recordings diff`: an
/// exchange is read again (body included) when it is compared and its pages are handed back at
/// once, so memory holds the exchanges being compared, not both files.
final class IndexedRecording: ComparedExchanges {
    let url: URL
    private let file: MappedFile
    private(set) var keys: [String] = []
    private var ranges: [Range<Int>] = []
    /// The recording without its exchanges: metadata and warnings.
    private(set) var recording: HARRecording

    /// Reads `url` once, its entries on every core, handing what each says to `visit` in the file's order.
    init(_ url: URL, visit: (RecordingSnapshot.Digest) -> Void) throws(VitallyError) {
        self.url = url
        let file = try HARReader.map(url)
        self.file = file
        var keys: [String] = []
        var ranges: [Range<Int>] = []
        recording = try HARReader.parse(
            file.bytes, url: url, release: file.release(before:), transform: { RecordingSnapshot.Digest($0) }
        ) { _, digest, range in
            keys.append(digest.key)
            ranges.append(range)
            visit(digest)
        }
        // The tail read last stays in memory otherwise, while the other file is read.
        file.forget(0..<file.bytes.count)
        self.keys = keys
        self.ranges = ranges
    }

    func exchange(at index: Int) -> RecordedExchange {
        let range = ranges[index]
        defer { file.forget(range) }
        // It was read once already, so it reads again; should the file have changed under us, an empty answer.
        let bytes = file.bytes
        guard let parsed = try? JSONParser.parseValue(in: bytes, at: range.lowerBound, deferring: HARReader.bodyTextPath),
            let exchange = try? HARReader.exchange(
                from: parsed.value, bodyText: parsed.deferred.map { Array(UnsafeBufferPointer(rebasing: bytes[$0])) })
        else {
            return RecordedExchange(startedAt: Date(timeIntervalSince1970: 0), timeMilliseconds: 0, method: "", url: "", path: "", query: [],
                                    requestHeaders: [], status: 0, statusText: "", responseHeaders: [], mimeType: "", body: [])
        }
        return exchange
    }
}
