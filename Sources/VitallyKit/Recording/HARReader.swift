import Foundation

/// A loaded recording: its exchanges in recorded order, plus our metadata when we wrote it.
public struct HARRecording: Sendable {
    public var url: URL
    public var exchanges: [RecordedExchange]
    public var info: RecordingInfo?
    public var creator: String?
    public var byteCount: Int

    public init(url: URL, exchanges: [RecordedExchange], info: RecordingInfo?, creator: String?, byteCount: Int) {
        self.url = url
        self.exchanges = exchanges
        self.info = info
        self.creator = creator
        self.byteCount = byteCount
    }
}

/// Reads HAR leniently: our files, browser devtools exports, mitmproxy dumps (fractional times,
/// nulls, missing optional fields, base64 bodies, a byte-order mark).
public enum HARReader {
    public static func load(_ url: URL) throws(VitallyError) -> HARRecording {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw VitallyError(.recording, path: path, cause: "\(path): no such file (see 'recordings' for the files there are)")
        }
        guard !isDirectory.boolValue else {
            throw VitallyError(.recording, path: path, cause: "\(path) is a directory, not a .har file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VitallyError(.recording, path: path, cause: "\(path) cannot be read (check its permissions)")
        }
        return try parse(Array(data), url: url)
    }

    public static func parse(_ bytes: [UInt8], url: URL) throws(VitallyError) -> HARRecording {
        let path = url.path
        guard !bytes.isEmpty else { throw VitallyError(.recording, path: path, cause: "\(path) is empty: not a HAR file") }
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            let truncated = error.message.contains("truncated") || error.offset >= bytes.count - 1
            throw VitallyError(
                .recording, path: path,
                cause: "\(path) is not valid JSON (\(error))" + (truncated ? "; the file looks truncated" : ""))
        }
        guard let log = json["log"], let entries = log["entries"]?.array else {
            throw VitallyError(.recording, path: path, cause: "\(path) is JSON but not a HAR file (no log.entries)")
        }
        var exchanges: [RecordedExchange] = []
        exchanges.reserveCapacity(entries.count)
        for (number, entry) in entries.enumerated() {
            guard let exchange = exchange(from: entry) else {
                throw VitallyError(.recording, path: path, cause: "\(path): entry \(number + 1) has no request method and URL")
            }
            exchanges.append(exchange)
        }
        if !exchanges.isEmpty, !exchanges.contains(where: { $0.path.hasPrefix("/resources/") }) {
            throw VitallyError(
                .recording, path: path,
                cause: "\(path) is a HAR of another API: none of its \(exchanges.count) requests is under /resources/")
        }
        var info: RecordingInfo?
        if let meta = log["_vitallyShell"], let recordedAt = meta["recordedAt"]?.date {
            info = RecordingInfo(
                recordedAt: recordedAt, subdomain: meta["subdomain"]?.string, region: meta["region"]?.string,
                baseURL: meta["baseURL"]?.string)
        }
        return HARRecording(
            url: url, exchanges: exchanges, info: info, creator: log["creator"]?["name"]?.string, byteCount: bytes.count)
    }

    static func headers(_ value: JSONValue?) -> [HTTPHeader] {
        (value?.array ?? []).compactMap { item in
            if let name = item["name"]?.string { return HTTPHeader(name, item["value"]?.string ?? "") }
            // mitmproxy also accepts [name, value] pairs.
            if let name = item[0]?.string { return HTTPHeader(name, item[1]?.string ?? "") }
            return nil
        }
    }

    static func exchange(from entry: JSONValue) -> RecordedExchange? {
        guard let request = entry["request"], let method = request["method"]?.string, let url = request["url"]?.string
        else { return nil }
        let (path, urlQuery) = RecordedExchange.split(url: url)
        let response = entry["response"]
        let content = response?["content"]
        var body: [UInt8] = []
        if let text = content?["text"]?.string {
            if content?["encoding"]?.string?.lowercased() == "base64", let data = Data(base64Encoded: text) {
                body = Array(data)
            } else {
                body = Array(text.utf8)
            }
        }
        let error = entry["_error"]?.string ?? response?["_error"]?.string
        return RecordedExchange(
            startedAt: entry["startedDateTime"]?.date ?? Date(timeIntervalSince1970: 0),
            timeMilliseconds: entry["time"]?.double ?? 0, method: method.uppercased(), url: url, path: path,
            query: urlQuery, requestHeaders: headers(request["headers"]), status: response?["status"]?.int ?? 0,
            statusText: response?["statusText"]?.string ?? "", responseHeaders: headers(response?["headers"]),
            mimeType: content?["mimeType"]?.string ?? "", body: body, error: error,
            errorCode: entry["_errorCode"]?.string.flatMap(VitallyError.Code.init(rawValue:)))
    }
}
