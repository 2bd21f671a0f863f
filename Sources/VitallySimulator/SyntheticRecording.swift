import Foundation
import VitallyKit

/// Large recordings for benchmarks and tests, made on demand so no big file lives in git:
/// N exchanges of account pages (8 distinct accounts a page, about 4.5 KB an exchange).
/// Same count, same bytes.
package enum SyntheticRecording {
    /// The recording's "now".
    package static let recordedAt = Date(timeIntervalSince1970: 1_795_132_800)  // 2026-11-20

    /// Writes an `count`-exchange HAR to `url`, streaming (memory stays small at any count).
    package static func write(exchanges count: Int, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let (head, tail) = HARWriter.frame(header: HARWriter.logHeader(
            RecordingInfo(recordedAt: recordedAt, subdomain: "synthetic", region: "us", baseURL: "https://synthetic.rest.vitally.io")))
        var buffer = Array(head.utf8)
        for index in 0..<count {
            buffer.append(contentsOf: Array(((index == 0 ? "\n" : ",\n") + "      " + HARWriter.serialize(entry: entry(index))).utf8))
            if buffer.count > 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if count > 0 { buffer.append(contentsOf: Array("\n    ".utf8)) }
        buffer.append(contentsOf: Array(tail.utf8))
        try handle.write(contentsOf: buffer)
    }

    /// The `index`th exchange: page `index` of `/resources/accounts`, cursor-paged.
    package static func exchange(_ index: Int) -> RecordedExchange {
        let page: JSONValue = [
            "results": .array((0..<8).map { account(index * 8 + $0) }),
            "next": .string(cursor(index + 1)), "atEnd": false,
        ]
        let query = [QueryItem("limit", "8")] + (index == 0 ? [] : [QueryItem("from", cursor(index))])
        let request = HTTPRequest(path: "/resources/accounts", query: query)
        return RecordedExchange(
            startedAt: recordedAt.addingTimeInterval(Double(index) * 0.05), timeMilliseconds: 12.5, method: "GET",
            url: "https://synthetic.rest.vitally.io" + request.pathAndQuery, path: request.path, query: query,
            requestHeaders: [HTTPHeader("Authorization", "REDACTED"), HTTPHeader("Accept", "application/json")],
            status: 200, statusText: "OK",
            responseHeaders: [HTTPHeader("Content-Type", "application/json"), HTTPHeader("RateLimit-Remaining", "999")],
            mimeType: "application/json", body: Array(page.serialized().utf8))
    }

    static func entry(_ index: Int) -> JSONValue { HARWriter.entry(exchange(index), order: index) }

    static func cursor(_ page: Int) -> String { Data("{\"id\":\(page),\"t\":\"synthetic\"}".utf8).base64EncodedString() }

    /// One account with its own name, externalId and domain.
    static func account(_ n: Int) -> JSONValue {
        let number = String(n).leftPad(6)
        let hex = String(UInt64(n) &* 0x9E37_79B9_7F4A_7C15, radix: 16).leftPad(16)
        return .object(JSONObject([
            ("id", .string("acc-" + hex)), ("externalId", .string("ext-" + number)),
            ("name", .string("Company \(number) Ltd")), ("createdAt", "2024-03-01T10:00:00.000Z"),
            ("updatedAt", "2026-11-18T09:30:00.000Z"),
            ("traits", ["domain": .string("company\(number).example"), "plan": "enterprise", "region": "emea"]),
            ("mrr", .number(Double(1000 + n % 9000))), ("healthScore", .number(Double(n % 100) / 10)),
            ("usersCount", .number(Double(n % 40))), ("npsScore", .number(Double(n % 200 - 100))),
            ("churnedAt", .null), ("csmId", .string("adm-" + String(n % 7))),
        ]))
    }
}
