import Foundation
import Synchronization
import VitallyShell

/// One status line on stderr while a command waits: drawn after 300 ms without output, redrawn in
/// place every 200 ms, erased when the command ends (cargo's and apt's status lines, not a spinner).
final class ProgressLine: Sendable {
    /// Whether the line is on screen, and whether it may still be drawn; one lock so an erase never races a draw.
    final class Screen: Sendable {
        let state = Mutex<(drawn: Bool, open: Bool)>((false, true))
    }

    private let screen = Screen()
    private let ticker: Task<Void, Never>

    static let firstAfter: UInt64 = 300_000_000, every: UInt64 = 200_000_000

    init(shell: Shell, words: [String]) {
        let screen = self.screen
        ticker = Task.detached {
            let mark = await shell.progressMark()
            try? await Task.sleep(nanoseconds: ProgressLine.firstAfter)
            while !Task.isCancelled {
                if let text = await shell.progressLine(for: words, since: mark) {
                    let width = max(20, Terminal.size.columns - 1)
                    let line = text.count > width ? String(text.prefix(width - 1)) + "…" : text
                    screen.state.withLock { now in
                        guard now.open else { return }
                        Terminal.secretPromptOpen.withLock { prompting in
                            guard !prompting else { return }  // a token prompt is waiting: never draw over it
                            Terminal.control("\r\u{1B}[K", to: STDERR_FILENO)
                            Terminal.err(line)
                            now.drawn = true
                        }
                    }
                }
                try? await Task.sleep(nanoseconds: ProgressLine.every)
            }
        }
    }

    /// Stops drawing and erases the line, before the command's output is printed.
    func finish() {
        ticker.cancel()
        screen.state.withLock { now in
            now.open = false
            if now.drawn { Terminal.control("\r\u{1B}[K", to: STDERR_FILENO) }
            now.drawn = false
        }
    }
}
