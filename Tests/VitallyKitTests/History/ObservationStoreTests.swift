import Foundation
import GRDB
import Testing
import VitallyKit

@Suite struct ObservationStoreTests {
    @Test func theFileIsPrivateAndOneRowPerDayKeepsWhatEarlierReadsAdded() throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("vitally-shell").path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)

        let morning = scoreEpoch.addingTimeInterval(8 * 3600)
        try store.record([Observation(accountId: "a1", accountName: "Acme", observedAt: morning, healthScore: 7, breakdown: ["Support": 6.5], activeUsers30d: 3)], tenant: "acme")
        try store.record([Observation(accountId: "a1", accountName: "Acme", observedAt: morning.addingTimeInterval(3600), healthScore: 7.2, mrr: 100)], tenant: "acme")
        try store.record([Observation(accountId: "a1", accountName: "Acme", observedAt: morning.addingTimeInterval(-3600), healthScore: 1)], tenant: "acme")
        try store.record([Observation(accountId: "a1", accountName: "Acme", observedAt: morning.addingTimeInterval(86400), healthScore: 7.5)], tenant: "acme")
        try store.record([Observation(accountId: "a1", accountName: "Other tenant's", observedAt: morning, healthScore: 2)], tenant: "globex")

        let rows = try store.observations(tenant: "acme", accountId: "a1")
        #expect(rows.map(\.healthScore) == [7.2, 7.5])
        #expect(rows[0].breakdown == ["Support": 6.5])
        #expect(rows[0].activeUsers30d == 3)
        #expect(rows[0].mrr == 100)
        #expect(try store.counts(tenant: "acme") == (2, 1))
        #expect(try store.accountIds(tenant: "acme", matching: "ACME") == ["a1"])

        #expect(try store.forget(tenant: "acme", accountId: "a1") == 2)
        #expect(try store.counts(tenant: "acme") == (0, 0))
        #expect(try store.counts(tenant: "globex") == (1, 1))
        #expect(try store.forget(tenant: "globex") == 1)
    }

    @Test func reopeningKeepsTheDataAndTheSchemaVersion() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("observations.sqlite")
        try ObservationStore(url: url).record([Observation(accountId: "a", accountName: "A", observedAt: scoreEpoch, healthScore: 5)], tenant: "t")
        let again = try ObservationStore(url: url)
        #expect(try again.observations(tenant: "t", accountId: "a").count == 1)
    }

    @Test func aCorruptedFileIsACorruptError() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("observations.sqlite")
        try Data(String(repeating: "not a database, a torn file. ", count: 200).utf8).write(to: url)
        #expect(throws: HistoryError.self) { try ObservationStore(url: url) }
        do {
            _ = try ObservationStore(url: url)
            Issue.record("a corrupt file opened as a store")
        } catch {
            #expect(error.cause == .corrupt)
            #expect(!error.description.contains("\n"))
        }
        let directoryInTheWay = folder.appendingPathComponent("dir.sqlite")
        try FileManager.default.createDirectory(at: directoryInTheWay, withIntermediateDirectories: true)
        do {
            _ = try ObservationStore(url: directoryInTheWay)
            Issue.record("a directory opened as a store")
        } catch {
            #expect(error.cause == .unusable)
        }
    }

    @Test func aStoreLockedByAnotherProcessIsALockedError() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("observations.sqlite")
        let store = try ObservationStore(url: url)
        let holder = try DatabaseQueue(path: url.path)  // another connection, as another process would hold it
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? holder.inTransaction(.exclusive) { _ in
                locked.signal()
                release.wait()
                return .rollback
            }
        }
        locked.wait()
        defer { release.signal() }
        do {
            try store.record([Observation(accountId: "a", accountName: "A", observedAt: scoreEpoch, healthScore: 5)], tenant: "t")
            Issue.record("wrote through another process's exclusive lock")
        } catch {
            #expect(error.cause == .locked)
        }
    }
}
