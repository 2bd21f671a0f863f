import Foundation

/// The read-only Vitally REST client: typed endpoints over any transport.
public struct VitallyClient: Sendable {
    public let transport: any HTTPTransport
    /// Page size for list endpoints (Vitally's maximum and default is 100).
    public var pageSize: Int

    public init(transport: any HTTPTransport, pageSize: Int = 100) {
        self.transport = transport
        self.pageSize = min(max(pageSize, 1), 100)
    }

    /// GETs a path and returns its JSON, throwing a `VitallyError` for any non-2xx answer.
    public func getJSON(_ path: String, query: [QueryItem] = []) async throws -> JSONValue {
        let request = HTTPRequest(method: "GET", path: path, query: query)
        let response = try await send(request)
        guard !response.body.isEmpty else { return .null }
        do {
            return try JSONParser.parse(response.body)
        } catch {
            throw VitallyError(
                .decoding, method: "GET", path: path, status: response.status,
                bodyExcerpt: VitallyError.excerpt(of: response), cause: "response is not JSON (\(error))")
        }
    }

    /// Sends a request and turns non-2xx responses into errors.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch is CancellationError {
            throw VitallyError(.cancelled, method: request.method, path: request.path, cause: "cancelled")
        }
        guard (200..<300).contains(response.status) else {
            throw VitallyError.from(response: response, request: request)
        }
        return response
    }

    /// Every item of a cursor-paginated list, fetched page by page as it is consumed.
    public func list<T: VitallyModel>(_ path: String, query: [QueryItem] = [], as type: T.Type = T.self)
        -> PageSequence<T>
    {
        PageSequence(client: self, path: path, query: query)
    }

    /// One page only: for "the newest N" views.
    public func firstPage<T: VitallyModel>(_ path: String, query: [QueryItem] = [], limit: Int, as type: T.Type = T.self)
        async throws -> Page<T>
    {
        let items = query + [QueryItem("limit", String(min(max(limit, 1), 100)))]
        let page = Page<T>(json: try await getJSON(path, query: items))
        guard page.recognised else { throw VitallyError.unrecognisedShape(path: path, query: items, expected: Page<T>.expectedShape) }
        return page
    }

    /// GET of a single object.
    public func object<T: VitallyModel>(_ path: String, query: [QueryItem] = [], as type: T.Type = T.self)
        async throws -> T
    {
        let json = try await getJSON(path, query: query)
        guard json.object != nil, json["id"]?.string != nil else {
            throw VitallyError.unrecognisedShape(path: path, query: query, expected: "an object with an id")
        }
        return T(json: json)
    }

    /// Path segment escaping for ids and externalIds that may hold `/` or spaces.
    package static func segment(_ id: String) -> String { URLEncoding.encode(id) }
}
