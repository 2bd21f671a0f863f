import Foundation

/// Appends exchanges to one HAR file, redacting before anything touches disk and rewriting the
/// file atomically after every exchange, so a killed process leaves a valid recording.
public actor HARRecorder {
    public let url: URL
    public let info: RecordingInfo
    private let redactor: Redactor
    private var serializedEntries: [String] = []
    public private(set) var count = 0

    /// Starts a recording; with `appending`, keeps the entries the file already has.
    public init(url: URL, info: RecordingInfo, redactor: Redactor, existing: [RecordedExchange] = []) {
        self.url = url
        self.info = info
        self.redactor = redactor
        for (order, exchange) in existing.enumerated() {
            serializedEntries.append(HARWriter.serialize(entry: HARWriter.entry(exchange, order: order)))
        }
        count = existing.count
    }

    /// Writes the file as it stands (also with no entries, so `record FILE` creates it at once).
    public func flush() throws(VitallyError) {
        let text = HARWriter.document(header: HARWriter.logHeader(info), serializedEntries: serializedEntries)
        let bytes = Array(text.utf8)
        // Last line of defence: a token that slipped past redaction never reaches the disk.
        guard !redactor.leaks(in: bytes) else {
            throw VitallyError(
                .recording, path: url.path,
                cause: "refused to write \(url.path): the token would have been in it; nothing was written")
        }
        do {
            try AtomicFile.write(Data(bytes), to: url)
        } catch {
            throw VitallyError(
                .recording, path: url.path,
                cause: "cannot write \(url.path) (\(error.localizedDescription)); check the folder exists and is writable")
        }
    }

    public func append(_ exchange: RecordedExchange) throws(VitallyError) {
        let clean = redact(exchange)
        serializedEntries.append(HARWriter.serialize(entry: HARWriter.entry(clean, order: count)))
        do {
            try flush()
            count += 1
        } catch {
            serializedEntries.removeLast()  // the file keeps its last good state; later exchanges still record
            throw error
        }
    }

    func redact(_ exchange: RecordedExchange) -> RecordedExchange {
        var copy = exchange
        copy.url = redactedURL(exchange.url)
        copy.query = exchange.query.map(redactor.query)
        copy.requestHeaders = exchange.requestHeaders.map(redactor.header)
        copy.responseHeaders = exchange.responseHeaders.map(redactor.header)
        let text = String(decoding: exchange.body, as: UTF8.self)
        let scrubbed = redactor.text(text)
        if scrubbed != text { copy.body = Array(scrubbed.utf8) }
        copy.error = exchange.error.map(redactor.text)
        return copy
    }

    /// Rebuilds the URL from redacted parts, so secret-looking query values go too.
    func redactedURL(_ url: String) -> String {
        let (path, query) = RecordedExchange.split(url: url)
        var prefix = ""
        if let scheme = url.range(of: "://") {
            let afterScheme = url[scheme.upperBound...]
            let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            prefix = String(url[..<hostEnd])
        }
        let request = HTTPRequest(path: path, query: query.map(redactor.query))
        return redactor.text(prefix + request.pathAndQuery)
    }
}
