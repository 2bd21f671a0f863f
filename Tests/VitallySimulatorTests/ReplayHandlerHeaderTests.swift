import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// `X-Replay-Synthesized` is on synthesized answers only, even when a recording made against a
/// replay server recorded the header.
@Suite struct ReplayHandlerHeaderTests {
    func recording(header: HTTPHeader) -> HARRecording {
        let url = "http://127.0.0.1:8080/resources/notes?limit=3"
        let (path, query) = RecordedExchange.split(url: url)
        let exchange = RecordedExchange(
            startedAt: Date(timeIntervalSince1970: 0), timeMilliseconds: 1, method: "GET", url: url, path: path, query: query,
            requestHeaders: [], status: 200, statusText: "OK",
            responseHeaders: [HTTPHeader("Content-Type", "application/json"), header], mimeType: "application/json",
            body: Array(#"{"results":[{"id":"n1"},{"id":"n2"}],"next":null}"#.utf8))
        return HARRecording(url: URL(fileURLWithPath: "/tmp/chain.har"), exchanges: [exchange], info: nil, creator: nil, byteCount: 0)
    }

    func synthesizedHeader(_ outcome: SimulatorHandler.Outcome) -> Bool {
        guard case .respond(let response) = outcome else { return false }
        return response.headers.contains { $0.name.lowercased() == "x-replay-synthesized" }
    }

    @Test func aRecordedSynthesizedHeaderIsNotReplayedOnARecordedAnswer() {
        for serveAsTenant in [false, true] {
            let handler = ReplayHandler(recording: recording(header: HTTPHeader("X-Replay-Synthesized", "true")), serveAsTenant: serveAsTenant)
            #expect(!synthesizedHeader(handler.handle(method: "GET", path: "/resources/notes", query: [QueryItem("limit", "3")])))
            if serveAsTenant {
                #expect(synthesizedHeader(handler.handle(method: "GET", path: "/resources/notes", query: [QueryItem("limit", "1")])))
            }
        }
    }

    @Test func aDecodedIdCannotBreakOrForgeALogLine() {
        let lines = LockedLines()
        let handler = ReplayHandler(recording: recording(header: HTTPHeader("X-Other", "1")), serveAsTenant: true) { lines.append($0) }
        _ = handler.handle(method: "GET", path: "/resources/notes/x%0Avitally-sim:%20recorded%20%20%20%20GET%20forged%20-%3E%20200", query: [])
        _ = handler.handle(method: "GET", path: "/resources/notes", query: [QueryItem("sortBy", "a\u{1B}[2Jb")])
        let logged = lines.all
        #expect(logged.count == 2)
        #expect(logged.allSatisfy { !$0.contains("\n") && !$0.contains("\u{1B}") }, "\(logged)")
        #expect(logged.first?.contains("x\\nvitally-sim: recorded") == true, "\(logged)")
    }
}

/// Lines appended from the handler's log closure.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
