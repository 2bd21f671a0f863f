import Foundation
import GRDB

/// The local history of what the shell saw, one SQLite file per machine keyed by tenant
/// (`$XDG_DATA_HOME/vitally-shell/observations.sqlite`). One row per account per UTC day: a
/// later observation that day replaces the earlier one, keeping a breakdown or an active-user
/// count the later one did not read.
package final class ObservationStore: Sendable {
    package let path: String
    let queue: DatabaseQueue

    /// Opens (creating it 0600 in a 0700 folder) and migrates the store at `url`; refuses one that
    /// others can write or that links to another user's file (`StoreFileCheck`).
    package init(url: URL, busyTimeout: TimeInterval = 0.25) throws(HistoryError) {
        path = url.path
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if let problem = StoreFileCheck.problem(at: path) { throw HistoryError(.untrusted, path: path, detail: problem) }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                if isDirectory.boolValue { throw HistoryError(.unusable, path: path, detail: "a directory is in the way") }
            } else if !FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) {
                throw HistoryError(.unusable, path: path, detail: "cannot create the file")
            }
        } catch let error as HistoryError {
            throw error
        } catch {
            throw HistoryError(.unusable, path: path, detail: "cannot create \(folder.path)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "observations"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// An in-memory store, for tests and the benchmark.
    package init(inMemory: Void = ()) throws(HistoryError) {
        path = ":memory:"
        do {
            queue = try DatabaseQueue()
            try Self.migrator.migrate(queue)
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// The schema, versioned: each release adds migrations, never edits one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 observations") { db in
            try db.create(table: "observation") { table in
                table.column("tenant", .text).notNull()
                table.column("accountId", .text).notNull()
                /// Days since 1970 (UTC): the unit of one row.
                table.column("day", .integer).notNull()
                table.column("accountName", .text).notNull()
                table.column("observedAt", .double).notNull()
                table.column("healthScore", .double)
                table.column("breakdown", .text)
                table.column("mrr", .double)
                table.column("usersCount", .integer)
                table.column("activeUsers30d", .integer)
                table.column("lastSeenAt", .double)
                table.column("npsScore", .double)
                table.column("churned", .boolean).notNull()
                table.primaryKey(["tenant", "accountId", "day"])
            }
        }
        return migrator
    }

    /// Records a command's observations in one transaction.
    package func record(_ observations: [Observation], tenant: String) throws(HistoryError) {
        guard !observations.isEmpty else { return }
        do {
            try queue.write { db in try Self.insert(observations, tenant: tenant, into: db) }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// One account's observations, oldest first.
    package func observations(tenant: String, accountId: String) throws(HistoryError) -> [Observation] {
        do {
            return try queue.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM observation WHERE tenant = ? AND accountId = ? ORDER BY day",
                    arguments: [tenant, accountId]
                ).map(Self.observation)
            }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// Account ids whose stored id or name equals `text` (ignoring case), for `history forget NAME`.
    package func accountIds(tenant: String, matching text: String) throws(HistoryError) -> [String] {
        do {
            return try queue.read { db in
                try String.fetchAll(
                    db,
                    sql: "SELECT DISTINCT accountId FROM observation WHERE tenant = ? AND (accountId = ? OR lower(accountName) = lower(?)) ORDER BY accountId",
                    arguments: [tenant, text, text])
            }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// How many observations and accounts a tenant has.
    package func counts(tenant: String) throws(HistoryError) -> (observations: Int, accounts: Int) {
        do {
            return try queue.read { db in
                let row = try Row.fetchOne(
                    db, sql: "SELECT count(*), count(DISTINCT accountId) FROM observation WHERE tenant = ?",
                    arguments: [tenant])
                return (row?[0] ?? 0, row?[1] ?? 0)
            }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// Deletes a tenant's observations, or one account's; returns how many rows went.
    @discardableResult
    package func forget(tenant: String, accountId: String? = nil) throws(HistoryError) -> Int {
        do {
            return try queue.write { db in
                if let accountId {
                    try db.execute(sql: "DELETE FROM observation WHERE tenant = ? AND accountId = ?", arguments: [tenant, accountId])
                } else {
                    try db.execute(sql: "DELETE FROM observation WHERE tenant = ?", arguments: [tenant])
                }
                return db.changesCount
            }
        } catch {
            throw Self.wrap(error, path: path)
        }
    }

    /// Every text value the store holds, for tests that prove what is never kept.
    package func allText() throws -> [String] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT tenant, accountId, accountName, breakdown FROM observation").flatMap { row in
                (0..<4).compactMap { row[$0] as String? }
            }
        }
    }
}
