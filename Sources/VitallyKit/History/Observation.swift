import Foundation

/// What was seen of one account at one time: numbers, dates, ids and the account's name only
/// (never a note, an email or a person's name), so the store is safe to keep on a laptop.
package struct Observation: Sendable, Equatable {
    package var accountId: String
    package var accountName: String
    package var observedAt: Date
    package var healthScore: Double?
    /// Category name -> score, when the breakdown was read (`health`, `brief`).
    package var breakdown: [String: Double]?
    package var mrr: Double?
    package var usersCount: Int?
    /// Users seen in the 30 days before `observedAt`, when the users were read.
    package var activeUsers30d: Int?
    package var lastSeenAt: Date?
    package var npsScore: Double?
    package var churned: Bool

    package init(
        accountId: String, accountName: String, observedAt: Date, healthScore: Double? = nil,
        breakdown: [String: Double]? = nil, mrr: Double? = nil, usersCount: Int? = nil, activeUsers30d: Int? = nil,
        lastSeenAt: Date? = nil, npsScore: Double? = nil, churned: Bool = false
    ) {
        self.accountId = accountId
        self.accountName = accountName
        self.observedAt = observedAt
        self.healthScore = healthScore
        self.breakdown = breakdown
        self.mrr = mrr
        self.usersCount = usersCount
        self.activeUsers30d = activeUsers30d
        self.lastSeenAt = lastSeenAt
        self.npsScore = npsScore
        self.churned = churned
    }

    /// The account as read from Vitally at `time`, with the breakdown and users when they were read.
    package init(account: Account, at time: Date, breakdown: [HealthScoreEntry]? = nil, users: [User]? = nil) {
        self.init(
            accountId: account.id, accountName: account.name, observedAt: time, healthScore: account.healthScore.flatMap(Self.finite),
            breakdown: nil, mrr: account.mrr.flatMap(Self.finite), usersCount: account.usersCount, activeUsers30d: nil,
            lastSeenAt: account.lastSeenTimestamp, npsScore: account.npsScore.flatMap(Self.finite), churned: account.isChurned)
        add(breakdown: breakdown, users: users, healthScore: account.healthScore)
    }

    /// `init(account: Account(json: json), at: time)` without building the account: an import
    /// reads 80,000 of them, and an `Account` reads 25 fields to keep 8.
    init(accountJSON json: JSONValue, at time: Date) {
        self.init(
            accountId: json["id"]?.string ?? "", accountName: json["name"]?.string ?? "", observedAt: time,
            healthScore: json["healthScore"]?.double.flatMap(Self.finite), mrr: json["mrr"]?.double.flatMap(Self.finite),
            usersCount: json["usersCount"]?.int, lastSeenAt: json["lastSeenTimestamp"]?.date,
            npsScore: json["npsScore"]?.double.flatMap(Self.finite), churned: json["churnedAt"]?.date != nil)
    }

    /// The account fields `init(account:at:)` reads, for a parse that builds only those.
    static let accountFields = JSONKeep.members(
        ["id", "name", "healthScore", "mrr", "usersCount", "lastSeenTimestamp", "npsScore", "churnedAt"].map { ($0, .all) })

    /// The breakdown and users read for the account (whose health score, as read, is `healthScore`),
    /// users counted as active by `observedAt`.
    mutating func add(breakdown: [HealthScoreEntry]?, users: [User]?, healthScore: Double?) {
        if let breakdown { self.breakdown = Self.categories(breakdown, healthScore: healthScore) }
        if let users {
            let time = observedAt
            activeUsers30d = users.filter { user in
                user.lastSeenTimestamp.map { time.timeIntervalSince($0) <= TimeInterval(ActivityWindow.days) * 86400 } ?? false
            }.count
        }
    }

    /// Scored categories other than the overall score, by name.
    static func categories(_ entries: [HealthScoreEntry], healthScore: Double?) -> [String: Double] {
        var result: [String: Double] = [:]
        for entry in HealthScoreEntry.indicators(entries, overall: healthScore) {
            if let score = entry.score.flatMap(finite) { result[entry.name] = score }
        }
        return result
    }

    /// NaN and infinities from a hostile body are dropped rather than stored.
    static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
}

extension Observation: Encodable {
    /// What was seen and when, without the account's id and name: whoever lists observations names
    /// the account once (`health --observations`). The breakdown's categories are in name order.
    package func encode(to encoder: any Encoder) throws {
        try encoder.object([
            ("observedAt", observedAt), ("healthScore", healthScore), ("breakdown", breakdown.map(Scores.init)),
            ("mrr", mrr), ("usersCount", usersCount), ("activeUsers30d", activeUsers30d), ("lastSeenAt", lastSeenAt),
            ("npsScore", npsScore), ("churned", churned),
        ])
    }

    /// Category scores by name, in name order.
    private struct Scores: Encodable {
        let scores: [String: Double]
        func encode(to encoder: any Encoder) throws {
            try encoder.object(scores.sorted { $0.key < $1.key }.map { ($0.key, $0.value as any Encodable) })
        }
    }
}
