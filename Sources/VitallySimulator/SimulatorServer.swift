import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
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
        try await application(host: host, port: port, idleTimeout: idleTimeout, onRunning: onRunning, handle: handle).run()
    }

    static func application(
        host: String, port: Int, idleTimeout: Duration, onRunning: @escaping @Sendable (Int) async -> Void, handle: @escaping Handle
    ) -> Application<CallbackResponder<BasicRequestContext>> {
        var logger = Logger(label: "vitally-sim")
        logger.logLevel = .critical
        return Application(
            responder: responder(handle),
            server: .http1(configuration: .init(idleTimeout: TimeAmount(idleTimeout))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "vitally-sim"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Starts in the background on a free loopback port, for tests and benchmarks. It runs in a
    /// service group so that `stop()` can shut it down gracefully: cancelling the serving task
    /// instead drops connections NIO has accepted but not yet handed over, and NIO traps on them
    /// ("Deinited NIOAsyncWriter without calling finish()", apple/swift-nio#3481).
    package static func start(_ options: SimulatorOptions) async throws -> RunningSimulator {
        let handler = SimulatorHandler(options: options)
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let app = application(
            host: "127.0.0.1", port: 0, idleTimeout: options.idleTimeout, onRunning: { port in continuation.yield(port) }
        ) { method, path, query, authorization in
            await handler.handle(method: method, path: path, query: query, authorization: authorization)
        }
        var logger = Logger(label: "vitally-sim")
        logger.logLevel = .critical
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task { try await group.run() }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return RunningSimulator(port: port, handler: handler, task: task, group: group)
    }
}

/// A simulator running in this process.
package final class RunningSimulator: Sendable {
    package let port: Int
    package let handler: SimulatorHandler
    let task: Task<Void, any Error>
    let group: ServiceGroup

    init(port: Int, handler: SimulatorHandler, task: Task<Void, any Error>, group: ServiceGroup) {
        self.port = port
        self.handler = handler
        self.task = task
        self.group = group
    }

    package var baseURL: String { "http://127.0.0.1:\(port)" }
    package var state: SimulatorState { handler.state }

    /// Shuts down gracefully: no new connections, open ones finish their request. A request still
    /// running after 5 s (a test's deliberately slow answer) is cancelled.
    package func stop() async {
        await group.triggerGracefulShutdown()
        let task = self.task
        let deadline = Task {
            try await Task.sleep(for: .seconds(5))
            task.cancel()
        }
        _ = await task.result
        deadline.cancel()
    }
}
