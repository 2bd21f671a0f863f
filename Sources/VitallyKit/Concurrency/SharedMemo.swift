import Synchronization

/// Values worked out once per key and shared by every copy that holds this memo, on any thread.
/// `compute` runs outside the lock (two threads may both work out a new key), so it must give a
/// key the same value every time.
final class SharedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    func value(for key: Key, compute: () -> Value) -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let value = compute()
        values.withLock { $0[key] = value }
        return value
    }
}
