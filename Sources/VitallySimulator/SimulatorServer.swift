import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import VitallyKit

/// Serves a `SimulatorHandler` over HTTP with Hummingbird.
package enum SimulatorServer {
    struct DroppedConnection: Error {}

    /// What a server answers: method, path, decoded query and the Authorization header in.
    typealias Handle = @Sendable (String, String, [QueryItem], String?) async -> SimulatorHandler.Outcome

    static func responder(_ handle: @escaping Handle) -> CallbackResponder<BasicRequestContext> {
        CallbackResponder { request, _ in
            let query = request.uri.query.map(URLEncoding.parseQuery) ?? []
            let outcome = await handle(
                request.method.rawValue, request.uri.path, query, request.headers[.authorization])
            switch outcome {
            case .drop:
                // Throwing from the body writer after the head makes the server close the connection mid-response.
                return Response(status: .ok, headers: [:], body: ResponseBody { _ in throw DroppedConnection() })
            case .respond(let answer):
                var fields = HTTPFields()
                for header in answer.headers {
                    if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
                }
                return Response(
                    status: HTTPResponse.Status(code: answer.status), headers: fields,
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
            }
        }
    }

    /// Runs until the task is cancelled; `onRunning` gets the bound port.
    package static func run(
        handler: SimulatorHandler, host: String = "127.0.0.1", port: Int = 0, idleTimeout: Duration = defaultIdleTimeout,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        try await run(host: host, port: port, idleTimeout: idleTimeout, onRunning: onRunning) { method, path, query, authorization in
            await handler.handle(method: method, path: path, query: query, authorization: authorization)
        }
    }

    /// Serves a recording (`vitally-sim --replay`) until the task is cancelled.
    package static func run(
        replaying handler: ReplayHandler, host: String = "127.0.0.1", port: Int = 0, idleTimeout: Duration = defaultIdleTimeout,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        try await run(host: host, port: port, idleTimeout: idleTimeout, onRunning: onRunning) { method, path, query, _ in
            handler.handle(method: method, path: path, query: query)
        }
    }

    /// How long a connection may sit idle, or with a request half sent, before it is closed:
    /// 1,000 half-sent requests no longer stay open for ever.
    package static let defaultIdleTimeout = Duration.seconds(30)

    static func run(
        host: String, port: Int, idleTimeout: Duration, onRunning: @escaping @Sendable (Int) async -> Void, handle: @escaping Handle
    ) async throws {
        var logger = Logger(label: "vitally-sim")
        logger.logLevel = .critical
        let app = Application(
            responder: responder(handle),
            server: .http1(configuration: .init(idleTimeout: TimeAmount(idleTimeout))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "vitally-sim"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
        try await app.run()
    }

    /// Starts in the background on a free loopback port, for tests and benchmarks.
    package static func start(_ options: SimulatorOptions) async throws -> RunningSimulator {
        let handler = SimulatorHandler(options: options)
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            try await run(handler: handler, idleTimeout: options.idleTimeout, onRunning: { port in continuation.yield(port) })
        }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return RunningSimulator(port: port, handler: handler, task: task)
    }
}

/// A simulator running in this process.
package final class RunningSimulator: Sendable {
    package let port: Int
    package let handler: SimulatorHandler
    let task: Task<Void, any Error>

    init(port: Int, handler: SimulatorHandler, task: Task<Void, any Error>) {
        self.port = port
        self.handler = handler
        self.task = task
    }

    package var baseURL: String { "http://127.0.0.1:\(port)" }
    package var state: SimulatorState { handler.state }

    package func stop() async {
        task.cancel()
        _ = await task.result
    }
}
