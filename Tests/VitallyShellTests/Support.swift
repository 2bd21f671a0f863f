import Foundation
import Synchronization
import VitallyKit
import VitallyShell
import VitallySimulator

let shellTestToken = "sk_test_shell_tests_42"
let shellTestAnchor = VitallyDate.parse("2026-11-20")!

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func scratchDirectory() -> URL {
    let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("vitally-shell-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// `scratch/recordings/` holding a copy of the demo recording, for tests that write beside it.
func recordingsWithDemo(in scratch: URL) throws -> URL {
    let recordings = scratch.appendingPathComponent("recordings")
    try FileManager.default.createDirectory(at: recordings, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
        at: packageRoot.appendingPathComponent("recordings/demo.har"), to: recordings.appendingPathComponent("demo.har"))
    return recordings
}

/// A shell as the executable would build it, minus the terminal.
func makeShell(credentials: Credentials? = nil, recordings: URL? = nil, json: Bool = false, secret: String? = nil,
               clock: Date = shellTestAnchor) -> (Shell, URL) {
    let scratch = scratchDirectory()
    let environment = ShellEnvironment(
        environmentCredentials: credentials, configDirectory: scratch.appendingPathComponent("config"),
        cacheDirectory: scratch.appendingPathComponent("cache"), recordingsDirectory: recordings ?? scratch.appendingPathComponent("recordings"),
        workingDirectory: packageRoot, readSecret: { _ in secret }, clock: { clock })
    return (Shell(environment: environment, jsonByDefault: json), scratch)
}

/// A shell whose config folder holds these `profiles` and `credentials` files (0600), and its scratch folder.
func makeShell(profiles: String, credentials: String? = nil) throws -> (Shell, URL) {
    let scratch = scratchDirectory()
    let folder = scratch.appendingPathComponent("config")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in [("profiles", profiles), ("credentials", credentials)] {
        guard let text else { continue }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        chmod(file.path, 0o600)
    }
    let environment = ShellEnvironment(configDirectory: folder, recordingsDirectory: scratch, workingDirectory: scratch,
                                       readSecret: { _ in nil }, clock: { shellTestAnchor })
    return (Shell(environment: environment), scratch)
}

/// A clock a test moves by hand (a token's age, a profile's last use).
final class TestClock: Sendable {
    let now = Mutex(shellTestAnchor)
    func advance(days: Double) { now.withLock { $0 = $0.addingTimeInterval(days * 86_400) } }
}

/// Runs lines against a fresh simulator-backed shell.
func withSimulatedShell<T>(_ configure: (inout SimulatorOptions) -> Void = { _ in }, token: String = shellTestToken,
                           _ body: (Shell, RunningSimulator, URL) async throws -> T) async throws -> T {
    var options = SimulatorOptions(token: shellTestToken, anchor: shellTestAnchor)
    configure(&options)
    let simulator = try await SimulatorServer.start(options)
    let credentials = Credentials(subdomain: "acme", token: token, baseURL: simulator.baseURL, source: .environment)
    let (shell, scratch) = makeShell(credentials: credentials)
    defer { try? FileManager.default.removeItem(at: scratch) }
    _ = await shell.start()
    do {
        let result = try await body(shell, simulator, scratch)
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

extension Shell {
    /// Runs a line and renders it as the executable would without a terminal.
    func text(_ line: String, width: Int = 100) async -> (out: String, err: String, status: ExitStatus) {
        let results = await run(line: line)
        let renderer = TextRenderer(width: width, color: false)
        let out = results.map { renderer.render($0.output, json: $0.asJSON) }.joined()
        let err = results.compactMap(\.error).joined(separator: "\n")
        let status = results.map(\.status).max { $0.rawValue < $1.rawValue } ?? .ok
        return (out, err, status)
    }
}
