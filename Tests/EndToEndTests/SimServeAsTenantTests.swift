import AsyncHTTPClient
import Foundation
import Testing
import VitallyKit

/// `vitally-sim --replay recordings/demo.har --serve-as-tenant` driven by a client that pages
/// differently from the shell (`limit=100`, `from` cursors, another `sortBy`), over loopback.
@Suite struct SimServeAsTenantTests {
    let demo = packageRoot.appendingPathComponent("recordings/demo.har")

    func get(_ url: String) async throws -> (status: Int, headers: [(String, String)], body: [UInt8]) {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Basic c2tfdGVzdF9hbnk6")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 16 << 20)
        return (Int(response.status.code), response.headers.map { ($0.name, $0.value) }, Array(body.readableBytesView))
    }

    /// Every id the recording holds for a resource, read straight from the file: any 200 GET whose
    /// path names the resource last (a list in any scope), or as `/resources/R/ID` or `/resources/R/search`.
    func recordedIDs(_ resource: String, where keep: (JSONValue) -> Bool = { _ in true }) throws -> Set<String> {
        var ids = Set<String>()
        for exchange in try HARReader.load(demo).exchanges where exchange.status == 200 {
            let parts = exchange.path.split(separator: "/").map(String.init)
            let isList = parts.count >= 2 && parts.last == resource && parts.count != 3
            let isObject = parts.count == 3 && parts[1] == resource
            guard isList || isObject, let body = try? JSONParser.parse(exchange.body) else { continue }
            let items = body["results"]?.array ?? (isObject && parts[2] != "search" ? [body] : [])
            for item in items where keep(item) { if let id = item["id"]?.string { ids.insert(id) } }
        }
        return ids
    }

    /// Pages a list to its end the way another client would; the ids in the order served, and the bodies.
    func pageAll(_ base: String, _ path: String, _ query: String) async throws -> (ids: [String], bodies: [[UInt8]]) {
        var ids: [String] = []
        var bodies: [[UInt8]] = []
        var cursor: String?
        for _ in 0..<50 {
            let from = cursor.map { "&from=" + URLEncoding.encode($0) } ?? ""
            let page = try await get(base + path + "?" + query + from)
            #expect(page.status == 200, "\(path)?\(query)\(from): \(String(decoding: page.body.prefix(300), as: UTF8.self))")
            guard page.status == 200 else { break }
            bodies.append(page.body)
            let json = try JSONParser.parse(page.body)
            ids += (json["results"]?.array ?? []).compactMap { $0["id"]?.string }
            guard let next = json["next"]?.string else { return (ids, bodies) }
            cursor = next
        }
        Issue.record("\(path)?\(query) did not end within 50 pages")
        return (ids, bodies)
    }

    /// Whether the server printed this line within a few seconds (its output arrives through a pipe).
    func printed(_ server: ServerProcess, _ line: String) async throws -> Bool {
        for _ in 0..<100 {
            if server.output.contains(line) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test func aClientThatPagesDifferentlyGetsEveryRecordedItemOnce() async throws {
        let server = try ServerProcess(simBinary, ["--replay", demo.path, "--serve-as-tenant", "--port", "0"])
        #expect(server.banner.contains("serving as a tenant"))
        let lists: [(path: String, query: String, resource: String)] = [
            ("/resources/accounts", "status=activeOrChurned&limit=100", "accounts"),
            ("/resources/notes", "limit=100", "notes"), ("/resources/tasks", "limit=100", "tasks"),
            ("/resources/users", "limit=100", "users"), ("/resources/conversations", "limit=100", "conversations"),
            ("/resources/npsResponses", "limit=100", "npsResponses"), ("/resources/organizations", "limit=100", "organizations"),
            ("/resources/admins", "limit=100", "admins"),
        ]
        for list in lists {
            let expected = try recordedIDs(list.resource)
            #expect(!expected.isEmpty, "\(list.resource)")
            for sort in ["updatedAt", "createdAt"] {
                let served = try await pageAll(server.baseURL, list.path, list.query + "&sortBy=" + sort)
                #expect(served.ids.count == Set(served.ids).count, "\(list.resource) by \(sort): an item served twice")
                #expect(Set(served.ids) == expected, "\(list.resource) by \(sort)")
            }
        }
        // Small pages with this server's own cursors, and a recorded cursor (status=active&limit=100
        // was recorded, page 2 was not) carried on into synthesized pages.
        let notes = try recordedIDs("notes")
        let small = try await pageAll(server.baseURL, "/resources/notes", "limit=7")
        #expect(small.bodies.count == (notes.count + 6) / 7)
        #expect(Set(small.ids) == notes && small.ids.count == Set(small.ids).count)
        let active = try await pageAll(server.baseURL, "/resources/accounts", "status=active&limit=100")
        #expect(Set(active.ids) == (try recordedIDs("accounts") { $0["churnedAt"]?.isNull ?? true }))
        #expect(active.ids.count == Set(active.ids).count)

        // Synthesized answers say so, and the server's log line names each.
        let synthesized = try await get(server.baseURL + "/resources/accounts/acme-001/notes?limit=100")
        #expect(synthesized.headers.contains { $0.0.lowercased() == "x-replay-synthesized" && $0.1 == "true" })
        let exact = try await get(server.baseURL + "/resources/accounts/acme-001")
        #expect(exact.status == 200 && !exact.headers.contains { $0.0.lowercased() == "x-replay-synthesized" })
        #expect(try await printed(server, "synthesized GET /resources/notes?limit=7 -> 200"))
        #expect(try await printed(server, "recorded    GET /resources/accounts/acme-001 -> 200"))
    }

    @Test func whatTheRecordingCannotAnswerIsA404NamingTheClosestNeverAnInventedItem() async throws {
        let server = try ServerProcess(simBinary, ["--replay", demo.path, "--serve-as-tenant", "--port", "0"])
        for path in [
            "/resources/accounts/no-such-account/notes?limit=100", "/resources/accounts/no-such-account",
            "/resources/users/search?email=nobody%40unrecorded.example", "/resources/notes?limit=100&from=not-a-cursor",
            "/resources/notes?limit=100&createdAfter=2026-01-01",
        ] {
            let miss = try await get(server.baseURL + path)
            #expect(miss.status == 404, "\(path)")
            let json = try JSONParser.parse(miss.body)
            #expect(json["closest"]?.array?.count == 3, "\(path)")
            #expect(json["message"]?.string?.contains("closest recorded: GET /resources/") == true, "\(path)")
            #expect(json["notSynthesized"]?.string?.isEmpty == false, "\(path)")
            #expect(!miss.headers.contains { $0.0.lowercased() == "x-replay-synthesized" })
        }
        #expect(try await printed(server, "not served  GET /resources/accounts/no-such-account -> 404 (no recorded list or object holds accounts no-such-account)"))
        // A recorded user is found by a search nobody recorded.
        let found = try await get(server.baseURL + "/resources/users/search?emailSubdomain=hooli.com")
        #expect(found.status == 200)
        #expect(try JSONParser.parse(found.body)["results"]?.array?.isEmpty == false)
    }

    @Test func theSameClientRunTwiceGetsTheSameBytes() async throws {
        var runs: [[[UInt8]]] = []
        for _ in 0..<2 {
            let server = try ServerProcess(simBinary, ["--replay", demo.path, "--serve-as-tenant", "--port", "0"])
            let first = try await pageAll(server.baseURL, "/resources/accounts", "limit=100&sortBy=createdAt")
            let again = try await pageAll(server.baseURL, "/resources/accounts", "limit=100&sortBy=createdAt")
            #expect(first.bodies == again.bodies)
            runs.append(first.bodies)
        }
        #expect(runs[0].count > 1)
        #expect(runs[0] == runs[1])
    }

    @Test func aClientWhoseFirstPageIsTheRecordedOneGetsEveryItemOnce() async throws {
        // demo.har holds users, organizations and npsResponses at limit=1 (page 1 recorded, the rest
        // not): the recorded cursor carries on into synthesized pages, which must not skip the items
        // that tie with page 1's on updatedAt.
        let server = try ServerProcess(simBinary, ["--replay", demo.path, "--serve-as-tenant", "--port", "0"])
        for resource in ["users", "organizations", "npsResponses"] {
            let served = try await pageAll(server.baseURL, "/resources/" + resource, "limit=1")
            #expect(served.ids.count == Set(served.ids).count, "\(resource): an item served twice")
            #expect(Set(served.ids) == (try recordedIDs(resource)), "\(resource)")
        }
    }

    @Test func aRecordingCutShortIsServedWithAWarningNotSilently() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).har")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bytes = try Data(contentsOf: demo)
        try bytes.prefix(bytes.count / 2).write(to: scratch)
        let server = try ServerProcess(simBinary, ["--replay", scratch.path, "--serve-as-tenant", "--port", "0"])
        #expect(try await printed(server, "vitally-sim: warning: \(scratch.lastPathComponent) is cut short after"))
    }
}
