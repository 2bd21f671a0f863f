import Foundation
import VitallyKit
import VitallySimulator

let testToken = "sk_live_test_5f1c9a7e"
let testAnchor = VitallyDate.parse("2026-11-20")!

/// Starts a simulator on a free loopback port, runs `body` with a client pointed at it, then stops it.
func withSimulator<T>(
    _ configure: (inout SimulatorOptions) -> Void = { _ in },
    clock: VirtualRetryClock = VirtualRetryClock(),
    token: String = testToken,
    _ body: (VitallyClient, RunningSimulator) async throws -> T
) async throws -> T {
    var options = SimulatorOptions(token: testToken, anchor: testAnchor)
    configure(&options)
    let simulator = try await SimulatorServer.start(options)
    do {
        let live = LiveTransport(endpoint: try .custom(simulator.baseURL), token: token, timeoutSeconds: 5)
        let client = VitallyClient(transport: RetryingTransport(base: live, clock: clock))
        let result = try await body(client, simulator)
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

/// Answers from a list of canned responses and records what it was asked.
actor ScriptedTransport: HTTPTransport {
    var responses: [HTTPResponse]
    private(set) var requests: [HTTPRequest] = []

    init(_ bodies: [String], status: Int = 200) {
        responses = bodies.map { HTTPResponse(status: status, headers: [], body: Array($0.utf8)) }
    }

    init(responses: [HTTPResponse]) { self.responses = responses }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requests.append(request)
        guard !responses.isEmpty else { throw VitallyError(.notRecorded, path: request.path, cause: "script exhausted") }
        return responses.removeFirst()
    }
}
