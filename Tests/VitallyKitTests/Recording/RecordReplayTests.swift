import Foundation
import Testing
import VitallyKit
import VitallySimulator

@Suite struct RecordReplayTests {
    @Test func recordsThenReplaysWithoutTheNetworkIdentically() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("session.har")
        var options = SimulatorOptions(token: testToken, anchor: testAnchor)
        options.accountCount = 150
        let simulator = try await SimulatorServer.start(options)
        let (client, recorder) = try await recordingClient(simulator, file: file)
        let live = try await client.accounts(status: .activeOrChurned).collect().map(\.name)
        let acme = try await client.account(id: "acme-001")
        let notes = try await client.accountList(.notes, accountId: acme.id, as: Note.self).collect().map(\.id)
        await simulator.stop()
        #expect(await recorder.count == 4)  // two pages, the account, its notes

        func replay() async throws -> ([String], [String]) {
            let recording = try HARReader.load(file)
            let transport = ReplayTransport(recording: recording, recordHint: "record it")
            let replayClient = VitallyClient(transport: RetryingTransport(base: transport, clock: VirtualRetryClock()))
            let names = try await replayClient.accounts(status: .activeOrChurned).collect().map(\.name)
            let account = try await replayClient.account(id: "acme-001")
            return (names, try await replayClient.accountList(.notes, accountId: account.id, as: Note.self).collect().map(\.id))
        }
        let first = try await replay()
        let second = try await replay()
        #expect(first.0 == live && first.1 == notes)
        #expect(second.0 == first.0 && second.1 == first.1)
    }

    @Test func theRecordingIsValidHARWithNoTokenInAnyForm() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("strict.har")
        try await withSimulator { _, simulator in
            let (client, _) = try await recordingClient(simulator, file: file)
            await simulator.state.inject(.status(429, headers: [HTTPHeader("Retry-After", "2")]))
            _ = try await client.account(id: "acme-001")
            _ = try? await client.account(id: "no-such-id")
            _ = try await client.getJSON("/resources/users/search", query: [QueryItem("email", testToken + "@x.com")])
        }
        let bytes = try Data(contentsOf: file)
        let text = String(decoding: bytes, as: UTF8.self)
        for form in Redactor.forms(of: testToken) { #expect(!text.contains(form)) }
        #expect(text.contains("\"value\": \"REDACTED\""))
        let recording = try HARReader.load(file)
        #expect(recording.exchanges.map(\.status) == [429, 200, 404, 200])
        let (status, output) = try validateHAR(file, forbidding: Redactor.forms(of: testToken))
        #expect(status == 0, "\(output)")
    }

    @Test func rewritingARecordingReproducesItsBytes() async throws {
        // Stable formatting: reading demo.har and writing it back changes nothing, so re-recording diffs stay small.
        let original = packageRoot.appendingPathComponent("recordings/demo.har")
        let recording = try HARReader.load(original)
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("copy.har")
        let recorder = HARRecorder(url: copy, info: try #require(recording.info), redactor: Redactor(secrets: []), existing: recording.exchanges)
        try await recorder.flush()
        #expect(try Data(contentsOf: copy) == Data(contentsOf: original))
    }

    @Test func redactsSecretLookingHeadersAndQueryParameters() async throws {
        let redactor = Redactor(token: "sk_test_abcdef123")
        #expect(redactor.header(HTTPHeader("Cookie", "a=b")).value == "REDACTED")
        #expect(redactor.header(HTTPHeader("X-Api-Key", "k")).value == "REDACTED")
        #expect(redactor.header(HTTPHeader("Accept", "application/json")).value == "application/json")
        #expect(redactor.query(QueryItem("access_token", "t")).value == "REDACTED")
        #expect(redactor.query(QueryItem("limit", "100")).value == "100")
        #expect(redactor.text("x sk_test_abcdef123 y") == "x REDACTED y")
        #expect(redactor.leaks(in: Array("...c2tfdGVzdF9hYmNkZWYxMjM6...".utf8)))  // base64 of "token:"
    }

    @Test func refusesToWriteAFileThatWouldHoldTheToken() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("leak.har")
        let token = "sk_test_leaky_9876"
        let recorder = HARRecorder(url: file, info: RecordingInfo(recordedAt: testAnchor), redactor: Redactor(token: token))
        var exchange = RecordedExchange(
            startedAt: testAnchor, timeMilliseconds: 1, method: "GET", url: "http://h/resources/x?key=\(token)", path: "/resources/x",
            query: [QueryItem("key", token)], requestHeaders: [HTTPHeader("Authorization", "Basic abc")], status: 200, statusText: "OK",
            responseHeaders: [], mimeType: "application/json", body: Array(#"{"echo":"sk_test_leaky_9876"}"#.utf8))
        try await recorder.append(exchange)
        let written = try Data(contentsOf: file)
        #expect(!String(decoding: written, as: UTF8.self).contains(token))
        // A field redaction does not cover (here the MIME type): the scan after writing must refuse.
        exchange.mimeType = "application/json; note=\(token)"
        let error = await #expect(throws: VitallyError.self) { try await recorder.append(exchange) }
        #expect(error?.cause?.contains("nothing was written") == true)
        #expect(try Data(contentsOf: file) == written)
    }

    @Test func repeatedRequestsReplayInOrderThenTheLastKeepsAnswering() async throws {
        let recording = HARRecording(
            url: URL(fileURLWithPath: "/tmp/r.har"),
            exchanges: [429, 200, 503].enumerated().map { index, status in
                RecordedExchange(
                    startedAt: testAnchor, timeMilliseconds: 1, method: "GET", url: "https://x.rest.vitally.io/resources/accounts?limit=1&status=active",
                    path: "/resources/accounts", query: [QueryItem("limit", "1"), QueryItem("status", "active")], requestHeaders: [],
                    status: status, statusText: "", responseHeaders: [], mimeType: "application/json", body: Array("{\"n\":\(index)}".utf8))
            }, info: nil, creator: nil, byteCount: 0)
        let transport = ReplayTransport(recording: recording, recordHint: "-")
        // Query order does not matter; the host is ignored.
        let request = HTTPRequest(path: "/resources/accounts", query: [QueryItem("status", "active"), QueryItem("limit", "1")])
        var statuses: [Int] = []
        for _ in 0..<5 { statuses.append(try await transport.send(request).status) }
        #expect(statuses == [429, 200, 503, 503, 503])
    }

    @Test func aRecorded429ThenSuccessReplaysWithoutWaiting() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ratelimited.har")
        try await withSimulator { _, simulator in
            let (client, _) = try await recordingClient(simulator, file: file)
            await simulator.state.inject(.status(429, headers: [HTTPHeader("Retry-After", "30")]))
            _ = try await client.account(id: "globex-17")
        }
        let clock = VirtualRetryClock()
        let replay = VitallyClient(transport: RetryingTransport(
            base: ReplayTransport(recording: try HARReader.load(file), recordHint: "-"), clock: clock))
        let started = Date()
        #expect(try await replay.account(id: "globex-17").name == "Globex Inc")
        #expect(await clock.waits == [30])
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func anUnrecordedRequestNamesTheFileTheClosestRequestsAndTheFix() async throws {
        let exchanges = ["/resources/accounts", "/resources/accounts/acme-001", "/resources/users/search", "/resources/notes"].map { path in
            RecordedExchange(startedAt: testAnchor, timeMilliseconds: 1, method: "GET", url: "http://h" + path, path: path,
                             query: path.hasSuffix("search") ? [QueryItem("email", "pat@acme.com")] : [QueryItem("limit", "100")],
                             requestHeaders: [], status: 200, statusText: "OK", responseHeaders: [], mimeType: "application/json", body: Array("{}".utf8))
        }
        let recording = HARRecording(url: URL(fileURLWithPath: "/tmp/ticket-4411.har"), exchanges: exchanges, info: nil, creator: nil, byteCount: 0)
        let transport = ReplayTransport(recording: recording, recordHint: "vitally-shell --record ticket-4411.har --record-mode missing")
        let error = await #expect(throws: VitallyError.self) {
            try await transport.send(HTTPRequest(path: "/resources/users/search", query: [QueryItem("email", "jo@acme.com")]))
        }
        let text = error?.cause ?? ""
        #expect(error?.code == .notRecorded)
        // One line: what is missing and how to record it; the closest recorded requests are the detail.
        #expect(text == "GET /resources/users/search?email=jo%40acme.com is not in ticket-4411.har; "
            + "to record it: vitally-shell --record ticket-4411.har --record-mode missing")
        let detail = error?.detail ?? []
        #expect(detail.first == "closest recorded:" && detail.count == 4, "\(detail)")
        #expect(detail[1].contains("1) GET /resources/users/search?email=pat%40acme.com") && detail[1].contains("lacks email=jo@acme.com"))
        #expect(detail[3].contains("3)"))
    }

    @Test func recordMissingReplaysWhatItHasAndAppendsTheRest() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("partial.har")
        try await withSimulator { _, simulator in
            let (client, first) = try await recordingClient(simulator, file: file)
            _ = try await client.account(id: "acme-001")
            try await first.close()  // one recorder at a time: the file is locked while recording
            await simulator.state.clearLog()
            let existing = try HARReader.load(file)
            let recorder = HARRecorder(url: file, info: existing.info!, redactor: Redactor(token: testToken), existing: existing.exchanges)
            let endpoint = try VitallyEndpoint.custom(simulator.baseURL)
            let fallback = RecordingTransport(base: LiveTransport(endpoint: endpoint, token: testToken), recorder: recorder, baseURL: endpoint.baseURL)
            let mixed = VitallyClient(transport: ReplayTransport(recording: existing, fallback: fallback, recordHint: "-"))
            _ = try await mixed.account(id: "acme-001")  // replayed
            _ = try await mixed.account(id: "globex-17")  // live, appended
            #expect(await simulator.state.log.map(\.path) == ["/resources/accounts/globex-17"])
        }
        #expect(try HARReader.load(file).exchanges.map(\.path) == ["/resources/accounts/acme-001", "/resources/accounts/globex-17"])
    }
}
