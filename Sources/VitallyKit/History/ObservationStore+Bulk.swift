import Foundation
import GRDB
import GRDBSQLite

extension ObservationStore {
    /// One row of `upsert`'s arguments, in its order, worked out before the write.
    struct UpsertRow: Sendable {
        var tenant: String
        var accountId: String
        var day: Int64
        var accountName: String
        var observedAt: Double
        var healthScore: Double?
        var breakdown: String?
        var mrr: Double?
        var usersCount: Int?
        var activeUsers30d: Int?
        var lastSeenAt: Double?
        var npsScore: Double?
        var churned: Bool

        init(_ observation: Observation, tenant: String) {
            self.tenant = tenant
            accountId = observation.accountId
            day = ObservationStore.day(observation.observedAt)
            accountName = StoredAccountName.name(observation.accountName, id: observation.accountId)
            observedAt = observation.observedAt.timeIntervalSince1970
            healthScore = observation.healthScore
            breakdown = observation.breakdown.map { categories in
                JSONValue.object(JSONObject(categories.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.number($0.value)) }))
                    .serialized()
            }
            mrr = observation.mrr
            usersCount = observation.usersCount
            activeUsers30d = observation.activeUsers30d
            lastSeenAt = observation.lastSeenAt?.timeIntervalSince1970
            npsScore = observation.npsScore
            churned = observation.churned
        }
    }

    /// Runs `upsert` for each observation's row in the write's transaction. SQLite's default page
    /// cache (2 MB) spills to the file mid-transaction once an import's pages outgrow it (80,000
    /// accounts are 10 MB): a large write gets 16 MB, taken only as pages are used, and the
    /// connection its own size back after (the shell keeps the store open).
    static func insert(_ observations: [Observation], tenant: String, into db: Database) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the store is closed") }
        if observations.count > 1_000, let previous = try Int.fetchOne(db, sql: "PRAGMA cache_size") {
            try db.execute(sql: "PRAGMA cache_size = -16384")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(previous)") }
            try writeRows(observations, tenant: tenant, connection: connection)
        } else {
            try writeRows(observations, tenant: tenant, connection: connection)
        }
    }

    /// The rows, through SQLite's own calls (GRDB's arguments box each of a row's 13 values, a
    /// third of an import's time). The rows of the observations that follow are worked out on
    /// other cores meanwhile: a name's personal check and a breakdown's text were a third of the write.
    private static func writeRows(_ observations: [Observation], tenant: String, connection: OpaquePointer) throws {
        var prepared: OpaquePointer?
        var code = sqlite3_prepare_v2(connection, upsert, -1, &prepared, nil)
        guard code == SQLITE_OK, let statement = prepared else { throw error(code, connection) }
        defer { sqlite3_finalize(statement) }
        func insert(_ rows: [UpsertRow]) throws {
            for row in rows {
                sqlite3_reset(statement)
                bind(row.tenant, 1, statement)
                bind(row.accountId, 2, statement)
                sqlite3_bind_int64(statement, 3, row.day)
                bind(row.accountName, 4, statement)
                sqlite3_bind_double(statement, 5, row.observedAt)
                bind(row.healthScore, 6, statement)
                if let breakdown = row.breakdown { bind(breakdown, 7, statement) } else { sqlite3_bind_null(statement, 7) }
                bind(row.mrr, 8, statement)
                bind(row.usersCount, 9, statement)
                bind(row.activeUsers30d, 10, statement)
                bind(row.lastSeenAt, 11, statement)
                bind(row.npsScore, 12, statement)
                sqlite3_bind_int64(statement, 13, row.churned ? 1 : 0)
                code = sqlite3_step(statement)
                guard code == SQLITE_DONE else { throw error(code, connection) }
            }
        }
        let batches = OrderedBatches<Observation, [UpsertRow]>(size: 500, inFlight: 4) { batch in
            batch.map { UpsertRow($0, tenant: tenant) }
        }
        for observation in observations { try batches.add(observation, take: insert) }
        try batches.drain(take: insert)
    }

    private static func bind(_ text: String, _ index: Int32, _ statement: OpaquePointer) {
        var text = text
        text.withUTF8 { utf8 in
            // An empty buffer may have no address, which SQLite would bind as NULL, not "".
            if utf8.isEmpty {
                sqlite3_bind_text(statement, index, "", 0, transient)
            } else {
                utf8.withMemoryRebound(to: CChar.self) { _ = sqlite3_bind_text(statement, index, $0.baseAddress, Int32(utf8.count), transient) }
            }
        }
    }

    private static func bind(_ number: Double?, _ index: Int32, _ statement: OpaquePointer) {
        if let number { sqlite3_bind_double(statement, index, number) } else { sqlite3_bind_null(statement, index) }
    }

    private static func bind(_ number: Int?, _ index: Int32, _ statement: OpaquePointer) {
        if let number { sqlite3_bind_int64(statement, index, Int64(number)) } else { sqlite3_bind_null(statement, index) }
    }

    /// SQLite copies a bound text before the call returns (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func error(_ code: Int32, _ connection: OpaquePointer) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: upsert)
    }
}
