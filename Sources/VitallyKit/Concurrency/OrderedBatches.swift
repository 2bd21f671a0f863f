import Foundation
import Synchronization

/// Items sent to other cores a batch at a time, each batch made into one output there by `work`,
/// and the outputs taken back on the calling thread in the order the items came. At most
/// `inFlight` batches are out at once; none outlives this value, whatever way the caller leaves.
/// A caller that would wait runs batches no core has started yet itself, so it is never idle
/// while there is work (on Linux the caller is one of the pool's threads, and the pool adds a
/// thread for a blocked one only after about a second).
final class OrderedBatches<Item: Sendable, Output: Sendable> {
    private let size: Int
    private let inFlight: Int
    private let work: @Sendable ([Item]) -> Output
    private let queue: DispatchQueue
    private var batch: [Item] = []
    private var pending: [PendingBatch<Output>] = []

    /// `queue` is where batches are sent (tests pass a suspended one to see the caller run them).
    init(size: Int = 32, inFlight: Int = 4, queue: DispatchQueue = .global(), _ work: @escaping @Sendable ([Item]) -> Output) {
        self.size = max(1, size)
        self.inFlight = max(1, inFlight)
        self.queue = queue
        self.work = work
    }

    deinit { cancel() }

    /// Adds `item`; `take` gets the oldest outputs when too many batches are out.
    func add(_ item: Item, take: (Output) throws -> Void) rethrows {
        batch.append(item)
        guard batch.count >= size else { return }
        send()
        while pending.count > inFlight { try takeOldest(take) }
    }

    /// Sends what is left and hands every result still out to `take`, in order. When `take`
    /// throws, the batches after it that no thread has started are dropped, the others waited for.
    func drain(take: (Output) throws -> Void) rethrows {
        if !batch.isEmpty { send() }
        while !pending.isEmpty { try takeOldest(take) }
    }

    private func send() {
        let items = batch, work = work
        pending.append(PendingBatch(on: queue) { work(items) })
        batch = []
    }

    /// Runs the batches no core has started, oldest first, until the oldest one is done; then
    /// hands its output to `take`.
    private func takeOldest(_ take: (Output) throws -> Void) rethrows {
        let oldest = pending.removeFirst()
        if !oldest.runHere() {
            for later in pending where !oldest.isDone {
                _ = later.runHere()
            }
        }
        let result = oldest.wait()
        do {
            try take(result)
        } catch {
            cancel()
            throw error
        }
    }

    /// Drops the batches no thread has started and waits for those running.
    private func cancel() {
        for batch in pending { batch.abandon() }
        pending = []
        batch = []
    }
}

extension Array where Element: Sendable {
    /// `work` on batches of `size` elements on every core (the caller's thread too), the outputs
    /// joined in the elements' order, in room for `expected` of them (an import's 80,000
    /// observations, grown by doubling, peaked 18 MB higher).
    func inOrderedBatches<T: Sendable>(of size: Int, expected: Int = 0, _ work: @escaping @Sendable ([Element]) -> [T]) -> [T] {
        let batches = OrderedBatches(size: size, work)
        var joined: [T] = []
        joined.reserveCapacity(expected)
        for element in self { batches.add(element) { joined += $0 } }
        batches.drain { joined += $0 }
        return joined
    }
}

/// One batch's work, run on `queue` or, when the waiting caller gets to it first, on the caller's
/// thread; `wait()` hands back its output.
final class PendingBatch<Output: Sendable>: Sendable {
    private enum State {
        case queued(@Sendable () -> Output)
        case running
        case done(Output)
        /// Handed to `wait()`'s caller (the batch keeps no copy), or dropped by `abandon()`.
        case over
    }

    private let state: Mutex<State>
    private let done = DispatchSemaphore(value: 0)

    init(on queue: DispatchQueue, _ work: @escaping @Sendable () -> Output) {
        state = Mutex(.queued(work))
        queue.async { [self] in _ = runHere() }
    }

    /// Runs the work here when no thread has started it; false when one has.
    func runHere() -> Bool {
        let work: (@Sendable () -> Output)? = state.withLock { state in
            guard case .queued(let work) = state else { return nil }
            state = .running
            return work
        }
        guard let work else { return false }
        let output = work()
        state.withLock { $0 = .done(output) }
        done.signal()
        return true
    }

    /// Whether the work has finished.
    var isDone: Bool {
        state.withLock { if case .done = $0 { true } else { false } }
    }

    /// Waits for the work to finish (running it here when no thread has started it); called once.
    func wait() -> Output {
        _ = runHere()
        done.wait()
        return state.withLock { state in
            guard case .done(let output) = state else { preconditionFailure("a batch signalled done before its work was") }
            state = .over
            return output
        }
    }

    /// Drops the work when no thread has started it, else waits for it to end; instead of `wait()`.
    func abandon() {
        let running = state.withLock { state -> Bool in
            switch state {
            case .queued:
                state = .over
                return false
            case .running: return true
            case .done, .over: return false
            }
        }
        if running { done.wait() }
    }
}
