import Foundation

/// Items sent to other cores a batch at a time, each batch made into one output there by `work`,
/// and the outputs taken back on the calling thread in the order the items came. At most
/// `inFlight` batches are out at once; none outlives this value, whatever way the caller leaves.
final class OrderedBatches<Item: Sendable, Output: Sendable> {
    private let size: Int
    private let inFlight: Int
    private let work: @Sendable ([Item]) -> Output
    private var batch: [Item] = []
    private var pending: [PendingBatch<Output>] = []

    init(size: Int = 32, inFlight: Int = 4, _ work: @escaping @Sendable ([Item]) -> Output) {
        self.size = max(1, size)
        self.inFlight = max(1, inFlight)
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
    /// throws, the batches after it are waited for and dropped.
    func drain(take: (Output) throws -> Void) rethrows {
        if !batch.isEmpty { send() }
        while !pending.isEmpty { try takeOldest(take) }
    }

    private func send() {
        let items = batch, work = work
        pending.append(PendingBatch { work(items) })
        batch = []
    }

    private func takeOldest(_ take: (Output) throws -> Void) rethrows {
        let result = pending.removeFirst().wait()
        do {
            try take(result)
        } catch {
            cancel()
            throw error
        }
    }

    private func cancel() {
        for batch in pending { _ = batch.wait() }
        pending = []
        batch = []
    }
}

/// One batch's work, run on a global queue; `wait()` hands back its output.
final class PendingBatch<Output: Sendable>: @unchecked Sendable {
    // Unchecked: `output` is written once, on the worker, before `done` is signalled, and read
    // only after `wait()` has seen that signal.
    private var output: Output?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Output) {
        DispatchQueue.global().async { [self] in
            output = work()
            done.signal()
        }
    }

    /// Waits for the work to finish; called once.
    func wait() -> Output {
        done.wait()
        guard let output else { preconditionFailure("a batch signalled done before its work was") }
        return output
    }
}
