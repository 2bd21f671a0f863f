import Dispatch
import Synchronization

/// Runs async work from synchronous code, one command at a time, cancellable by Ctrl-C.
final class CommandRunner: Sendable {
    private let current = Mutex<(@Sendable () -> Void)?>(nil)
    private let interrupted = Mutex(false)

    final class Box<T>: @unchecked Sendable {
        var value: T?
    }

    /// Waits for `body` on a detached task (never the main actor, which would deadlock).
    func run<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = Box<T>()
        let task = Task.detached {
            box.value = await body()
            done.signal()
        }
        current.withLock { $0 = { task.cancel() } }
        done.wait()
        current.withLock { $0 = nil }
        return box.value!
    }

    /// Cancels the running command; returns false when nothing was running.
    @discardableResult
    func interrupt() -> Bool {
        interrupted.withLock { $0 = true }
        guard let cancel = current.withLock({ $0 }) else { return false }
        cancel()
        return true
    }

    /// Whether Ctrl-C came since the last `takeInterrupt`, without clearing it.
    var interruptPending: Bool { interrupted.withLock { $0 } }

    /// Whether Ctrl-C came since the last call.
    func takeInterrupt() -> Bool {
        interrupted.withLock { value in
            defer { value = false }
            return value
        }
    }
}
