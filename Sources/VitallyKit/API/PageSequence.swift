import Foundation

/// One page of a list: `{results, next, atEnd}`; a bare array is read as a final page.
public struct Page<T: VitallyModel>: Sendable {
    public var results: [T]
    public var next: String?
    public var atEnd: Bool
    /// False when the JSON was neither `{results: [...]}` (or `data`) nor a bare array:
    /// the page is then empty because we could not read it, not because the list is.
    var recognised: Bool

    /// What a list page may look like, for the notice when it looks like neither.
    static var expectedShape: String { "{results: [...], next} or a bare array" }

    public init(json: JSONValue) {
        if let bare = json.array {
            results = bare.map(T.init(json:))
            next = nil
            atEnd = true
            recognised = true
            return
        }
        // Custom-survey endpoints use `data` instead of `results`.
        let rows = json["results"]?.array ?? json["data"]?.array
        recognised = rows != nil
        results = (rows ?? []).map(T.init(json:))
        let cursor = json["next"]?.string
        next = (cursor?.isEmpty ?? true) ? nil : cursor
        atEnd = json["atEnd"]?.bool ?? false
    }
}

/// All items of a cursor-paginated endpoint. Stops on `next == null`, an empty page,
/// `atEnd == true`, or a cursor seen before (a server bug must not loop us forever).
public struct PageSequence<T: VitallyModel>: AsyncSequence, Sendable {
    public typealias Element = T
    let client: VitallyClient
    let path: String
    let query: [QueryItem]

    /// Fetches the next page when the current one is used up.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let client: VitallyClient
        let path: String
        let query: [QueryItem]
        var buffer: [T] = []
        var position = 0
        var cursor: String?
        var seenCursors: Set<String> = []
        var finished = false
        public private(set) var pagesFetched = 0

        public mutating func next() async throws -> T? {
            while position >= buffer.count {
                if finished { return nil }
                try await fetch()
            }
            defer { position += 1 }
            return buffer[position]
        }

        mutating func fetch() async throws {
            var items = query.filter { $0.name != "limit" && $0.name != "from" }
            items.append(QueryItem("limit", String(client.pageSize)))
            if let cursor { items.append(QueryItem("from", cursor)) }
            let page = Page<T>(json: try await client.getJSON(path, query: items))
            guard page.recognised else {
                throw VitallyError.unrecognisedShape(path: path, query: items, expected: Page<T>.expectedShape)
            }
            pagesFetched += 1
            buffer = page.results
            position = 0
            if page.results.isEmpty || page.atEnd { finished = true }
            guard let next = page.next, !seenCursors.contains(next) else {
                finished = true
                return
            }
            seenCursors.insert(next)
            cursor = next
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(client: client, path: path, query: query)
    }

    /// Collects up to `limit` items.
    public func collect(limit: Int = .max) async throws -> [T] {
        var out: [T] = []
        for try await item in self {
            out.append(item)
            if out.count >= limit { break }
        }
        return out
    }
}
