/// A value read once, on first use: concurrent callers (a calendar's attendees) share the one read,
/// and a read that failed is tried again by the next caller.
package actor SharedRead<Value: Sendable> {
    private var value: Value?
    private var loading: Task<Value, any Error>?

    package init() {}

    /// The value when a read has finished, without reading.
    package var current: Value? { value }

    /// The value, reading it with `read` when no read has finished yet.
    package func get(_ read: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let value { return value }
        if let loading { return try await loading.value }
        let task = Task { try await read() }
        loading = task
        defer { loading = nil }
        let result = try await task.value
        value = result
        return result
    }
}
