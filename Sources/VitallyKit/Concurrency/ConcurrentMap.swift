extension Array where Element: Sendable {
    /// Runs `transform` on every element at once and returns the results in the input order.
    /// The first error cancels the others and is rethrown.
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) async throws -> T) async throws -> [T] {
        try await concurrentMap(width: Swift.max(1, count), transform)
    }

    /// The same, with at most `width` transforms running at a time (a calendar's hundreds of attendees).
    func concurrentMap<T: Sendable>(width: Int, _ transform: @escaping @Sendable (Element) async throws -> T) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            for (index, element) in enumerated().prefix(Swift.max(1, width)) {
                group.addTask { (index, try await transform(element)) }
                next = index + 1
            }
            for try await (index, value) in group {
                results[index] = value
                if next < count {
                    let element = self[next], position = next
                    group.addTask { (position, try await transform(element)) }
                    next += 1
                }
            }
            return results.compactMap { $0 }
        }
    }
}
