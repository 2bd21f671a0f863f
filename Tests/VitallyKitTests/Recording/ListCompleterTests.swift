import Foundation
import Synchronization
import Testing
@testable import VitallyKit

/// `--record-mode complete`'s background reader over a scripted list of three pages.
@Suite struct ListCompleterTests {
    /// Pages `a`, `b`, `c` of `/resources/notes`, with the rate-limit headroom given; counts requests.
    final class ThreePages: HTTPTransport {
        let remaining: Int
        let sent = Mutex<[String]>([])
        init(remaining: Int) { self.remaining = remaining }

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let from = request.query.first { $0.name == "from" }?.value ?? "a"
            sent.withLock { $0.append(from) }
            let next = ["a": "\"b\"", "b": "\"c\"", "c": "null"][from] ?? "null"
            let body = #"{"results":[{"id":"\#(from)1"},{"id":"\#(from)2"}],"next":\#(next)}"#
            return HTTPResponse(
                status: 200,
                headers: [HTTPHeader("RateLimit-Limit", "100"), HTTPHeader("RateLimit-Remaining", String(remaining)),
                          HTTPHeader("RateLimit-Reset", "0.4")],
                body: Array(body.utf8))
        }
    }

    func run(remaining: Int) async throws -> (progress: ListCompleter.Progress, sent: [String], seconds: Double) {
        let base = ThreePages(remaining: remaining)
        let limiter = RateLimiter()
        let retrying = RetryingTransport(base: base, limiter: limiter)
        let completer = ListCompleter(transport: retrying, limiter: limiter)
        let session = CompletingTransport(base: retrying, completer: completer)
        let start = ContinuousClock.now
        _ = try await session.send(HTTPRequest(path: "/resources/notes", query: [QueryItem("limit", "2")]))
        await completer.waitUntilDone()
        let elapsed = ContinuousClock.now - start
        return (await completer.progress, base.sent.withLock { $0 }, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test func readsTheRestOfAPartlyReadListOnceWithRoomInTheBudget() async throws {
        let run = try await run(remaining: 90)
        #expect(run.sent == ["a", "b", "c"])
        #expect(run.progress.lists == 1 && run.progress.finished == 1)
        #expect(run.progress.pages == 2 && run.progress.items == 4)
    }

    @Test func waitsForTheBudgetToResetWhenOnlyItsReserveIsLeft() async throws {
        // 30 left of 100 is within the reserve (max(2 x low water, a quarter)): each page waits the reset.
        let run = try await run(remaining: 30)
        #expect(run.sent == ["a", "b", "c"])
        #expect(run.progress.finished == 1)
        #expect(run.seconds >= 0.8)
    }

    @Test func aListTheSessionReadsToItsEndItselfIsNotReadAgain() async throws {
        let base = ThreePages(remaining: 90)
        let limiter = RateLimiter()
        let retrying = RetryingTransport(base: base, limiter: limiter)
        let completer = ListCompleter(transport: retrying, limiter: limiter)
        let session = CompletingTransport(base: retrying, completer: completer)
        for from in [nil, "b", "c"] {
            _ = try await session.send(HTTPRequest(path: "/resources/notes", query: [QueryItem("limit", "2")] + (from.map { [QueryItem("from", $0)] } ?? [])))
        }
        await completer.waitUntilDone()
        #expect(base.sent.withLock { $0 } == ["a", "b", "c"])
        #expect(await completer.progress.pages == 0)
    }
}
