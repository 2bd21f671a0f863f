import Foundation

/// A child process's output, read to its end.
package enum ChildOutput {
    /// Reads `out` and `err` to their ends together (stderr on another thread, so a child that fills
    /// one pipe while we read the other cannot hang), then waits for the child to exit.
    package static func collect(_ process: Process, out: Pipe, err: Pipe) -> (out: String, err: String) {
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
