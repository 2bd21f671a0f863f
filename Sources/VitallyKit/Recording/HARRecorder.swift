import Foundation

/// Appends exchanges to one HAR file, redacting before anything touches disk. Each exchange is
/// written in place over the closing tail, followed by a new tail, so the file is a complete HAR
/// after every exchange and the bytes written are proportional to what is new. The file is
/// private (0600, in a 0700 folder it creates) and locked (`flock`) while recording.
public actor HARRecorder {
    public let url: URL
    public let info: RecordingInfo
    private var redactor: Redactor
    private let head: [UInt8]
    private let tail: [UInt8]
    /// Entries the file starts with (when it records only what an earlier recording lacks), written when it opens.
    private var inherited: [RecordedExchange]
    /// The open, locked file; -1 before the first write and after `close()`.
    private var fd: Int32 = -1
    /// Where the closing tail starts: the next entry is written here.
    private var end = 0
    private var lastSync: UInt64 = 0
    private var closed = false
    public private(set) var count = 0
    /// Set when a write failed (the disk filled): the file keeps every exchange before it, and
    /// later exchanges are not recorded.
    public private(set) var stopped: RecordingStop?
    private var stopAnnounced = false

    /// Starts a recording; with `existing`, the file keeps those entries (redacted and scanned).
    public init(url: URL, info: RecordingInfo, redactor: Redactor, existing: [RecordedExchange] = []) {
        self.url = url
        self.info = info
        self.redactor = redactor
        let frame = HARWriter.frame(header: HARWriter.logHeader(info))
        head = Array(frame.head.utf8)
        tail = Array(frame.tail.utf8)
        inherited = existing
        count = existing.count
    }

    /// Also scrubs these secrets from what is appended from now on (a new token for the same tenant).
    public func addSecrets(_ more: [String]) { redactor = Redactor(secrets: redactor.secrets + more) }

    deinit { if fd >= 0 { Foundation.close(fd) } }

    static func bytes(of entry: JSONValue) -> [UInt8] { Array(("      " + HARWriter.serialize(entry: entry)).utf8) }

    /// Creates (or takes over) the file now and locks it, so `record FILE` creates it at once and a
    /// second recorder of the same file is refused.
    public func flush() throws(VitallyError) {
        if fd < 0 { try open() }
    }

    /// Writes one exchange. A write that fails (a full disk, a file-size limit) stops the
    /// recording instead of failing the request: the file is put back to its last good state,
    /// `stopped` says why, and later exchanges are dropped. Throws only when the exchange would
    /// put the token on disk, naming the request.
    public func append(_ exchange: RecordedExchange) throws(VitallyError) {
        guard stopped == nil else { return }
        if fd < 0 { try open() }
        let entry = HARRecorder.bytes(of: HARWriter.entry(redact(exchange), order: count))
        // Only the new bytes need the scan: everything already in the file passed it.
        guard !redactor.leaks(in: entry) else { throw leak(exchange) }
        var chunk: [UInt8] = count == 0 ? [10] : [44, 10]
        chunk += entry
        let newEnd = end + chunk.count
        chunk += closing(entries: count + 1)
        guard write(chunk, at: end) else {
            let why = String(cString: strerror(errno))
            // Back to the last good state: these bytes overwrite the old tail, so they need no new space.
            _ = write(closing(entries: count), at: end)
            ftruncate(fd, off_t(end + closing(entries: count).count))
            fdatasync(fd)
            let request = HTTPRequest(method: exchange.method, path: exchange.path, query: exchange.query.map(redactor.query))
            stopped = RecordingStop(request: redactor.text(request.summary), reason: why, exchanges: count)
            return
        }
        end = newEnd
        count += 1
        // A killed process loses nothing written (the kernel has it); fsync bounds what a power
        // cut can take to the last second, without paying a disk flush per exchange.
        let now = DispatchTime.now().uptimeNanoseconds
        if now - lastSync > 1_000_000_000 {
            fdatasync(fd)
            lastSync = now
        }
    }

    /// The stop, the first time it is asked for after it happened: the session says so once.
    public func takeStopNotice() -> RecordingStop? {
        guard let stopped, !stopAnnounced else { return nil }
        stopAnnounced = true
        return stopped
    }

    /// Ends the recording: flushes to disk, scans the whole file once for the token, and releases
    /// the lock. Later appends are refused.
    public func close() throws(VitallyError) {
        guard !closed else { return }
        closed = true
        guard fd >= 0 else { return }
        fsync(fd)
        Foundation.close(fd)
        fd = -1
        guard let bytes = RecordingFolder.contents(of: url.path), !redactor.leaks(in: bytes) else {
            throw VitallyError(
                .recording, path: url.path,
                cause: "\(url.path) holds the token after all (or cannot be read back): delete it before sharing it")
        }
    }

    /// The bytes after the last entry.
    private func closing(entries: Int) -> [UInt8] { entries == 0 ? tail : Array("\n    ".utf8) + tail }

    private func leak() -> VitallyError {
        VitallyError(.recording, path: url.path,
                     cause: "refused to write \(url.path): the token would have been in it; nothing was written")
    }

    /// The refusal of one exchange names its request: the request is what failed, not the file.
    private func leak(_ exchange: RecordedExchange) -> VitallyError {
        let request = HTTPRequest(method: exchange.method, path: exchange.path, query: exchange.query.map(redactor.query))
        return VitallyError(.recording, method: exchange.method, path: redactor.text(request.pathAndQuery),
                            cause: "not recorded: the token would have been in \(url.lastPathComponent); nothing was written")
    }

    private func writeError(_ why: String) -> VitallyError {
        VitallyError(.recording, path: url.path,
                     cause: "cannot write \(url.path) (\(why)); check the folder exists and is writable")
    }

    /// Writes all of `bytes` at `offset`.
    private func write(_ bytes: [UInt8], at offset: Int) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var done = 0
            while done < buffer.count {
                let written = pwrite(fd, base + done, buffer.count - done, off_t(offset + done))
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                done += written
            }
            return true
        }
    }

    /// Writes the head, the inherited entries and the tail to a private temporary file, locks
    /// it, and moves it into place: the file is never seen half-made.
    private func open() throws(VitallyError) {
        guard !closed else { throw writeError("the recording was stopped") }
        let directory = url.deletingLastPathComponent()
        do {
            try RecordingFolder.createPrivate(directory)
        } catch {
            throw writeError("cannot create the folder")
        }
        RecordingFolder.removeLeftovers(of: url)
        // Hold the lock on the file being replaced, so a second recorder cannot start meanwhile.
        let previous = Foundation.open(url.path, O_RDWR | O_CLOEXEC)
        defer { if previous >= 0 { Foundation.close(previous) } }
        if previous >= 0 { try lock(previous) }
        var content = head
        for (order, exchange) in inherited.enumerated() {
            let entry = HARRecorder.bytes(of: HARWriter.entry(redact(exchange), order: order))
            guard !redactor.leaks(in: entry) else {
                throw VitallyError(
                    .recording, path: url.path,
                    cause: "refused to rewrite \(url.path): its entry \(order + 1) holds the token even after redaction; nothing was written")
            }
            content += order == 0 ? [UInt8]([10]) : [UInt8]([44, 10])
            content += entry
        }
        end = content.count
        content += closing(entries: inherited.count)
        guard !redactor.leaks(in: head), !redactor.leaks(in: tail) else { throw leak() }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let file = Foundation.open(temporary.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard file >= 0 else { throw writeError(String(cString: strerror(errno))) }
        fd = file
        guard write(content, at: 0), fsync(file) == 0 else {
            let why = String(cString: strerror(errno))
            abandon(temporary)
            throw writeError(why)
        }
        _ = flock(file, LOCK_EX | LOCK_NB)  // new and unnamed: nobody else can hold it
        let placed = previous >= 0 ? rename(temporary.path, url.path) == 0 : link(temporary.path, url.path) == 0
        let why = errno
        guard placed else {
            abandon(temporary)
            if why == EEXIST { throw VitallyError(.recording, path: url.path, cause: "\(url.path) was created by another process meanwhile; pick another name") }
            throw writeError(String(cString: strerror(why)))
        }
        if previous < 0 { unlink(temporary.path) }
        RecordingFolder.sync(directory)
        inherited = []
        lastSync = DispatchTime.now().uptimeNanoseconds
    }

    private func abandon(_ temporary: URL) {
        Foundation.close(fd)
        fd = -1
        unlink(temporary.path)
    }

    /// Takes the exclusive lock on the file as it is now, or says who holds it.
    private func lock(_ file: Int32) throws(VitallyError) {
        guard flock(file, LOCK_EX | LOCK_NB) != 0 else { return }
        let holder = RecordingFolder.lockHolder(of: file).map { $0 == getpid() ? "this session" : "process \($0)" } ?? "another process"
        throw VitallyError(
            .recording, path: url.path,
            cause: "\(url.path) is being recorded by \(holder); stop that session first or pick another name")
    }

    func redact(_ exchange: RecordedExchange) -> RecordedExchange {
        var copy = exchange
        copy.url = redactedURL(exchange.url)
        copy.query = exchange.query.map(redactor.query)
        copy.requestHeaders = exchange.requestHeaders.map(redactor.header)
        copy.responseHeaders = exchange.responseHeaders.map(redactor.header)
        let body = exchange.body  // decoded once here; the writer then reads these bytes
        let text = String(decoding: body, as: UTF8.self)
        let scrubbed = redactor.text(text)
        copy.body = scrubbed != text ? Array(scrubbed.utf8) : body
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

/// Why and where a recording stopped before it was closed.
public struct RecordingStop: Sendable, Equatable {
    /// The request whose exchange could not be written (`GET /resources/accounts?limit=100`).
    public let request: String
    /// The system's reason (`No space left on device`, `File too large`).
    public let reason: String
    /// The exchanges the file holds, every one complete.
    public let exchanges: Int
}
