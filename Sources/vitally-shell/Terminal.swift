import Dispatch
import Foundation
import Synchronization
import VitallyShell

#if canImport(Glibc)
import Glibc
#endif

/// Every platform call of the executable: tty checks, the environment, sizes, signals,
/// raw writes, the no-echo secret prompt and the pager.
enum Terminal {
    static var stdinIsTTY: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }

    static func variable(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        return String(cString: raw)
    }

    /// Read once: the shell never changes its environment, and each read built the dictionary anew.
    static let environment = ProcessInfo.processInfo.environment

    static var workingDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// Ends the process with this status.
    static func exit(_ status: Int32) -> Never { Foundation.exit(status) }

    static var size: (columns: Int, rows: Int) {
        var ws = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return (Int(ws.ws_col), Int(ws.ws_row)) }
        let columns = variable("COLUMNS").flatMap(Int.init) ?? 100
        return (columns, variable("LINES").flatMap(Int.init) ?? 24)
    }

    static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return
            }
            offset += n
        }
        bytes.removeAll()
    }

    /// Everything shown passes here: control characters become visible. `colours` lets `ESC[…m`
    /// through, for text whose data was made visible before our colours were added (TextRenderer,
    /// the REPL's prefixes); without it a recording's own colour codes would reach the terminal.
    static func out(_ text: String, colours: Bool = false) {
        write(TerminalSanitizer.visible(text, keepingColours: colours), to: STDOUT_FILENO)
    }
    static func err(_ text: String, colours: Bool = false) {
        write(TerminalSanitizer.visible(text, keepingColours: colours), to: STDERR_FILENO)
    }
    /// Our own cursor movements (line redraw, progress), which hold no data.
    static func control(_ sequence: String, to fd: Int32 = STDOUT_FILENO) { write(sequence, to: fd) }

    /// Turns the terminal's echo off while a command runs, so keys typed ahead wait, unshown, for
    /// the next prompt (libedit reads them there) instead of landing in the output. Ctrl-C still
    /// signals. Returns the settings to restore, or nil without a terminal.
    static func holdTypedAhead() -> termios? {
        guard stdinIsTTY else { return nil }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO | ECHONL)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        return saved
    }

    static func restore(_ saved: termios?) {
        guard var saved else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }

    /// Whether keys were typed while the command ran (they wait for the next prompt). Counted
    /// with the line discipline non-canonical for a moment, as it counts a line not yet ended only then.
    static var hasTypedAhead: Bool {
        guard stdinIsTTY else { return false }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return false }
        var counting = saved
        counting.c_lflag &= ~tcflag_t(ICANON)
        tcsetattr(STDIN_FILENO, TCSANOW, &counting)
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        var waiting: Int32 = 0
        return ioctl(STDIN_FILENO, UInt(FIONREAD), &waiting) == 0 && waiting > 0
    }

    /// Whether a status line may be drawn on stderr: a terminal that is not `TERM=dumb`.
    static var canShowProgress: Bool { stderrIsTTY && variable("TERM") != "dumb" }

    // MARK: Signals

    /// Blocks SIGINT in this thread and every thread started after it; a dispatch source then
    /// receives it. Must run before anything starts a thread.
    static func blockInterrupts() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
        // A file-size limit (`ulimit -f`) then fails the write (EFBIG) and a recording stops
        // cleanly, as on a full disk, instead of the signal killing the session.
        signal(SIGXFSZ, SIG_IGN)
    }

    nonisolated(unsafe) private static var interruptSource: (any DispatchSourceSignal)?

    static func onInterrupt(_ handler: @escaping @Sendable () -> Void) {
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { @Sendable in handler() }
        source.resume()
        interruptSource = source
    }

    // MARK: Secrets

    /// Whether a secret prompt is on screen: the status line (`ProgressLine`) is not drawn over it.
    static let secretPromptOpen = Mutex(false)

    /// Reads one line from the terminal with echo off; nil without a terminal.
    static func readSecret(prompt: String) -> String? {
        guard stdinIsTTY else { return nil }
        var saved = termios()
        let hasTerm = tcgetattr(STDIN_FILENO, &saved) == 0
        if hasTerm {
            // Echo goes off before the prompt shows, and nothing typed is flushed: a token pasted
            // the instant the prompt appears is neither shown nor lost.
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO | ECHONL)
            silent.c_lflag |= tcflag_t(ICANON | ISIG)
            tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        }
        // The command's status line, if drawn, gives way to the prompt, and waits until it is answered.
        secretPromptOpen.withLock { open in
            open = true
            if stderrIsTTY { control("\r\u{1B}[K", to: STDERR_FILENO) }
            err(prompt)
        }
        defer {
            if hasTerm { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
            secretPromptOpen.withLock { open in
                err("\n")
                open = false
            }
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let n = Glibc.read(STDIN_FILENO, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 10 || byte == 13 { break }
            if byte == 3 { return nil }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Pager

    /// Shows text through `$PAGER` (default `less -FRX`); false when no pager could start.
    static func page(_ text: String, colours: Bool) -> Bool {
        let command = variable("PAGER").flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGXFSZ)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer {
            argv.forEach { free($0) }
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        close(fds[0])
        guard spawned == 0 else {
            close(fds[1])
            return false
        }
        write(TerminalSanitizer.visible(text, keepingColours: colours), to: fds[1])
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return true
    }
}
