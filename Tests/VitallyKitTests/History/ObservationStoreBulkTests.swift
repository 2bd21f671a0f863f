import Foundation
import GRDB
import Testing
@testable import VitallyKit

/// A large write (an import's thousands of accounts) through SQLite's own calls: every row lands,
/// the upsert rule holds on a second import, and the connection keeps its page cache size (the
/// write enlarges it for itself only: the shell keeps the store open).
@Suite struct ObservationStoreBulkTests {
    func accounts(_ count: Int, score: Double, at time: Date) -> [Observation] {
        (0..<count).map { Observation(accountId: "acc-\($0)", accountName: "Account \($0)", observedAt: time, healthScore: score) }
    }

    @Test func aLargeWriteStoresEveryRowAndLeavesThePageCacheAsItWas() throws {
        let store = try ObservationStore(inMemory: ())
        let cacheSize = { try store.queue.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") } }
        let before = try cacheSize()
        let morning = Date(timeIntervalSince1970: 1_780_000_000)
        try store.record(accounts(3_000, score: 5, at: morning), tenant: "acme")
        #expect(try cacheSize() == before)
        #expect(try store.counts(tenant: "acme") == (3_000, 3_000))
        // Later the same day: each row is updated in place; an earlier reading changes nothing.
        try store.record(accounts(3_000, score: 6, at: morning.addingTimeInterval(3_600)), tenant: "acme")
        try store.record(accounts(3_000, score: 1, at: morning.addingTimeInterval(-3_600)), tenant: "acme")
        #expect(try store.counts(tenant: "acme") == (3_000, 3_000))
        #expect(try store.observations(tenant: "acme", accountId: "acc-2999").map(\.healthScore) == [6])
        #expect(try cacheSize() == before)
    }
}
