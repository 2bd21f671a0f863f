import Foundation

/// Sends through another transport and appends every exchange, errors included, to a recorder.
public struct RecordingTransport: HTTPTransport {
    public let base: any HTTPTransport
    public let recorder: HARRecorder
    public let baseURL: String

    public init(base: any HTTPTransport, recorder: HARRecorder, baseURL: String) {
        self.base = base
        self.recorder = recorder
        self.baseURL = baseURL
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let started = Date()
        do {
            let response = try await base.send(request)
            try await recorder.append(exchange(request, response: response, started: started))
            return response
        } catch let error as VitallyError where error.code == .connection || error.code == .timeout {
            var failed = exchange(request, response: nil, started: started)
            failed.error = error.cause ?? error.description
            failed.errorCode = error.code
            try await recorder.append(failed)
            throw error
        }
    }

    func exchange(_ request: HTTPRequest, response: HTTPResponse?, started: Date) -> RecordedExchange {
        let status = response?.status ?? 0
        return RecordedExchange(
            startedAt: response?.startedAt ?? started,
            timeMilliseconds: ((response?.elapsedMilliseconds ?? Date().timeIntervalSince(started) * 1000) * 1000).rounded() / 1000,
            method: request.method, url: response?.url ?? (baseURL + request.pathAndQuery), path: request.path,
            query: request.query,
            requestHeaders: (response?.sentHeaders.isEmpty ?? true) ? request.headers : response?.sentHeaders ?? [],
            status: status, statusText: HARWriter.statusText(status),
            responseHeaders: response?.headers ?? [],
            mimeType: response?.header("Content-Type") ?? (response == nil ? "x-unknown" : "application/json"),
            body: response?.body ?? [])
    }
}
