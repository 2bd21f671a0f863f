import Foundation

/// Appends exchanges to one HAR file, redacting before anything touches disk and rewriting the
/// file atomically after every exchange, so a killed process leaves a valid recording.
public actor HARRecorder {
    public let url: URL
    public let info: RecordingInfo
    private var redactor: Redactor
    /// Each entry as written (indented for its place), already scanned for secrets.
    private var entries: [[UInt8]] = []
    private let head: [UInt8]
    private let tail: [UInt8]
    public private(set) var count = 0

    /// Starts a recording; with `existing`, keeps the entries the file already has.
    public init(url: URL, info: RecordingInfo, redactor: Redactor, existing: [RecordedExchange] = []) {
        self.url = url
        self.info = info
        self.redactor = redactor
        let frame = HARWriter.frame(header: HARWriter.logHeader(info))
        head = Array(frame.head.utf8)
        tail = Array(frame.tail.utf8)
        for (order, exchange) in existing.enumerated() {
            entries.append(HARRecorder.bytes(of: HARWriter.entry(exchange, order: order)))
        }
        count = existing.count
    }

    /// Also scrubs these secrets from what is appended from now on (a new token for the same tenant).
    public func addSecrets(_ more: [String]) { redactor = Redactor(secrets: redactor.secrets + more) }

    static func bytes(of entry: JSONValue) -> [UInt8] { Array(("      " + HARWriter.serialize(entry: entry)).utf8) }

    /// Writes the file as it stands (also with no entries, so `record FILE` creates it at once).
    public func flush() throws(VitallyError) {
        // Last line of defence: a token that slipped past redaction never reaches the disk.
        guard !redactor.leaks(in: head), !redactor.leaks(in: tail) else { throw leak() }
        try write()
    }

    public func append(_ exchange: RecordedExchange) throws(VitallyError) {
        let entry = HARRecorder.bytes(of: HARWriter.entry(redact(exchange), order: count))
        // Only the new bytes need the scan: everything already in the file passed it.
        guard !redactor.leaks(in: entry) else { throw leak() }
        entries.append(entry)
        do {
            try write()
            count += 1
        } catch {
            entries.removeLast()  // the file keeps its last good state; later exchanges still record
            throw error
        }
    }

    private func leak() -> VitallyError {
        VitallyError(.recording, path: url.path,
                     cause: "refused to write \(url.path): the token would have been in it; nothing was written")
    }

    private func write() throws(VitallyError) {
        var data = Data(capacity: head.count + tail.count + entries.reduce(0) { $0 + $1.count + 2 } + 8)
        data.append(contentsOf: head)
        if !entries.isEmpty {
            data.append(10)
            for (index, entry) in entries.enumerated() {
                if index > 0 { data.append(contentsOf: [44, 10]) }
                data.append(contentsOf: entry)
            }
            data.append(contentsOf: Array("\n    ".utf8))
        }
        data.append(contentsOf: tail)
        do {
            try AtomicFile.write(data, to: url)
        } catch {
            throw VitallyError(
                .recording, path: url.path,
                cause: "cannot write \(url.path) (\(error.localizedDescription)); check the folder exists and is writable")
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
