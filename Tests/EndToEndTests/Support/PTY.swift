import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program running on a pseudo-terminal: type into it, wait for what it prints.
final class PTY: @unchecked Sendable {
    let pid: pid_t
    let fd: Int32
    /// The terminal side's path, opened briefly to read its modes.
    let terminalPath: String
    private(set) var output: [UInt8] = []
    private var mark = 0

    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        let seen: String
        var description: String { "timed out waiting for \(waitingFor.debugDescription); the screen so far:\n\(seen)" }
    }

    init(_ executable: String, _ arguments: [String], environment: [String: String], directory: String, rows: UInt16 = 30, columns: UInt16 = 110) throws {
        // Everything the child needs is built before fork: after it only async-signal-safe calls.
        let argvList = ([executable] + arguments).map { strdup($0) } + [nil]
        let envList = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: argvList.count)
        argv.initialize(from: argvList, count: argvList.count)
        let envp = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: envList.count)
        envp.initialize(from: envList, count: envList.count)
        guard let program = argvList[0], let dir = strdup(directory) else { throw POSIXError(.ENOMEM) }
        defer {
            argvList.forEach { free($0) }
            envList.forEach { free($0) }
            argv.deallocate()
            envp.deallocate()
            free(dir)
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        let child = forkpty(&master, nil, nil, &size)
        if child == 0 {
            var empty = sigset_t()
            sigemptyset(&empty)
            pthread_sigmask(SIG_SETMASK, &empty, nil)
            signal(SIGINT, SIG_DFL)
            signal(SIGPIPE, SIG_DFL)
            _ = chdir(dir)
            execve(program, argv, envp)
            _exit(127)
        }
        guard child > 0 else { throw POSIXError(.EAGAIN) }
        pid = child
        fd = master
        var number: UInt32 = 0
        let tiocgptn: UInt = 0x8004_5430  // TIOCGPTN (a macro Swift does not import): the pty's number
        terminalPath = ioctl(master, tiocgptn, &number) == 0 ? "/dev/pts/\(number)" : ""
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(fd)
    }

    /// Types at the prompt: waits until the line editor reads the keys, not the terminal driver.
    /// libedit prints its prompt before it switches the terminal to raw mode; a key sent in between
    /// is the driver's (a Ctrl-C becomes a signal and the typed line is flushed).
    func type(_ text: String, timeout: Double = 10) async throws {
        try await offPool { try self.blockingWaitForMode(editing: true, timeout: timeout) }
        send(text)
    }

    /// Waits until a command runs: the editor has handed the terminal back (canonical mode).
    func waitForCommand(timeout: Double = 10) async throws {
        try await offPool { try self.blockingWaitForMode(editing: false, timeout: timeout) }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// Waits off the concurrency pool (an in-process simulator needs those threads).
    @discardableResult
    func expect(_ text: String, timeout: Double = 10) async throws -> String {
        try await offPool { try self.blockingExpect(text, timeout: timeout) }
    }

    private func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    struct ModeTimeout: Error, CustomStringConvertible {
        let editing: Bool
        let seen: String
        var description: String {
            "timed out waiting for the terminal to be \(editing ? "in the line editor's raw mode" : "back in canonical mode"); the screen so far:\n\(seen)"
        }
    }

    /// Polls the terminal's modes (reading output meanwhile, so the program never blocks on a full pipe).
    func blockingWaitForMode(editing: Bool, timeout: Double) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let canonical = isCanonical(), canonical != editing { return }
            if Date() >= deadline { throw ModeTimeout(editing: editing, seen: screen) }
            _ = readSome(timeout: 0.01)
        }
    }

    private func isCanonical() -> Bool? {
        let terminal = open(terminalPath, O_RDWR | O_NOCTTY | O_NONBLOCK)
        guard terminal >= 0 else { return nil }
        defer { close(terminal) }
        var modes = termios()
        guard tcgetattr(terminal, &modes) == 0 else { return nil }
        return modes.c_lflag & tcflag_t(ICANON) != 0
    }

    func waitForExit(timeout: Double = 10) async -> Int32? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.blockingWaitForExit(timeout: timeout)) }
        }
    }

    /// Reads until `text` appears after the last match; returns what came since then.
    func blockingExpect(_ text: String, timeout: Double) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        let needle = Array(text.utf8)
        while true {
            if let range = find(needle, from: mark) {
                let seen = String(decoding: output[mark..<range.upperBound], as: UTF8.self)
                mark = range.upperBound
                return seen
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { throw Timeout(waitingFor: text, seen: screen) }
            if !readSome(timeout: left) {
                if let range = find(needle, from: mark) { mark = range.upperBound; return "" }
                throw Timeout(waitingFor: text, seen: screen)
            }
        }
    }

    /// Everything printed since the last match, without waiting.
    var screen: String { String(decoding: output[mark...], as: UTF8.self) }

    /// Waits for the program to end; its exit status, or nil on timeout.
    func blockingWaitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            _ = readSome(timeout: 0.05)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
        }
        return nil
    }

    private func readSome(timeout: Double) -> Bool {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, Int32(max(1, min(timeout, 1) * 1000))) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { return false }
        output.append(contentsOf: buffer[0..<n])
        return true
    }

    private func find(_ needle: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, output.count - start >= needle.count else { return nil }
        var i = start
        while i <= output.count - needle.count {
            if output[i] == needle[0] && Array(output[i..<(i + needle.count)]) == needle { return i..<(i + needle.count) }
            i += 1
        }
        return nil
    }
}
