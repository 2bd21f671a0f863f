import Foundation

/// Where retry and pacing waits go, so that tests and replay never really sleep.
public protocol RetryClock: Sendable {
    func sleep(seconds: Double) async throws
}

/// Really waits (honouring task cancellation).
public struct SystemRetryClock: RetryClock {
    public init() {}
    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        // A day at most: the seconds may come from a server's header.
        try await Task.sleep(nanoseconds: UInt64(min(seconds, 86_400) * 1_000_000_000))
    }
}

/// Waits no time at all and remembers what it was asked to wait.
package actor VirtualRetryClock: RetryClock {
    package private(set) var waits: [Double] = []
    package init() {}
    package func sleep(seconds: Double) async throws {
        try Task.checkCancellation()
        waits.append(seconds)
    }
    package var total: Double { waits.reduce(0, +) }
}
