import Foundation

/// Writes a file so that readers see the old bytes or the new ones, never half of either:
/// a private temporary file beside it, fsync, rename, fsync of the folder. A folder it creates is
/// private (0700); the temporary file is removed on every failure.
package enum AtomicFile {
    package static func write(_ data: Data, to url: URL, permissions: Int = 0o600) throws {
        let directory = url.deletingLastPathComponent()
        try RecordingFolder.createPrivate(directory)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
        var ok = true
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return }
                let written = Foundation.write(fd, base + offset, buffer.count - offset)
                if written <= 0 { ok = false; break }
                offset += written
            }
        }
        if ok { ok = fchmod(fd, mode_t(permissions)) == 0 && fsync(fd) == 0 }
        close(fd)
        guard ok, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        RecordingFolder.sync(directory)
    }
}
