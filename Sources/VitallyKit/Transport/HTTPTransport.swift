import Foundation

/// Sends one HTTP request and returns the response: the seam every mode plugs into.
///
/// Live, recording and replay are three conforming types; a test transport is a few lines:
/// ```swift
/// struct CannedTransport: HTTPTransport {
///     let body: String
///     func send(_ request: HTTPRequest) async throws -> HTTPResponse {
///         HTTPResponse(status: 200, headers: [], body: Array(body.utf8))
///     }
/// }
/// ```
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// One header field; a list of these keeps order and duplicates, unlike a dictionary.
public struct HTTPHeader: Sendable, Equatable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One query parameter, kept unencoded.
public struct QueryItem: Sendable, Equatable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A request relative to the API base: method, `/resources/...` path, query, extra headers.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var path: String
    public var query: [QueryItem]
    public var headers: [HTTPHeader]

    public init(method: String = "GET", path: String, query: [QueryItem] = [], headers: [HTTPHeader] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
    }

    /// The path with its percent-encoded query, as it goes on the wire.
    public var pathAndQuery: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\(URLEncoding.encode($0.name))=\(URLEncoding.encode($0.value))" }
            .joined(separator: "&")
    }

    /// `GET /resources/accounts?limit=100`, for messages.
    public var summary: String { "\(method) \(pathAndQuery)" }
}

/// What came back, plus what was really sent, so that a recorder can store both.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    /// The absolute URL requested, when a transport knows it.
    public var url: String?
    /// The headers that went on the wire (the live transport adds authentication here).
    var sentHeaders: [HTTPHeader]
    /// When the request started and how long it took, in milliseconds.
    public var startedAt: Date?
    public var elapsedMilliseconds: Double

    public init(
        status: Int, headers: [HTTPHeader], body: [UInt8], url: String? = nil,
        sentHeaders: [HTTPHeader] = [], startedAt: Date? = nil, elapsedMilliseconds: Double = 0
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
        self.sentHeaders = sentHeaders
        self.startedAt = startedAt
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    /// The first header of this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// RFC 3986 percent-encoding for query components.
package enum URLEncoding {
    private static let unreserved: [Bool] = (0..<256).map { byte in
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8.contains(UInt8(byte))
    }

    package static func encode(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for byte in s.utf8 {
            if unreserved[Int(byte)] {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The value of one hex digit, or nil.
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Decodes `%XX` and, in query strings, `+` as a space.
    package static func decode(_ s: String, plusAsSpace: Bool = true) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return s }
        var s = s
        return s.withUTF8 { decode($0[...], plusAsSpace: plusAsSpace) }
    }

    /// Decodes one component given as bytes (query delimiters are ASCII, so bytes are scanned,
    /// not characters: a replay opens thousands of URLs).
    static func decode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, plusAsSpace: Bool = true) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || ($0 == UInt8(ascii: "+") && plusAsSpace) }) else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: "%") && i + 2 <= bytes.endIndex {
                let h = bytes[i], l = bytes[i + 1]
                i += 2
                // A malformed escape keeps its '%' and drops the two bytes after it, as it always did.
                if let high = hexValue(h), let low = hexValue(l) { out.append(high << 4 | low) } else { out.append(b) }
            } else if b == UInt8(ascii: "%") {
                // Fewer than two bytes after '%': the '%' stays and the rest is dropped, as it always did.
                out.append(b)
                i = bytes.endIndex
            } else if b == UInt8(ascii: "+"), plusAsSpace {
                out.append(UInt8(ascii: " "))
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits `a=1&b=2` into items, decoding each part.
    package static func parseQuery(_ query: String) -> [QueryItem] {
        var query = query
        return query.withUTF8 { parseQuery($0[...]) }
    }

    /// `parseQuery` over bytes: `&` separates pairs (empty ones skipped), the first `=` splits a pair.
    static func parseQuery(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [QueryItem] {
        var items: [QueryItem] = []
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.endIndex
            if end > start {
                let pair = bytes[start..<end]
                if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                    items.append(QueryItem(decode(bytes[start..<equals]), decode(bytes[(equals + 1)..<end])))
                } else {
                    items.append(QueryItem(decode(pair), ""))
                }
            }
            start = end + 1
        }
        return items
    }
}
