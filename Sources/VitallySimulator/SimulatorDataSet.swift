import Foundation
import VitallyKit

/// The simulated tenant: every record as the JSON Vitally would send, generated from a seed.
/// Same seed and anchor, same bytes.
public struct SimulatorDataSet: Sendable {
    public var anchor: Date
    public var admins: [JSONValue] = []
    public var organizations: [JSONValue] = []
    public var accounts: [JSONValue] = []
    public var users: [JSONValue] = []
    public var notes: [JSONValue] = []
    public var tasks: [JSONValue] = []
    public var npsResponses: [JSONValue] = []
    /// Conversation details, with `messages`; list rows drop them.
    public var conversations: [JSONValue] = []
    public var projects: [JSONValue] = []
    public var meetings: [JSONValue] = []
    public var noteCategories: [JSONValue] = []
    public var taskCategories: [JSONValue] = []
    public var customFields: [String: [JSONValue]] = [:]
    public var customObjects: [JSONValue] = []
    public var customObjectInstances: [String: [JSONValue]] = [:]
    /// Account id -> health-score breakdown rows.
    public var healthScores: [String: [JSONValue]] = [:]

    /// An empty tenant (no accounts, no users), for the "tenant has no data" scenario.
    public static func empty(anchor: Date) -> SimulatorDataSet {
        var set = SimulatorDataSet(anchor: anchor)
        set.admins = SimulatorGenerator.adminRecords(anchor: anchor)
        return set
    }

    /// The realistic tenant every test, demo and benchmark uses.
    /// Scores and MRR drift as `anchor` moves away from `scoreEpoch` (none when it is nil).
    public static func generate(seed: UInt64 = 42, anchor: Date, accountCount: Int = 360, scoreEpoch: Date? = nil)
        -> SimulatorDataSet
    {
        var generator = SimulatorGenerator(seed: seed, anchor: anchor)
        var set = generator.build(accountCount: accountCount)
        if let scoreEpoch { set.drift(days: (anchor.timeIntervalSince(scoreEpoch) / 86400).rounded()) }
        return set
    }
}
