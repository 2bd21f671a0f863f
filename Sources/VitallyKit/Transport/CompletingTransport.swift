import Foundation

/// Passes the session's requests through and tells a `ListCompleter` what they read, so that
/// it can read the rest of each partly read list in the background (`--record-mode complete`).
package struct CompletingTransport: HTTPTransport {
    let base: any HTTPTransport
    package let completer: ListCompleter

    package init(base: any HTTPTransport, completer: ListCompleter) {
        self.base = base
        self.completer = completer
    }

    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        await completer.foregroundStarted(request)
        do {
            let response = try await base.send(request)
            await completer.foregroundFinished(request, response)
            return response
        } catch {
            await completer.foregroundFinished(request, nil)
            throw error
        }
    }
}
