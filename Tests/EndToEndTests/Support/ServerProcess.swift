import Foundation

/// The built `vitally-sim`.
let simBinary = packageRoot.appendingPathComponent(".build/debug/vitally-sim").path

/// A built server binary running in the background; the port comes from its first line.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let banner: String
    /// What the server printed after its banner (drained as it comes, so a chatty server never blocks).
    private let printed = LockedText()
    var output: String { printed.text }

    struct NoBanner: Error, CustomStringConvertible {
        let output: String
        var description: String { "the server printed no 'http://HOST:PORT' line; it said: \(output)" }
    }

    init(_ executable: String, _ arguments: [String], directory: URL = packageRoot) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        // One line is enough: it names the bound port (`--port 0` picks a free one).
        var line = Data()
        let handle = out.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte == Data([10]) { break }
            line.append(byte)
        }
        banner = String(decoding: line, as: UTF8.self)
        guard let range = banner.range(of: "http://127.0.0.1:"),
            let port = Int(banner[range.upperBound...].prefix { $0.isNumber })
        else {
            process.terminate()
            throw NoBanner(output: banner)
        }
        self.port = port
        handle.readabilityHandler = { [printed] handle in printed.append(handle.availableData) }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

/// Text appended from one thread and read from another.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
