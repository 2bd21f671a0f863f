import Foundation
import Testing
@testable import VitallyKit

/// What a recording knows about the tenant: union by id, newest wins, recorded order, completeness.
@Suite struct RecordedTenantTests {
    func exchange(_ url: String, _ body: String, status: Int = 200) -> RecordedExchange {
        let (path, query) = RecordedExchange.split(url: url)
        return RecordedExchange(
            startedAt: Date(timeIntervalSince1970: 0), timeMilliseconds: 1, method: "GET", url: "https://x.example" + url, path: path,
            query: query, requestHeaders: [], status: status, statusText: "OK", responseHeaders: [], mimeType: "application/json",
            body: Array(body.utf8))
    }

    @Test func listsAreTheUnionOfRecordedItemsNewestWinsInRecordedOrder() throws {
        let tenant = RecordedTenant([
            exchange("/resources/notes?limit=2", #"{"results":[{"id":"n1","v":1},{"id":"n2","v":1}],"next":"c1"}"#),
            exchange("/resources/notes?limit=2&from=c1", #"{"results":[{"id":"n3","v":1}],"next":null}"#),
            exchange("/resources/accounts/a1/notes?limit=50", #"{"results":[{"id":"n2","v":2},{"id":"n4","v":2}],"next":null}"#),
            exchange("/resources/accounts/a1", #"{"id":"a1","externalId":"acme-001"}"#),
            exchange("/resources/notes?limit=9", #"{"message":"boom"}"#, status: 500),
        ])
        let tenantNotes = try #require(tenant.items(in: .init(resource: "notes")))
        #expect(tenantNotes.compactMap { $0["id"]?.string } == ["n1", "n2", "n3", "n4"])
        #expect(tenantNotes[1]["v"]?.int == 2)
        let scoped = try #require(tenant.items(in: .init(resource: "notes", scope: "accounts/acme-001")))
        #expect(scoped.compactMap { $0["id"]?.string } == ["n2", "n4"])
        #expect(tenant.isComplete(.init(resource: "notes")))
        #expect(tenant.lastID(beforeRecordedCursor: "c1") == "n2")
        #expect(tenant.object("accounts", id: "acme-001")?["id"]?.string == "a1")
        #expect(tenant.items(in: .init(resource: "tasks")) == nil)
        #expect(tenant.coverage.map { "\($0.resource)@\($0.scope):\($0.items):\($0.complete)" }
            == ["notes@:4:true", "notes@accounts/a1:2:true"])
    }

    @Test func aFilteredOrUnfinishedListIsNotReadToItsEnd() {
        let tenant = RecordedTenant([
            exchange("/resources/tasks?status=open&limit=50", #"{"results":[{"id":"t1"}],"next":null}"#),
            exchange("/resources/users?limit=1", #"{"results":[{"id":"u1"}],"next":"c9"}"#),
            exchange("/resources/accounts?status=activeOrChurned&limit=100", #"{"results":[{"id":"a1"}],"next":null}"#),
        ])
        #expect(!tenant.isComplete(.init(resource: "tasks")))
        #expect(!tenant.isComplete(.init(resource: "users")))
        #expect(tenant.isComplete(.init(resource: "accounts")))
    }
}
