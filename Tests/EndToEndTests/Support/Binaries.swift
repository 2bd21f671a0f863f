import Foundation
import VitallyKit
import VitallySimulator

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The built `vitally-shell` (`make test` builds it before the tests run).
let shellBinary = packageRoot.appendingPathComponent(".build/debug/vitally-shell").path

let e2eToken = "sk_test_e2e_token_5d41"
let e2eAnchor = VitallyDate.parse("2026-11-20")!

/// A private HOME and XDG folders, so tests never touch the user's history or config.
func isolatedEnvironment(_ extra: [String: String] = [:]) -> (env: [String: String], home: URL) {
    let home = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("vitally-e2e-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    var env = [
        "HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path,
        "XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
        "PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "PAGER": "cat", "NO_COLOR": "1",
    ]
    for (key, value) in extra { env[key] = value }
    return (env, home)
}

/// Runs the binary to completion with optional stdin; returns status, stdout, stderr. Waits off
/// the concurrency pool, which the in-process simulator needs.
func runShell(_ arguments: [String], environment: [String: String], stdin: String? = nil, directory: URL = packageRoot)
    async throws -> (status: Int32, out: String, err: String)
{
    try await runBinary(shellBinary, arguments, environment: environment, stdin: stdin, directory: directory)
}

/// Runs any built binary to completion, as `runShell` does.
func runBinary(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil,
    directory: URL = packageRoot
) async throws -> (status: Int32, out: String, err: String) {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                if let environment { process.environment = environment }
                process.currentDirectoryURL = directory
                let out = Pipe(), err = Pipe(), input = Pipe()
                process.standardOutput = out
                process.standardError = err
                process.standardInput = input
                try process.run()
                if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
                try input.fileHandleForWriting.close()
                let output = ChildOutput.collect(process, out: out, err: err)
                return (process.terminationStatus, output.out, output.err)
            })
        }
    }
}

func startSimulator(_ configure: (inout SimulatorOptions) -> Void = { _ in }) async throws -> RunningSimulator {
    var options = SimulatorOptions(token: e2eToken, anchor: e2eAnchor)
    configure(&options)
    return try await SimulatorServer.start(options)
}

/// Waits until `condition` holds, checking every 20 ms; fails the wait after `timeout` seconds.
func waitUntil(timeout: Double = 10, _ condition: @Sendable () async -> Bool) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    while await !condition() {
        guard Date() < deadline else { throw WaitTimeout(seconds: timeout) }
        try await Task.sleep(nanoseconds: 20_000_000)
    }
}

struct WaitTimeout: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "the condition did not hold within \(seconds) s" }
}
