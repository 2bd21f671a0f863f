/// Answers identical GETs once for the length of one job (a `coverage` run over hundreds of
/// meetings): the first asks the wrapped transport; later ones, at the same time or after, share
/// its answer or its error. Keyed by method, path and query in any order. Other methods pass through.
package struct SharedAnswerTransport: HTTPTransport {
    let base: any HTTPTransport
    let answers = Answers()

    package init(base: any HTTPTransport) { self.base = base }

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == "GET" else { return try await base.send(request) }
        let key = request.method + " " + request.path + "?" + request.query.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: "&")
        return try await answers.answer(key, request) { [base] in try await base.send(request) }.get()
    }

    /// The answers so far, by request.
    actor Answers {
        private var tasks: [String: Task<Result<HTTPResponse, any Error>, Never>] = [:]

        private var sentRequests: [HTTPRequest] = []

        /// The distinct requests sent, in the order they were first asked.
        func sent() -> [HTTPRequest] { sentRequests }

        func answer(_ key: String, _ request: HTTPRequest, _ ask: @escaping @Sendable () async throws -> HTTPResponse) async -> Result<HTTPResponse, any Error> {
            if tasks[key] == nil { sentRequests.append(request) }
            let task = tasks[key] ?? Task { () -> Result<HTTPResponse, any Error> in
                do { return .success(try await ask()) } catch { return .failure(error) }
            }
            tasks[key] = task
            // The job's cancel (Ctrl-C) stops the request it shares with its other waiters.
            return await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
        }
    }
}
