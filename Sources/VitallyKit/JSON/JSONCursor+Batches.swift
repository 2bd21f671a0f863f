/// An array element found by its brackets: where it lies and its index.
struct ElementSpan: Sendable {
    let range: Range<Int>
    let index: Int
}

extension JSONCursor {
    /// `elements(_:)` with the object elements parsed on other cores: each is stepped over here
    /// and sent to `batches`, whose outputs `take` gets in order; any other element (or one whose
    /// brackets break) goes to `element` here, after every output before it. Without batches,
    /// every element goes to `element`. An error `take` throws for an element sent out comes
    /// before one met here after that element, as it would reading them one at a time.
    mutating func elements<Output>(
        sending batches: OrderedBatches<ElementSpan, Output>?, take: (Output) throws -> Void,
        _ element: (inout JSONCursor, Int) throws -> Void
    ) throws {
        do {
            try elements { cursor, index in
                if let batches, let range = try cursor.skipObject() {
                    try batches.add(ElementSpan(range: range, index: index), take: take)
                    return
                }
                try batches?.drain(take: take)
                try element(&cursor, index)
            }
            try batches?.drain(take: take)
        } catch {
            try batches?.drain(take: take)
            throw error
        }
    }
}
