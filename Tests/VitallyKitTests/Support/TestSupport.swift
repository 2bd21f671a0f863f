import Foundation
import VitallyKit
import VitallySimulator

let testToken = "sk_test_test_5f1c9a7e"
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

/// A fresh temporary folder, removed by the caller.
func temporaryDirectory() -> URL {
    let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("vitally-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The package root, from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Runs scripts/validate-har.py; returns its exit status and output.
func validateHAR(_ url: URL, forbidding secrets: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/validate-har.py").path, url.path]
        + secrets.flatMap { ["--forbid", $0] }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A client that records to `file` through a live transport to the simulator.
func recordingClient(_ simulator: RunningSimulator, file: URL, token: String = testToken, now: Date = testAnchor)
    async throws -> (VitallyClient, HARRecorder)
{
    let endpoint = try VitallyEndpoint.custom(simulator.baseURL)
    let recorder = HARRecorder(url: file, info: RecordingInfo(recordedAt: now, subdomain: "acme", region: "us", baseURL: endpoint.baseURL),
                               redactor: Redactor(token: token))
    let live = LiveTransport(endpoint: endpoint, token: token, timeoutSeconds: 5)
    let transport = RecordingTransport(base: live, recorder: recorder, baseURL: endpoint.baseURL)
    return (VitallyClient(transport: RetryingTransport(base: transport, clock: VirtualRetryClock())), recorder)
}

/// A loopback port nothing listens on, held (bound, never listening) while `body` runs so no
/// simulator started by a parallel test can take it: connecting is refused.
func withUnusedLoopbackPort<T>(_ body: (Int) async throws -> T) async rethrows -> T {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return try await body(Int(UInt16(bigEndian: address.sin_port)))
}
