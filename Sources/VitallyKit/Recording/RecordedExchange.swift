import Foundation

/// One request and what came back (or how it failed), as stored in a HAR entry.
public struct RecordedExchange: Sendable, Equatable {
    public var startedAt: Date
    public var timeMilliseconds: Double
    public var method: String
    /// Absolute URL as recorded (host included; replay ignores the host).
    public var url: String
    public var path: String
    public var query: [QueryItem]
    public var requestHeaders: [HTTPHeader]
    public var status: Int
    public var statusText: String
    public var responseHeaders: [HTTPHeader]
    public var mimeType: String
    /// The response body, decoded when read: an exchange read from a file keeps its body as the
    /// file's escaped JSON text until then, so opening a recording decodes none of them.
    public var body: [UInt8] {
        get { storedBody.bytes }
        set { storedBody = .bytes(newValue) }
    }
    var storedBody: Body
    /// A transport failure instead of a response (`_error` in the file), with its code.
    public var error: String?
    public var errorCode: VitallyError.Code?

    public init(
        startedAt: Date, timeMilliseconds: Double, method: String, url: String, path: String, query: [QueryItem],
        requestHeaders: [HTTPHeader], status: Int, statusText: String, responseHeaders: [HTTPHeader],
        mimeType: String, body: [UInt8], error: String? = nil, errorCode: VitallyError.Code? = nil
    ) {
        self.startedAt = startedAt
        self.timeMilliseconds = timeMilliseconds
        self.method = method
        self.url = url
        self.path = path
        self.query = query
        self.requestHeaders = requestHeaders
        self.status = status
        self.statusText = statusText
        self.responseHeaders = responseHeaders
        self.mimeType = mimeType
        self.storedBody = .bytes(body)
        self.error = error
        self.errorCode = errorCode
    }

    /// `GET /resources/accounts?limit=100`
    public var summary: String {
        HTTPRequest(method: method, path: path, query: query).summary
    }

    public var response: HTTPResponse {
        HTTPResponse(status: status, headers: responseHeaders, body: body, url: url, startedAt: startedAt,
                     elapsedMilliseconds: timeMilliseconds)
    }

    /// Splits an absolute or relative URL into its path and decoded query. The delimiters are
    /// ASCII, so bytes are scanned rather than characters (opening a recording splits every URL).
    package static func split(url: String) -> (path: String, query: [QueryItem]) {
        var url = url
        return url.withUTF8 { bytes in
            var start = bytes.startIndex
            var end = bytes.endIndex
            if let scheme = firstSchemeSeparator(bytes) {
                guard let slash = bytes[(scheme + 3)...].firstIndex(of: UInt8(ascii: "/")) else { return ("/", []) }
                start = slash
            }
            if let hash = bytes[start..<end].firstIndex(of: UInt8(ascii: "#")) { end = hash }
            guard let mark = bytes[start..<end].firstIndex(of: UInt8(ascii: "?")) else {
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), [])
            }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<mark]), as: UTF8.self),
                    URLEncoding.parseQuery(bytes[(mark + 1)..<end]))
        }
    }

    /// Where the first `://` starts.
    private static func firstSchemeSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 3 else { return nil }
        for i in 0...(bytes.count - 3)
        where bytes[i] == UInt8(ascii: ":") && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/") {
            return i
        }
        return nil
    }
}

/// Facts about a recording kept in its log's `_vitallyShell` field.
public struct RecordingInfo: Sendable, Equatable {
    /// "Now" for everything computed from this recording.
    public var recordedAt: Date
    public var subdomain: String?
    public var region: String?
    public var baseURL: String?

    public init(recordedAt: Date, subdomain: String? = nil, region: String? = nil, baseURL: String? = nil) {
        self.recordedAt = recordedAt
        self.subdomain = subdomain
        self.region = region
        self.baseURL = baseURL
    }
}

extension RecordedExchange {
    /// A body as bytes, or as a recording's JSON string (quotes included) that the parser checked
    /// and `JSONParser.decodeString` decodes; equal when their decoded bytes are.
    enum Body: Sendable, Equatable {
        case bytes([UInt8])
        case escaped([UInt8])

        var bytes: [UInt8] {
            switch self {
            case .bytes(let bytes): return bytes
            case .escaped(let quoted): return quoted.withUnsafeBufferPointer(JSONParser.decodeString)
            }
        }

        static func == (lhs: Body, rhs: Body) -> Bool {
            if case .escaped(let a) = lhs, case .escaped(let b) = rhs, a == b { return true }
            return lhs.bytes == rhs.bytes
        }
    }
}
