import Foundation
import VitallyKit
import VitallySimulator

/// Loading and indexing a large recording, and serving one replayed request.
enum ReplayBench {
    /// A HAR of `count` exchanges of account pages (three accounts each, ~4.5 KB a body).
    static func makeRecording(count: Int, accounts: [JSONValue]) throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bench-\(count).har")
        var entries: [String] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            let page: JSONValue = [
                "results": .array((0..<3).map { accounts[(index * 3 + $0) % accounts.count] }),
                "next": .string(Data("{\"id\":\(index + 1)}".utf8).base64EncodedString()), "atEnd": false,
            ]
            let cursor = index == 0 ? [] : [QueryItem("from", Data("{\"id\":\(index)}".utf8).base64EncodedString())]
            let query = [QueryItem("limit", "3")] + cursor
            let request = HTTPRequest(path: "/resources/accounts", query: query)
            let exchange = RecordedExchange(
                startedAt: anchor, timeMilliseconds: 12.5, method: "GET", url: "https://acme.rest.vitally.io" + request.pathAndQuery,
                path: request.path, query: query, requestHeaders: [HTTPHeader("Authorization", "REDACTED")], status: 200,
                statusText: "OK", responseHeaders: [HTTPHeader("Content-Type", "application/json")], mimeType: "application/json",
                body: Array(page.serialized().utf8))
            entries.append(HARWriter.serialize(entry: HARWriter.entry(exchange, order: index)))
        }
        let text = HARWriter.document(header: HARWriter.logHeader(RecordingInfo(recordedAt: anchor)), serializedEntries: entries)
        try Data(text.utf8).write(to: url)
        return url
    }

    static func run() async throws {
        let accounts = SimulatorDataSet.generate(seed: 42, anchor: anchor, accountCount: 400).accounts
        let big = try makeRecording(count: 10_000, accounts: accounts)
        defer { try? FileManager.default.removeItem(at: big) }
        let bytes = Double((try FileManager.default.attributesOfItem(atPath: big.path)[.size] as? Int) ?? 0)
        var best = Double.infinity
        var recording: HARRecording?
        for _ in 0..<3 {
            let elapsed = try seconds {
                let loaded = try HARReader.load(big)
                _ = ReplayIndex(loaded.exchanges)
                recording = loaded
            }
            best = min(best, elapsed)
        }
        let rate = bytes / 1e6 / best
        figure("har load+index (10,000 exchanges)", String(format: "%.1f MB in %.3f s = %.0f MB/s", bytes / 1e6, best, rate),
               goal: "150 MB/s", met: rate >= 150)

        for count in [100, 10_000] {
            let exchanges = Array((recording?.exchanges ?? []).prefix(count))
            var index = ReplayIndex(exchanges)
            let requests = exchanges.map { HTTPRequest(method: $0.method, path: $0.path, query: $0.query.reversed()) }
            let rounds = 200_000
            let elapsed = seconds {
                for i in 0..<rounds { _ = index.next(for: requests[i % requests.count]) }
            }
            let micro = elapsed / Double(rounds) * 1e6
            figure("serve one replayed request (\(count))", String(format: "%.2f µs", micro), goal: "< 20 µs, flat", met: micro < 20)
        }
        if let recording {
            let transport = ReplayTransport(recording: recording, recordHint: "-")
            let request = HTTPRequest(path: "/resources/accounts", query: [QueryItem("limit", "3")])
            let rounds = 50_000
            let elapsed = try await seconds {
                for _ in 0..<rounds { _ = try await transport.send(request) }
            }
            let micro = elapsed / Double(rounds) * 1e6
            figure("  through ReplayTransport.send", String(format: "%.2f µs", micro), goal: "< 20 µs", met: micro < 20)
            // Recording a cold scan of a 10,000-account tenant: 100 pages of ~150 KB, each append rewriting the file.
            let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bench-rec-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let recorder = HARRecorder(url: folder.appendingPathComponent("scan.har"), info: RecordingInfo(recordedAt: anchor),
                                       redactor: Redactor(token: "sk_test_bench_token"))
            let page: [UInt8] = Array(JSONValue.array(Array(accounts.prefix(100))).serialized().utf8)
            let template = recording.exchanges[0]
            let recordTime = try await seconds {
                for index in 0..<100 {
                    var exchange = template
                    exchange.query = [QueryItem("limit", "100"), QueryItem("page", String(index))]
                    exchange.body = page
                    try await recorder.append(exchange)
                }
            }
            figure("record 100 pages of \(page.count / 1024) KB", String(format: "%.2f s (%.0f ms per page)", recordTime, recordTime * 10),
                   goal: "(reported)", met: true)

        }
    }
}
