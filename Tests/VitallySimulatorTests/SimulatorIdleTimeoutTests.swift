import Foundation
import Testing
import VitallySimulator

/// `vitally-sim` closes a connection that sits idle, or with a request half sent, past its idle
/// timeout (30 s; one second here), over loopback with raw sockets.
@Suite struct SimulatorIdleTimeoutTests {
    /// A connected TCP socket to 127.0.0.1:port, with a receive timeout so a test cannot hang.
    func connectRaw(_ port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        var wait = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    /// Reads until the server closes (0) or the receive timeout (-1); returns how long that took.
    func secondsUntilClosed(_ fd: Int32) -> (seconds: Double, closed: Bool) {
        let start = Date()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n == 0 { return (Date().timeIntervalSince(start), true) }
            if n < 0 { return (Date().timeIntervalSince(start), false) }
        }
    }

    @Test func idleAndHalfSentConnectionsAreClosed() async throws {
        var options = SimulatorOptions(token: simulatorToken, anchor: simulatorAnchor)
        options.idleTimeout = .seconds(1)
        let simulator = try await SimulatorServer.start(options)
        defer { Task { await simulator.stop() } }
        let idle = try connectRaw(simulator.port)
        let half = try connectRaw(simulator.port)
        defer { close(idle); close(half) }
        let partial = Array("GET /resources/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthor".utf8)
        #expect(write(half, partial, partial.count) == partial.count)
        let (idleSeconds, idleClosed) = secondsUntilClosed(idle)
        let (halfSeconds, halfClosed) = secondsUntilClosed(half)
        #expect(idleClosed && halfClosed, "the server closed neither within 10 s")
        #expect(idleSeconds < 5 && halfSeconds < 5)

        // A whole request is still answered on a fresh connection.
        let whole = try connectRaw(simulator.port)
        defer { close(whole) }
        let request = Array("GET /resources/accounts?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        #expect(write(whole, request, request.count) == request.count)
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = read(whole, &buffer, buffer.count)
        #expect(n > 0 && String(decoding: buffer.prefix(max(0, n)), as: UTF8.self).hasPrefix("HTTP/1.1 401"))
    }
}
