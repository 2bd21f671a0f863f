import Foundation

/// A loaded recording: its exchanges in recorded order, plus our metadata when we wrote it.
public struct HARRecording: Sendable {
    public var url: URL
    public var exchanges: [RecordedExchange]
    public var info: RecordingInfo?
    public var creator: String?
    public var byteCount: Int
    /// One line each: entries skipped as malformed, or a tail cut short (the rest still replays).
    public var warnings: [String]

    public init(
        url: URL, exchanges: [RecordedExchange], info: RecordingInfo?, creator: String?, byteCount: Int,
        warnings: [String] = []
    ) {
        self.url = url
        self.exchanges = exchanges
        self.info = info
        self.creator = creator
        self.byteCount = byteCount
        self.warnings = warnings
    }
}

/// Reads HAR leniently: our files, browser devtools exports, mitmproxy dumps (fractional times,
/// nulls, missing optional fields, base64 bodies, a byte-order mark).
public enum HARReader {
    /// With `visit`, each exchange goes to it as it is read and none is kept: the recording comes
    /// back without exchanges, and memory holds one entry whatever the file's size.
    public static func load(_ url: URL, visit: ((RecordedExchange) -> Void)? = nil) throws(VitallyError) -> HARRecording {
        let file = try map(url)
        var each: ((RecordedExchange, Range<Int>) -> Void)?
        if let visit { each = { exchange, _ in visit(exchange) } }
        return try parse(file.bytes, url: url, release: file.release(before:), visit: each)
    }

    /// The recording's file, checked (a regular file) and mapped.
    static func map(_ url: URL) throws(VitallyError) -> MappedFile {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw VitallyError(.recording, path: path, cause: "\(path): no such file", hint: .listRecordings)
        }
        guard !isDirectory.boolValue else {
            throw VitallyError(.recording, path: path, cause: "\(path) is a directory, not a .har file")
        }
        // A FIFO or a device would be read forever (found by the attack on the MCP server).
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw VitallyError(.recording, path: path, cause: "\(path) is not a regular file; give a .har file")
        }
        RecordingFolder.removeLeftovers(of: url)
        guard let file = MappedFile(path: path) else {
            throw VitallyError(.recording, path: path, cause: "\(path) cannot be read (check its permissions)")
        }
        return file
    }

    public static func parse(_ bytes: [UInt8], url: URL) throws(VitallyError) -> HARRecording {
        var outcome: Result<HARRecording, VitallyError>?
        bytes.withUnsafeBufferPointer { buffer in
            do throws(VitallyError) {
                outcome = .success(try parse(buffer, url: url, release: { _ in }))
            } catch {
                outcome = .failure(error)
            }
        }
        guard let outcome else { throw VitallyError(.recording, path: url.path, cause: "\(url.path) cannot be read") }
        return try outcome.get()
    }

    /// Reads one entry at a time as the outline finds it (a malformed one is skipped with a warning
    /// naming it), keeps every complete entry of a file cut short by a crash, and calls `release`
    /// with the offset before which no byte is needed again. With `visit`, each exchange (and where
    /// its entry lies) goes there instead of into the recording.
    static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, url: URL, release: (Int) -> Void,
        visit: ((RecordedExchange, Range<Int>) -> Void)? = nil
    ) throws(VitallyError) -> HARRecording {
        guard !buffer.isEmpty else { throw VitallyError(.recording, path: url.path, cause: "\(url.path) is empty: not a HAR file") }
        var exchanges: [RecordedExchange] = []
        var tally = EntryTally()
        var skimmer = HARSkimmer(buffer)
        var parseError: JSONParseError?
        let found = try? skimmer.outline(
            parse: { start in
                switch entry(in: buffer, at: start) {
                case .failure(let error):
                    parseError = error
                    return nil
                case .success(let (read, end)):
                    if let exchange = tally.take(read) {
                        if let visit { visit(exchange, start..<end) } else { exchanges.append(exchange) }
                    }
                    release(end)
                    return end
                }
            },
            malformed: { range in
                tally.malformed(parseError)
                release(range.upperBound)
            })
        return try finish(buffer, outline: found, exchanges: exchanges, tally: tally, url: url)
    }

    /// An entry as read: its exchange, or why it cannot be replayed (and its request's path, when it has one).
    enum ReadEntry: Sendable {
        case exchange(RecordedExchange)
        case problem(EntryProblem, path: String?)
    }

    /// The entry that starts at `start`, parsed strictly, and where it ends; a parse error when it is not JSON.
    static func entry(in buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> Result<(ReadEntry, end: Int), JSONParseError> {
        let entry: JSONValue, end: Int, text: Range<Int>?
        do throws(JSONParseError) {
            (entry, end, text) = try JSONParser.parseValue(in: buffer, at: start, deferring: bodyTextPath)
            guard HARSkimmer.endsElement(buffer, at: end) else {
                throw JSONParseError(message: "unexpected text after the entry", offset: end)
            }
        } catch {
            return .failure(error)
        }
        do {
            // The body's escaped text is copied as it is, and decoded when asked for.
            let exchange = try exchange(from: entry, bodyText: text.map { Array(UnsafeBufferPointer(rebasing: buffer[$0])) })
            return .success((.exchange(exchange), end))
        } catch {
            let path = entry["request"]?["url"]?.string.map { RecordedExchange.split(url: $0).path }
            return .success((.problem(error, path: path), end))
        }
    }

    /// What the entries read so far add up to: how many replay, which are skipped and why, and
    /// whether they are requests to this API (skipped ones included: a foreign file is named as such).
    struct EntryTally {
        var read = 0
        var problems: [String] = []
        var requests = 0
        var vitallyRequests = 0

        /// Counts an entry read, in the file's order; its exchange when it has one.
        mutating func take(_ entry: ReadEntry) -> RecordedExchange? {
            switch entry {
            case .exchange(let exchange):
                count(exchange.path)
                read += 1
                return exchange
            case .problem(let problem, let path):
                if let path { count(path) }
                problems.append("entry \(read + problems.count + 1) \(problem)")
                return nil
            }
        }

        mutating func malformed(_ error: JSONParseError?) {
            let why = error.map { "\($0.message) at byte \($0.offset)" } ?? "not JSON"
            problems.append("entry \(read + problems.count + 1) is not valid JSON (\(why))")
        }

        private mutating func count(_ path: String) {
            requests += 1
            if path.hasPrefix("/resources/") { vitallyRequests += 1 }
        }
    }

    /// The recording the outline and the entries make, or why the file is refused.
    static func finish(
        _ buffer: UnsafeBufferPointer<UInt8>, outline found: HARSkimmer.Outline?, exchanges: [RecordedExchange], tally: EntryTally,
        url: URL
    ) throws(VitallyError) -> HARRecording {
        let path = url.path
        guard let outline = found, !(outline.tornTail && outline.entryCount == 0) else {
            throw notJSON(Array(buffer), path: path)
        }
        guard outline.hasLog, outline.hasEntries else {
            throw VitallyError(.recording, path: path, cause: "\(path) is JSON but not a HAR file (no log.entries)")
        }
        let loaded = recording(buffer, outline: outline, exchanges: exchanges, problems: tally.problems, url: url)
        if tally.requests > 0, tally.vitallyRequests == 0 {
            throw VitallyError(
                .recording, path: path,
                cause: "\(path) is a HAR of another API: none of its \(tally.requests) requests is under /resources/")
        }
        if tally.read == 0, let problem = loaded.warnings.first {
            throw VitallyError(.recording, path: path, cause: "\(path): no entry can be replayed (\(problem))")
        }
        return loaded
    }

    /// The parser's own message for a file whose outline is not JSON, noting a cut file.
    static func notJSON(_ bytes: [UInt8], path: String) -> VitallyError {
        do {
            _ = try JSONParser.parse(bytes)
            return VitallyError(.recording, path: path, cause: "\(path) is JSON but not a HAR file (no log.entries)")
        } catch {
            let truncated = error.message.contains("truncated") || error.offset >= bytes.count - 1
            return VitallyError(
                .recording, path: path,
                cause: "\(path) is not valid JSON (\(error))" + (truncated ? "; the file looks truncated" : ""))
        }
    }

    static func recording(
        _ buffer: UnsafeBufferPointer<UInt8>, outline: HARSkimmer.Outline, exchanges: [RecordedExchange],
        problems: [String], url: URL
    ) -> HARRecording {
        func part(_ range: Range<Int>?) -> JSONValue? {
            range.flatMap { try? JSONParser.parse(UnsafeBufferPointer(rebasing: buffer[$0])) }
        }
        var warnings: [String] = []
        let shown = problems.prefix(5)
        for problem in shown { warnings.append("\(url.lastPathComponent): \(problem); skipped, the rest still replays") }
        if problems.count > shown.count {
            warnings.append("\(url.lastPathComponent): \(problems.count - shown.count) more malformed entries skipped")
        }
        if outline.tornTail {
            warnings.append(
                "\(url.lastPathComponent) is cut short after \(outline.entryCount) complete entries (a recording "
                    + "stopped by a crash?); replaying those")
        }
        var info: RecordingInfo?
        if let meta = part(outline.metadata), let recordedAt = meta["recordedAt"]?.date {
            info = RecordingInfo(
                recordedAt: recordedAt, subdomain: meta["subdomain"]?.string, region: meta["region"]?.string,
                baseURL: meta["baseURL"]?.string)
        }
        return HARRecording(
            url: url, exchanges: exchanges, info: info, creator: part(outline.creator)?["name"]?.string,
            byteCount: buffer.count, warnings: warnings)
    }

    static func headers(_ value: JSONValue?) -> [HTTPHeader] {
        (value?.array ?? []).compactMap { item in
            if let name = item["name"]?.string { return HTTPHeader(name, item["value"]?.string ?? "") }
            // mitmproxy also accepts [name, value] pairs.
            if let name = item[0]?.string { return HTTPHeader(name, item[1]?.string ?? "") }
            return nil
        }
    }

    /// Why an entry cannot be replayed, completing "entry N …".
    struct EntryProblem: Error, CustomStringConvertible {
        var description: String
    }

    /// Where an entry keeps its body: the parser checks it at open, and it is decoded when read.
    static let bodyTextPath = ["response", "content", "text"]

    /// The exchange an entry holds; `bodyText` is its `response.content.text` as the file has it
    /// (quotes and escapes included) when the parser stepped over it.
    static func exchange(from entry: JSONValue, bodyText: [UInt8]? = nil) throws(EntryProblem) -> RecordedExchange {
        guard let request = entry["request"], let method = request["method"]?.string, let url = request["url"]?.string
        else { throw EntryProblem(description: "has no request method and URL") }
        let (path, urlQuery) = RecordedExchange.split(url: url)
        let error = entry["_error"]?.string ?? entry["response"]?["_error"]?.string
        let response = entry["response"]
        guard response?.object != nil || error != nil else {
            throw EntryProblem(description: "(\(method.uppercased()) \(path)) has no response")
        }
        let status = response?["status"]?.int ?? 0
        if error == nil, !(100...599).contains(status) {
            // A browser writes 0 for a request that never got an answer; a hostile file, anything.
            let shown = response?["status"].map { $0.string ?? "\($0)" } ?? "none"
            throw EntryProblem(description: "(\(method.uppercased()) \(path)) has no HTTP status (status: \(shown))")
        }
        let content = response?["content"]
        // The text the parser stepped over reads as "" in the entry (a later non-string `text` would replace it).
        let stepped = content?["text"] == .string("") ? bodyText.map(RecordedExchange.Body.escaped) : nil
        var body = stepped ?? .bytes(Array((content?["text"]?.string ?? "").utf8))
        if content?["encoding"]?.string?.lowercased() == "base64" {
            guard let data = Data(base64Encoded: String(decoding: body.bytes, as: UTF8.self)) else {
                throw EntryProblem(description: "(\(method.uppercased()) \(path)) has a body marked base64 that is not valid base64")
            }
            body = .bytes(Array(data))
        }
        var exchange = RecordedExchange(
            startedAt: entry["startedDateTime"]?.date ?? Date(timeIntervalSince1970: 0),
            timeMilliseconds: entry["time"]?.double ?? 0, method: method.uppercased(), url: url, path: path,
            query: urlQuery, requestHeaders: headers(request["headers"]), status: status,
            statusText: response?["statusText"]?.string ?? "", responseHeaders: headers(response?["headers"]),
            mimeType: content?["mimeType"]?.string ?? "", body: [], error: error,
            errorCode: entry["_errorCode"]?.string.flatMap(VitallyError.Code.init(rawValue:)))
        exchange.storedBody = body
        return exchange
    }
}
