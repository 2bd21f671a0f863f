import Foundation
import Synchronization
import Testing
@testable import VitallyKit

/// `OrderedBatches`: outputs come back in the items' order, and a caller that would wait runs
/// the batches no other thread has started (on Linux the pool may lend no second thread for
/// about a second, and the scrub, diff and import would run on one core meanwhile).
@Suite struct OrderedBatchesTests {
    /// What the batches' threads saw, shared with them.
    final class Seen: Sendable {
        let outputs = Mutex<[[Int]]>([])
        let threads = Mutex<Set<String>>([])
        let runs = Mutex(0)
    }

    /// Runs `body` on its own thread; false when it has not finished within `seconds`.
    func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread {
            body()
            done.signal()
        }.start()
        return done.wait(timeout: .now() + seconds) == .success
    }

    @Test func aCallerWhoseQueueNeverRunsDoesEveryBatchItselfInOrder() throws {
        let queue = DispatchQueue(label: "never runs")
        queue.suspend()
        defer { queue.resume() }
        let seen = Seen()
        let finished = finishes(within: 20) {
            let caller = "\(pthread_self())"
            let batches = OrderedBatches<Int, [Int]>(size: 7, inFlight: 3, queue: queue) { items in
                seen.threads.withLock { _ = $0.insert("\(pthread_self())") }
                return items.map { $0 * 2 }
            }
            var taken: [[Int]] = []
            for item in 0..<100 { batches.add(item) { taken.append($0) } }
            batches.drain { taken.append($0) }
            seen.outputs.withLock { $0 = taken }
            seen.threads.withLock { _ = $0.remove(caller) }
        }
        #expect(finished, "the caller waited for a queue that never runs")
        #expect(seen.outputs.withLock { $0.flatMap { $0 } } == (0..<100).map { $0 * 2 })
        #expect(seen.outputs.withLock { $0.map(\.count) } == Array(repeating: 7, count: 14) + [2])
        #expect(seen.threads.withLock { $0.isEmpty }, "every batch ran on the caller's thread")
    }

    @Test func outputsKeepTheirOrderWhenWorkersAndTheCallerShareTheBatches() throws {
        for inFlight in [1, 2, 4, 16] {
            let batches = OrderedBatches<Int, [Int]>(size: 3, inFlight: inFlight) { items in
                // Uneven work, so batches finish out of order.
                if items[0] % 2 == 0 { usleep(200) }
                return items
            }
            var taken: [Int] = []
            for item in 0..<1_000 { batches.add(item) { taken += $0 } }
            batches.drain { taken += $0 }
            #expect(taken == Array(0..<1_000), "inFlight \(inFlight)")
        }
    }

    @Test func aThrowingTakeStopsAndLeavesNoBatchRunning() throws {
        struct Stop: Error {}
        let seen = Seen()
        let batches = OrderedBatches<Int, Int>(size: 1, inFlight: 4) { items in
            seen.runs.withLock { $0 += 1 }
            return items[0]
        }
        var taken: [Int] = []
        #expect(throws: Stop.self) {
            for item in 0..<50 {
                try batches.add(item) { output in
                    if output == 5 { throw Stop() }
                    taken.append(output)
                }
            }
        }
        #expect(taken == [0, 1, 2, 3, 4])
        let count = seen.runs.withLock { $0 }
        #expect(count >= 6 && count <= 11, "the batches out when it threw were finished, no more: \(count)")
    }

    /// When `take` throws, the batches no thread has started are dropped, not run: with a queue
    /// that never runs, the caller runs the four batches it took and none of the two left out.
    @Test func aThrowingTakeDropsTheBatchesNoThreadStarted() throws {
        struct Stop: Error {}
        let queue = DispatchQueue(label: "never runs")
        queue.suspend()
        let seen = Seen()
        do {
            let batches = OrderedBatches<Int, Int>(size: 1, inFlight: 2, queue: queue) { items in
                seen.runs.withLock { $0 += 1 }
                return items[0]
            }
            var taken: [Int] = []
            #expect(throws: Stop.self) {
                for item in 0..<6 {
                    try batches.add(item) { output in
                        if output == 3 { throw Stop() }
                        taken.append(output)
                    }
                }
            }
            #expect(taken == [0, 1, 2])
        }
        queue.resume()
        queue.sync {}
        #expect(seen.runs.withLock { $0 } == 4, "batches 4 and 5 were dropped")
    }
}
