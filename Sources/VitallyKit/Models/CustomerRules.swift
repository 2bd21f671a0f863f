import Foundation

/// An NPS response's category: detractor (0-6), passive (7-8), promoter (9-10). The one home of
/// "NPS <= 6 is a detractor"; the shell colours by it and the brief warns by it.
public enum NPSCategory: String, Sendable, Codable, Equatable {
    case detractor, passive, promoter

    /// The highest score that is still a detractor's, and the highest that is a passive's.
    public static let detractorMax = 6.0
    public static let passiveMax = 8.0

    public init(score: Double) {
        self = score <= Self.detractorMax ? .detractor : score <= Self.passiveMax ? .passive : .promoter
    }

    /// Nil when there is no score.
    public init?(score: Double?) {
        guard let score else { return nil }
        self.init(score: score)
    }
}

/// A 0-10 health score's level: good (7+), fair (4 to 7), poor (under 4), or `notAScore` for a
/// value outside 0-10 (1e400, -3, NaN from a hostile answer). Its raw value is the word shown.
public enum HealthLevel: String, Sendable, Codable, Equatable {
    case good, fair, poor
    case notAScore = "not a 0-10 score"

    /// The lowest good score and the lowest fair one.
    public static let goodMin = 7.0
    public static let fairMin = 4.0

    public init(score: Double) {
        guard (0...10).contains(score) else { self = .notAScore; return }
        self = score >= Self.goodMin ? .good : score >= Self.fairMin ? .fair : .poor
    }

    /// The level's name for a score that may be missing: "no score" when it is.
    package static func name(of score: Double?) -> String { score.map { HealthLevel(score: $0).rawValue } ?? "no score" }
}

/// When a renewal falls relative to today: already passed, inside the window that deserves
/// attention (`windowDays`, urgent inside `urgentDays`), or later.
public enum RenewalTiming: Sendable, Equatable {
    case passed, urgent, soon, later

    /// "Renewal within 90 days" deserves attention; within 30 it is urgent.
    public static let windowDays = 90
    public static let urgentDays = 30

    /// From whole days until the renewal (negative when it passed).
    public init(daysUntil days: Int) {
        self = days < 0 ? .passed : days <= Self.urgentDays ? .urgent : days <= Self.windowDays ? .soon : .later
    }

    /// Urgent or soon: inside the window.
    public var isWithinWindow: Bool { self == .urgent || self == .soon }
}

/// Activity over the last `days` days: a user or account last seen that many days ago or fewer
/// is active, one last seen that many days ago or more is idle (exactly `days` days is both, as
/// "active in the last 30 days" and "no activity for 30 days" both read).
public enum ActivityWindow {
    public static let days = 30

    /// Whole days since `lastSeen`, by calendar day (negative when it lies in the future).
    public static func daysSince(_ lastSeen: Date, now: Date) -> Int { -Wording.days(from: now, to: lastSeen) }

    /// Seen within the last 30 days.
    public static func isActive(lastSeen: Date?, now: Date) -> Bool {
        guard let lastSeen else { return false }
        return daysSince(lastSeen, now: now) <= days
    }

    /// Not seen for 30 days or more (never seen is not idle: there is nothing to date).
    public static func isIdle(lastSeen: Date, now: Date) -> Bool { daysSince(lastSeen, now: now) >= days }
}
