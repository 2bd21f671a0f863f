extension Array where Element: Sendable {
    /// Runs `transform` on every element at once and returns the results in the input order.
    /// The first error cancels the others and is rethrown.
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) async throws -> T) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            for (index, element) in enumerated() {
                group.addTask { (index, try await transform(element)) }
            }
            var results = [T?](repeating: nil, count: count)
            for try await (index, value) in group { results[index] = value }
            return results.compactMap { $0 }
        }
    }
}
