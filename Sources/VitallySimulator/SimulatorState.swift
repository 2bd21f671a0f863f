import Foundation
import VitallyKit

/// The simulator's mutable side: the sliding rate-limit window, queued faults, the request log.
package actor SimulatorState {
    private var window: [Double] = []
    private var faults: [(pathPrefix: String?, fault: SimulatorFault)] = []
    private var random: SeededRandom
    package private(set) var log: [SimulatorLogEntry] = []
    /// Requests that arrived, counted on arrival (the log has each one once it is answered).
    package private(set) var requestsReceived = 0

    init(seed: UInt64) { random = SeededRandom(seed: seed ^ 0xFA17) }

    /// Queues a fault for the next request whose path starts with `pathPrefix` (any request when nil);
    /// a prefix holding `*` is a `RequestPattern` over the path and query.
    package func inject(_ fault: SimulatorFault, pathPrefix: String? = nil) {
        faults.append((pathPrefix, fault))
    }

    package func clearLog() { log.removeAll() }

    func takeFault(for path: String, query: [QueryItem] = []) -> SimulatorFault? {
        guard let index = faults.firstIndex(where: { $0.pathPrefix.map { RequestPattern($0).matches(path: path, query: query) } ?? true })
        else { return nil }
        return faults.remove(at: index).fault
    }

    func randomFailure(rate: Double) -> SimulatorFault? {
        guard rate > 0, random.chance(rate) else { return nil }
        return random.chance(0.5) ? .status(503) : .dropConnection
    }

    /// Counts a request in the 60 s sliding window; returns the headers and whether it is allowed.
    func admit(limit: Int, now: Double) -> (allowed: Bool, headers: [HTTPHeader]) {
        window.removeAll { $0 <= now - 60 }
        let allowed = window.count < limit
        if allowed { window.append(now) }
        let remaining = max(0, limit - window.count)
        let reset = window.first.map { max(1, Int((($0 + 60) - now).rounded(.up))) } ?? 60
        return (
            allowed,
            [
                HTTPHeader("RateLimit-Limit", "\(limit), \(limit);window=60"),
                HTTPHeader("RateLimit-Remaining", "\(remaining)"),
                HTTPHeader("RateLimit-Reset", "\(reset)"),
            ]
        )
    }

    func record(_ entry: SimulatorLogEntry) { log.append(entry) }
    /// Counts an arrival; returns its number (1 for the first request).
    func noteReceived() -> Int {
        requestsReceived += 1
        return requestsReceived
    }

    /// A seeded number of milliseconds in 0...limit.
    func jitter(upTo limit: Int) -> Int { limit > 0 ? random.int(0...limit) : 0 }
}
