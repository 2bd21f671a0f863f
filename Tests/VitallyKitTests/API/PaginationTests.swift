import Testing
import VitallyKit

@Suite struct PaginationTests {
    @Test func fetchesEveryAccountAcrossPagesFromTheSimulator() async throws {
        try await withSimulator { client, simulator in
            let all = try await client.accounts(status: .activeOrChurned).collect()
            #expect(all.count == 360)
            #expect(Set(all.map(\.id)).count == 360)
            let active = try await client.accounts().collect()
            #expect(active.allSatisfy { !$0.isChurned })
            #expect(active.count < all.count)
            let log = await simulator.state.log.filter { $0.path == "/resources/accounts" }
            #expect(log.count == 4 + 4)  // 360 and ~320 accounts at 100 a page
            #expect(log.allSatisfy { $0.query.contains(QueryItem("limit", "100")) })
        }
    }

    @Test func stopsWhenNextIsNull() async throws {
        let transport = ScriptedTransport([#"{"results":[{"id":"a"}],"next":"c1"}"#, #"{"results":[{"id":"b"}],"next":null}"#])
        let ids = try await VitallyClient(transport: transport).accounts().collect().map(\.id)
        #expect(ids == ["a", "b"])
        let requests = await transport.requests
        #expect(requests.count == 2)
        #expect(requests[1].query.contains(QueryItem("from", "c1")))
    }

    @Test func stopsOnAnEmptyPageEvenWithACursor() async throws {
        let transport = ScriptedTransport([#"{"results":[{"id":"a"}],"next":"c1"}"#, #"{"results":[],"next":"c2"}"#])
        let ids = try await VitallyClient(transport: transport).accounts().collect().map(\.id)
        #expect(ids == ["a"])
        #expect(await transport.requests.count == 2)
    }

    @Test func stopsWhenAtEndIsTrue() async throws {
        let transport = ScriptedTransport([#"{"results":[{"id":"a"}],"next":"c1","atEnd":true}"#])
        let ids = try await VitallyClient(transport: transport).accounts().collect().map(\.id)
        #expect(ids == ["a"])
        #expect(await transport.requests.count == 1)
    }

    @Test func stopsOnARepeatedCursor() async throws {
        let transport = ScriptedTransport([
            #"{"results":[{"id":"a"}],"next":"same"}"#, #"{"results":[{"id":"b"}],"next":"same"}"#,
            #"{"results":[{"id":"c"}],"next":"same"}"#,
        ])
        let ids = try await VitallyClient(transport: transport).accounts().collect().map(\.id)
        #expect(ids == ["a", "b"])
        #expect(await transport.requests.count == 2)
    }

    @Test func encodesTheCursor() {
        let request = HTTPRequest(path: "/resources/accounts", query: [QueryItem("from", "eyJ+a/b==")])
        #expect(request.pathAndQuery == "/resources/accounts?from=eyJ%2Ba%2Fb%3D%3D")
    }
}
