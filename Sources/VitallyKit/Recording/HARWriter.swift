import Foundation

/// Writes HAR 1.2 strictly: every required field, stable key order, our additions under `_`.
package enum HARWriter {
    static let creatorName = "vitally-shell"

    /// One entry, already redacted by the caller.
    package static func entry(_ exchange: RecordedExchange, order: Int) -> JSONValue {
        let body = exchange.body  // decoded once: a replayed exchange decodes it on each read
        var content = JSONObject([
            ("size", .number(Double(body.count))), ("mimeType", .string(exchange.mimeType)),
        ])
        if let text = String(validating: body, as: UTF8.self) {
            content["text"] = .string(text)
        } else {
            content["text"] = .string(Data(body).base64EncodedString())
            content["encoding"] = "base64"
        }
        let wait = max(0, exchange.timeMilliseconds)
        var entry = JSONObject([
            ("startedDateTime", .string(VitallyDate.format(exchange.startedAt))),
            ("time", .number(wait)),
            (
                "request",
                .object(
                    JSONObject([
                        ("method", .string(exchange.method)), ("url", .string(exchange.url)),
                        ("httpVersion", "HTTP/1.1"), ("cookies", []),
                        ("headers", .array(exchange.requestHeaders.map(header))),
                        ("queryString", .array(exchange.query.map { ["name": .string($0.name), "value": .string($0.value)] })),
                        ("headersSize", -1), ("bodySize", 0),
                    ]))
            ),
            (
                "response",
                .object(
                    JSONObject([
                        ("status", .number(Double(exchange.status))), ("statusText", .string(exchange.statusText)),
                        ("httpVersion", "HTTP/1.1"), ("cookies", []),
                        ("headers", .array(exchange.responseHeaders.map(header))), ("content", .object(content)),
                        ("redirectURL", ""), ("headersSize", -1), ("bodySize", .number(Double(body.count))),
                    ]))
            ),
            ("cache", [:]),
            ("timings", ["send": 0, "wait": .number(wait), "receive": 0]),
            ("_order", .number(Double(order))),
        ])
        if let error = exchange.error {
            entry["_error"] = .string(error)
            entry["_errorCode"] = .string(exchange.errorCode?.rawValue ?? VitallyError.Code.connection.rawValue)
        }
        return .object(entry)
    }

    static func header(_ h: HTTPHeader) -> JSONValue { ["name": .string(h.name), "value": .string(h.value)] }

    /// The file's opening: log, version, creator, pages, and our metadata.
    package static func logHeader(_ info: RecordingInfo) -> JSONObject {
        JSONObject([
            ("version", "1.2"),
            ("creator", ["name": .string(creatorName), "version": .string(VitallyKitVersion.current)]),
            ("pages", []),
            (
                "_vitallyShell",
                [
                    "recordedAt": .string(VitallyDate.format(info.recordedAt)), "subdomain": JSONValue(info.subdomain),
                    "region": JSONValue(info.region), "baseURL": JSONValue(info.baseURL),
                ]
            ),
        ])
    }

    /// The whole document from already-serialised entries (each pretty-printed at indent 4).
    package static func document(header: JSONObject, serializedEntries: [String]) -> String {
        let (head, tail) = frame(header: header)
        guard !serializedEntries.isEmpty else { return head + tail }
        return head + "\n" + serializedEntries.map { "      " + $0 }.joined(separator: ",\n") + "\n    " + tail
    }

    /// The document around its entries: `head` ends with `"entries": [`, `tail` starts with `]`.
    package static func frame(header: JSONObject) -> (head: String, tail: String) {
        var log = header
        log["entries"] = []
        let text = JSONValue.object(JSONObject([("log", .object(log))])).serialized(pretty: true) + "\n"
        guard let range = text.range(of: "\"entries\": []", options: .backwards) else { return (text, "") }
        let split = text.index(range.upperBound, offsetBy: -1)
        return (String(text[..<split]), String(text[split...]))
    }

    /// Pretty-prints an entry so that it sits at the right depth inside `log.entries`.
    package static func serialize(entry: JSONValue) -> String {
        entry.serialized(pretty: true, indent: 6)
    }

    package static func statusText(_ status: Int) -> String {
        switch status {
        case 0: return ""
        case 200: return "OK"
        case 204: return "No Content"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return ""
        }
    }
}
