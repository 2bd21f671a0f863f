import Foundation

/// Reads to their end, in the background, the lists a recording session read only partly (a
/// brief's newest N), so that the recording can serve other clients (`--record-mode complete`).
/// One page at a time, only while no foreground request is waiting, and only while the rate
/// budget keeps a reserve; every page goes through the recording transport like any other.
package actor ListCompleter {
    /// How far the background reading has got, for `status` and `record stop` (their JSON is
    /// this encoded: lists, finished, pages, items, failed).
    package struct Progress: Sendable, Equatable, Encodable {
        /// Lists seen with more pages than the session read.
        package var lists = 0
        /// Of those, read to `next: null` (by the background or the session itself).
        package var finished = 0
        /// Pages and items the background read.
        package var pages = 0
        package var items = 0
        /// Lists given up after a failed page.
        package var failed = 0

        package init() {}
    }

    package private(set) var progress = Progress()
    private let transport: any HTTPTransport
    private let limiter: RateLimiter
    /// The next page to read, per list (`path?query` without `limit` and `from`).
    private var pending: [String: HTTPRequest] = [:]
    private var order: [String] = []
    private var finished: Set<String> = []
    /// Cursors already asked for, by the session or the background.
    private var asked: Set<String> = []
    private var foreground = 0
    private var lastForeground = ContinuousClock.now
    private var worker: Task<Void, Never>?
    /// A background page is on the wire.
    private var sending = false
    /// `cancel()` was called: no list is queued any more.
    private var stopped = false
    /// The page size the background asks for (Vitally's maximum).
    static let pageSize = "100"
    /// How long the session must have been quiet before a background page is sent.
    static let quiet = Duration.milliseconds(150)

    /// `transport` is the one below the foreground's (it records and rate-limits, but does not report back here).
    package init(transport: any HTTPTransport, limiter: RateLimiter) {
        self.transport = transport
        self.limiter = limiter
    }

    /// A foreground request is about to be sent.
    func foregroundStarted(_ request: HTTPRequest) {
        foreground += 1
        if let from = request.query.first(where: { $0.name == "from" })?.value { asked.insert(from) }
    }

    /// A foreground request came back (nil: it failed); a partly read list is queued.
    func foregroundFinished(_ request: HTTPRequest, _ response: HTTPResponse?) {
        foreground -= 1
        lastForeground = .now
        if let response { observe(request, response, background: false) }
    }

    /// Waits until every list seen so far is read to its end or given up. Cancelling the waiting
    /// task (Ctrl-C while `record stop` or exit waits) stops the reading instead.
    package func waitUntilDone() async {
        while let worker {
            await withTaskCancellationHandler {
                await worker.value
            } onCancel: {
                Task { await self.cancel() }
            }
            if self.worker == worker { self.worker = nil }
        }
    }

    /// Whether lists are still being read in the background.
    package var isReading: Bool { worker != nil }

    /// Stops reading; what was read stays in the recording. A page on the wire is let finish, so
    /// that it is recorded as it answered rather than as a dropped connection.
    package func cancel() {
        stopped = true
        pending = [:]
        order = []
        if !sending { worker?.cancel() }
    }

    /// The list a request reads, or nil when it is not a list page.
    static func listKey(_ request: HTTPRequest) -> String? {
        guard request.method.uppercased() == "GET", case .list = RecordedTenant.route(request.path) else { return nil }
        let rest = request.query.filter { $0.name != "limit" && $0.name != "from" }
        return ReplayIndex.key(method: "GET", path: request.path, query: rest)
    }

    private func observe(_ request: HTTPRequest, _ response: HTTPResponse, background: Bool) {
        guard response.status == 200, let key = Self.listKey(request), !finished.contains(key),
            let body = try? JSONParser.parse(response.body), let results = body["results"]?.array
        else { return }
        if background {
            progress.pages += 1
            progress.items += results.count
        }
        guard let next = body["next"]?.string, !next.isEmpty else {
            if order.contains(key) {
                pending[key] = nil
                finished.insert(key)
                progress.finished += 1
            }
            return
        }
        guard !asked.contains(next), !stopped else { return }
        if !order.contains(key) {
            order.append(key)
            progress.lists += 1
        }
        var query = request.query.filter { $0.name != "limit" && $0.name != "from" }
        query += [QueryItem("limit", Self.pageSize), QueryItem("from", next)]
        pending[key] = HTTPRequest(method: "GET", path: request.path, query: query)
        if worker == nil { worker = Task { await self.work() } }
    }

    private func work() async {
        while !Task.isCancelled, let key = order.first(where: { pending[$0] != nil }), let request = pending[key] {
            do {
                try await waitForRoom()
            } catch {
                break
            }
            // The session may have read this page itself while we waited.
            guard pending[key] == request else { continue }
            pending[key] = nil
            if let from = request.query.first(where: { $0.name == "from" })?.value { asked.insert(from) }
            sending = true
            defer { sending = false }
            do {
                let response = try await transport.send(request)
                observe(request, response, background: true)
                if response.status != 200 { progress.failed += 1 }
            } catch {
                progress.failed += 1
            }
        }
        worker = nil
    }

    /// Until the session is quiet and the rate budget keeps its reserve (a quarter of the limit).
    private func waitForRoom() async throws {
        while foreground > 0 || ContinuousClock.now - lastForeground < Self.quiet {
            try await Task.sleep(for: Self.quiet)
        }
        let seen = await limiter.lastSeen
        let reserve = max(limiter.lowWater * 2, (seen?.limit ?? 0) / 4)
        if let remaining = seen?.remaining, remaining <= reserve {
            try await Task.sleep(for: .seconds(min(max(seen?.resetSeconds ?? 1, 0.1), 60)))
        }
        let pace = await limiter.pacingDelay()
        if pace > 0 { try await Task.sleep(for: .seconds(pace)) }
    }
}
