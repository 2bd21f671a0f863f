import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Talks to Vitally (or the simulator) over HTTP with AsyncHTTPClient: Basic auth, JSON, a deadline.
public struct LiveTransport: HTTPTransport {
    static let userAgent = "vitally-shell/\(VitallyKitVersion.current) (read-only support tool)"
    public let endpoint: VitallyEndpoint
    public var timeoutSeconds: Double
    private let authorization: String
    private let redactor: Redactor
    private let client: HTTPClient

    public init(endpoint: VitallyEndpoint, token: String, timeoutSeconds: Double = 15, client: HTTPClient = LiveTransport.sharedClient) {
        self.endpoint = endpoint
        self.timeoutSeconds = timeoutSeconds
        self.authorization = "Basic " + Data("\(token):".utf8).base64EncodedString()
        self.redactor = Redactor(token: token)
        self.client = client
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try ReadOnlyGuard.check(request)
        let url = endpoint.url(for: request)
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = HTTPMethod(rawValue: request.method.uppercased())
        var sent = [
            HTTPHeader("Authorization", authorization),
            HTTPHeader("Accept", "application/json"),
            HTTPHeader("User-Agent", LiveTransport.userAgent),
        ]
        sent += request.headers
        for header in sent { outgoing.headers.add(name: header.name, value: header.value) }
        let started = Date()
        do {
            let response = try await client.execute(outgoing, timeout: .milliseconds(Int64(timeoutSeconds * 1000)))
            let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
            let elapsed = Date().timeIntervalSince(started) * 1000
            return HTTPResponse(
                status: Int(response.status.code),
                headers: response.headers.map { HTTPHeader($0.name, $0.value) },
                body: Array(body.readableBytesView),
                url: url, sentHeaders: sent, startedAt: started, elapsedMilliseconds: elapsed)
        } catch let error as VitallyError {
            throw error
        } catch {
            throw classify(error, request: request).scrubbed(redactor.secrets)
        }
    }

    /// Turns a networking failure into a code people can act on.
    private func classify(_ error: any Error, request: HTTPRequest) -> VitallyError {
        if error is CancellationError {
            return VitallyError(.cancelled, method: request.method, path: request.path, cause: "cancelled")
        }
        let text = String(describing: error)
        let host = endpoint.host
        if let http = error as? HTTPClientError {
            switch http {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return VitallyError(
                    .timeout, method: request.method, path: request.path,
                    cause: "no answer from \(host) within \(Int(timeoutSeconds)) s")
            case .cancelled:
                return VitallyError(.cancelled, method: request.method, path: request.path, cause: "cancelled")
            case .remoteConnectionClosed:
                return VitallyError(
                    .connection, method: request.method, path: request.path,
                    cause: "\(host) closed the connection before answering")
            default: break
            }
        }
        let lower = text.lowercased()
        let reason: String
        if lower.contains("dns") || lower.contains("name resolution") || lower.contains("unknown host")
            || lower.contains("nodename")
        {
            reason = "the host \(host) does not resolve (check the subdomain and region)"
        } else if lower.contains("refused") {
            reason = "connection to \(host) refused"
        } else if lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate") {
            reason = "TLS handshake with \(host) failed (a proxy intercepting HTTPS?)"
        } else if lower.contains("timeout") || lower.contains("timed out") {
            return VitallyError(
                .timeout, method: request.method, path: request.path,
                cause: "no answer from \(host) within \(Int(timeoutSeconds)) s")
        } else {
            reason = "cannot reach \(host): \(text.prefix(160))"
        }
        return VitallyError(.connection, method: request.method, path: request.path, cause: reason)
    }
}

extension LiveTransport {
    /// One client for the process. Redirects are not followed (the credentials must never be
    /// sent to another host), and a failed connection fails at once so that our retry policy,
    /// not the pool's silent backoff until the deadline, decides what happens next.
    public static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(60)))
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 10
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
