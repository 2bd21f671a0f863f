import Foundation
import Synchronization
import VitallyKit

/// Serves a recording over HTTP with the replay's matching rules (`ReplayIndex`): identical
/// requests in recorded order, then the last; the recorded status, headers and body; a 404
/// naming the closest recorded requests for anything the file lacks.
package final class ReplayHandler: Sendable {
    package let recording: HARRecording
    private let index: Mutex<ReplayIndex>
    /// Answers what the file lacks from what it knows (`--serve-as-tenant`); nil: exact matches only.
    package let synthesizer: ReplaySynthesizer?
    /// Gets one line per request when serving as a tenant: recorded, synthesized (and from what) or missing.
    let log: @Sendable (String) -> Void

    /// Headers that describe the recorded transfer, not the body we send now (the body is stored
    /// decoded, and the server frames it itself).
    static let framingHeaders: Set<String> = ["content-length", "transfer-encoding", "content-encoding", "connection", "keep-alive"]

    package init(recording: HARRecording, serveAsTenant: Bool = false, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.recording = recording
        index = Mutex(ReplayIndex(recording.exchanges))
        synthesizer = serveAsTenant ? ReplaySynthesizer(tenant: RecordedTenant(recording.exchanges)) : nil
        self.log = log
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
        guard let exchange = found else { return .respond(synthesize(request)) }
        if exchange.error != nil { return .drop }
        if synthesizer != nil { log("recorded    \(request.summary) -> \(exchange.status)") }
        let headers = exchange.responseHeaders.filter { !Self.framingHeaders.contains($0.name.lowercased()) }
        return .respond(SimulatorResponse(status: exchange.status, headers: headers, body: method == "HEAD" ? [] : exchange.body))
    }

    /// With `--serve-as-tenant`, an answer from recorded data; else (or when it has none) the 404.
    func synthesize(_ request: HTTPRequest) -> SimulatorResponse {
        guard let synthesizer else { return miss(request) }
        let method = request.method.uppercased()
        guard method == "GET" || method == "HEAD" else {
            log("not served  \(request.summary) -> 404 (only GET and HEAD are answered)")
            return miss(request)
        }
        switch synthesizer.answer(path: request.path, query: request.query) {
        case .success(let answer):
            log("synthesized \(request.summary) -> 200 (\(answer.source))")
            var response = answer.response
            if method == "HEAD" { response.body = [] }
            return response
        case .failure(let unanswerable):
            log("not served  \(request.summary) -> 404 (\(unanswerable.reason))")
            return miss(request, reason: unanswerable.reason)
        }
    }

    /// Recorded exchanges not served yet.
    package var unusedCount: Int { index.withLock { $0.unusedCount } }

    func miss(_ request: HTTPRequest, reason: String? = nil) -> SimulatorResponse {
        let file = recording.url.lastPathComponent
        let closest = index.withLock { $0.closest(to: request) }
        let candidates: [JSONValue] = closest.map { candidate in
            ["request": .string(candidate.summary), "differs": .array(candidate.differences.map { .string($0) })]
        }
        let message = "\(request.summary) is not in \(file)"
            + (closest.isEmpty ? " (it has no requests)" : "; closest recorded: " + closest.map(\.summary).joined(separator: ", "))
        var body: JSONValue = [
            "statusCode": 404, "error": "Not Found", "message": .string(message), "request": .string(request.summary),
            "recording": .string(file), "closest": .array(candidates),
        ]
        if let reason, case .object(var object) = body {
            object["notSynthesized"] = .string(reason)
            body = .object(object)
        }
        return SimulatorResponse(
            status: 404, headers: [HTTPHeader("Content-Type", "application/json; charset=utf-8")],
            body: Array(body.serialized(pretty: true).utf8))
    }
}
