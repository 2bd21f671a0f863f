import Foundation

extension Array where Element: Sendable {
    /// `map(transform)` on every core, in contiguous parts of at least `minimumPerPart` elements,
    /// results in the input's order.
    func parallelMap<T: Sendable>(minimumPerPart: Int = 1_000, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let parts = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(1, minimumPerPart))
        guard parts > 1 else { return map(transform) }
        var results = [[T]](repeating: [], count: parts)
        results.withUnsafeMutableBufferPointer { slots in
            withUnsafeBufferPointer { items in
                let shared = PartedBuffers(items: items, slots: slots)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let lower = shared.items.count * part / parts, upper = shared.items.count * (part + 1) / parts
                    shared.slots[part] = shared.items[lower..<upper].map(transform)
                }
            }
        }
        return results.flatMap { $0 }
    }
}

/// The input and the result slots of a `parallelMap`, handed to its threads. Unchecked: the
/// input is only read, each part writes only its own slot, and both outlive the threads.
private struct PartedBuffers<Element, T>: @unchecked Sendable {
    let items: UnsafeBufferPointer<Element>
    let slots: UnsafeMutableBufferPointer<[T]>
}
