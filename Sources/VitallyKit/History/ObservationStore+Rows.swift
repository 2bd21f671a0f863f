import Foundation
import GRDB

extension ObservationStore {
    /// Insert, or replace the same day's row when this observation is not older; a breakdown or
    /// active-user count only an earlier read had is kept.
    static let upsert = """
        INSERT INTO observation (tenant, accountId, day, accountName, observedAt, healthScore, breakdown, mrr,
            usersCount, activeUsers30d, lastSeenAt, npsScore, churned)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (tenant, accountId, day) DO UPDATE SET
            accountName = excluded.accountName, observedAt = excluded.observedAt,
            healthScore = excluded.healthScore, breakdown = coalesce(excluded.breakdown, breakdown),
            mrr = excluded.mrr, usersCount = excluded.usersCount,
            activeUsers30d = coalesce(excluded.activeUsers30d, activeUsers30d),
            lastSeenAt = excluded.lastSeenAt, npsScore = excluded.npsScore, churned = excluded.churned
        WHERE excluded.observedAt >= observation.observedAt
        """

    static func day(_ date: Date) -> Int64 {
        let days = (date.timeIntervalSince1970 / 86400).rounded(.down)
        return days.isFinite && abs(days) < 1e12 ? Int64(days) : 0
    }

    static func observation(_ row: Row) -> Observation {
        var breakdown: [String: Double]?
        if let text: String = row["breakdown"], let json = try? JSONParser.parse(Array(text.utf8)), let object = json.object {
            var categories: [String: Double] = [:]
            for (key, value) in object { if let score = value.double { categories[key] = score } }
            breakdown = categories
        }
        let lastSeen: Double? = row["lastSeenAt"]
        return Observation(
            accountId: row["accountId"], accountName: row["accountName"],
            observedAt: Date(timeIntervalSince1970: row["observedAt"]), healthScore: row["healthScore"],
            breakdown: breakdown, mrr: row["mrr"], usersCount: row["usersCount"], activeUsers30d: row["activeUsers30d"],
            lastSeenAt: lastSeen.map(Date.init(timeIntervalSince1970:)), npsScore: row["npsScore"], churned: row["churned"])
    }

    /// Maps SQLite's result codes onto the causes a person can act on.
    static func wrap(_ error: any Error, path: String) -> HistoryError {
        if let error = error as? HistoryError { return error }
        guard let database = error as? DatabaseError else {
            return HistoryError(.unusable, path: path, detail: String(describing: error))
        }
        let detail = database.message ?? "SQLite error \(database.resultCode.rawValue)"
        switch database.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return HistoryError(.locked, path: path, detail: detail)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return HistoryError(.corrupt, path: path, detail: detail)
        default:
            if detail.contains("unknown migration") || detail.contains("newer") {
                return HistoryError(.newer, path: path, detail: detail)
            }
            return HistoryError(.unusable, path: path, detail: detail)
        }
    }
}
