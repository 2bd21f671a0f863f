import Foundation
import Synchronization
import VitallyKit

/// Serves a recording over HTTP with the replay's matching rules (`ReplayIndex`): identical
/// requests in recorded order, then the last; the recorded status, headers and body; a 404
/// naming the closest recorded requests for anything the file lacks.
package final class ReplayHandler: Sendable {
    package let recording: HARRecording
    private let index: Mutex<ReplayIndex>

    /// Headers that describe the recorded transfer, not the body we send now (the body is stored
    /// decoded, and the server frames it itself).
    static let framingHeaders: Set<String> = ["content-length", "transfer-encoding", "content-encoding", "connection", "keep-alive"]

    package init(recording: HARRecording) {
        self.recording = recording
        index = Mutex(ReplayIndex(recording.exchanges))
    }

    /// The recorded answer, a dropped connection for a recorded transport failure, or a 404.
    package func handle(method: String, path: String, query: [QueryItem]) -> SimulatorHandler.Outcome {
        let request = HTTPRequest(method: method, path: path, query: query)
        let found = index.withLock { index -> RecordedExchange? in
            if let exchange = index.next(for: request) { return exchange }
            // A HEAD is answered from the recorded GET, without its body.
            guard method == "HEAD" else { return nil }
            return index.next(for: HTTPRequest(method: "GET", path: path, query: query))
        }
        guard let exchange = found else { return .respond(miss(request)) }
        if exchange.error != nil { return .drop }
        let headers = exchange.responseHeaders.filter { !Self.framingHeaders.contains($0.name.lowercased()) }
        return .respond(SimulatorResponse(status: exchange.status, headers: headers, body: method == "HEAD" ? [] : exchange.body))
    }

    /// Recorded exchanges not served yet.
    package var unusedCount: Int { index.withLock { $0.unusedCount } }

    func miss(_ request: HTTPRequest) -> SimulatorResponse {
        let file = recording.url.lastPathComponent
        let closest = index.withLock { $0.closest(to: request) }
        let candidates: [JSONValue] = closest.map { candidate in
            ["request": .string(candidate.summary), "differs": .array(candidate.differences.map { .string($0) })]
        }
        let message = "\(request.summary) is not in \(file)"
            + (closest.isEmpty ? " (it has no requests)" : "; closest recorded: " + closest.map(\.summary).joined(separator: ", "))
        let body: JSONValue = [
            "statusCode": 404, "error": "Not Found", "message": .string(message), "request": .string(request.summary),
            "recording": .string(file), "closest": .array(candidates),
        ]
        return SimulatorResponse(
            status: 404, headers: [HTTPHeader("Content-Type", "application/json; charset=utf-8")],
            body: Array(body.serialized(pretty: true).utf8))
    }
}
