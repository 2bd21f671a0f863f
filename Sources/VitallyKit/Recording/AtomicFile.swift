import Foundation

/// Writes a file so that readers see the old bytes or the new ones, never half of either:
/// a private temporary file beside it, fsync, rename, fsync of the folder. A folder it creates is
/// private (0700); the temporary file is removed on every failure.
package enum AtomicFile {
    package static func write(_ data: Data, to url: URL, permissions: Int = 0o600) throws {
        try write(to: url, permissions: permissions) { sink in data.withUnsafeBytes { sink.write($0) } }
    }

    /// Streams the file's bytes through `fill` (a large file never sits whole in memory). An error
    /// `fill` throws is thrown as it is, and nothing is written; a failed write throws a `CocoaError`.
    package static func write(to url: URL, permissions: Int = 0o600, _ fill: (inout FileSink) throws -> Void) throws {
        let directory = url.deletingLastPathComponent()
        try RecordingFolder.createPrivate(directory)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        var sink = FileSink(fd: fd)
        do {
            try fill(&sink)
        } catch {
            close(fd)
            unlink(temporary.path)
            throw error
        }
        sink.flush()
        let ok = !sink.failed && fchmod(fd, mode_t(permissions)) == 0 && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        RecordingFolder.sync(directory)
    }
}

/// Buffered writes to an open file: bytes go out a megabyte at a time; a failed write is
/// remembered (and the rest dropped) for `AtomicFile` to report at the end.
package struct FileSink {
    let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var failed = false
    private static let chunk = 1 << 20

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    package mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { flush() }
    }

    package mutating func write(_ bytes: UnsafeRawBufferPointer) {
        if bytes.count >= Self.chunk {
            flush()
            send(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunk { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { send($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func send(_ bytes: UnsafeRawBufferPointer) {
        guard !failed, let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(fd, base + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            if written <= 0 {
                failed = true
                return
            }
            offset += written
        }
    }
}
