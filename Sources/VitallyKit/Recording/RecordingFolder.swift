import Foundation

/// File-system chores around recordings: private folders, whole-file reads without a second
/// copy, crash left-overs, directory fsync, and finding who holds a recording's lock.
enum RecordingFolder {
    /// Creates `directory` (0700, private: recorded files hold customer data) when it does not exist.
    static func createPrivate(_ directory: URL) throws {
        guard !FileManager.default.fileExists(atPath: directory.path) else { return }
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// The whole file as bytes, read straight into one buffer.
    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size >= 0, let size = Int(exactly: info.st_size) else { return nil }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        var failed = false
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while filled < size {
                let count = read(fd, base + filled, size - filled)
                if count < 0, errno == EINTR { continue }
                if count < 0 { failed = true }
                guard count > 0 else { break }  // the file shrank: keep what was there
                filled += count
            }
        }
        guard !failed else { return nil }
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }

    /// Temporary files a killed process left beside `url` (`.NAME.PID.RAND.tmp` whose PID is gone).
    static func removeLeftovers(of url: URL) {
        let directory = url.deletingLastPathComponent()
        let prefix = "." + url.lastPathComponent + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let middle = name.dropFirst(prefix.count).dropLast(4).split(separator: ".")
            guard middle.count == 2, let pid = Int32(middle[0]), pid > 0 else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { unlink(directory.appendingPathComponent(name).path) }
        }
    }

    /// Makes a rename inside `directory` durable.
    static func sync(_ directory: URL) {
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// The process holding an exclusive `flock` on the open file `fd`, from /proc/locks (Linux).
    static func lockHolder(of fd: Int32) -> Int32? {
        var info = stat()
        guard fstat(fd, &info) == 0, let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        let inode = String(info.st_ino)
        for line in text.split(separator: "\n") {
            // "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", fields[3] == "WRITE" else { continue }
            let device = fields[5].split(separator: ":")
            guard device.count == 3, device[2] == inode, let pid = Int32(fields[4]) else { continue }
            return pid
        }
        return nil
    }
}

/// A file mapped read-only: a recording is read in place, and the pages already parsed are
/// handed back as the reader goes, so memory holds the parsed exchanges, not the file as well.
final class MappedFile {
    let bytes: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private var released = 0
    private static let page = max(4096, sysconf(Int32(_SC_PAGESIZE)))

    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, let size = Int(exactly: info.st_size), size >= 0 else { return nil }
        guard size > 0 else {
            base = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else { return nil }
        base = mapped
        bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit { if let base { munmap(base, bytes.count) } }

    /// Drops the pages holding `range` from memory (they are read again if touched).
    func forget(_ range: Range<Int>) {
        guard let base, !range.isEmpty else { return }
        let start = range.lowerBound / MappedFile.page * MappedFile.page
        let end = min(bytes.count, (range.upperBound + MappedFile.page - 1) / MappedFile.page * MappedFile.page)
        madvise(base + start, end - start, MADV_DONTNEED)
    }

    /// Drops the pages wholly before `offset` from memory (they are read again if touched). An
    /// offset before those already dropped starts another pass over the file (the scrub reads it
    /// twice with `--accounts`): its pages are dropped again from the front.
    func release(before offset: Int) {
        guard let base else { return }
        if offset < released { released = 0 }
        let end = offset / MappedFile.page * MappedFile.page
        guard end - released >= 8 << 20 else { return }
        madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }
}
