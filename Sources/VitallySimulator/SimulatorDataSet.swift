import Foundation
import VitallyKit

/// The simulated tenant: every record as the JSON Vitally would send, generated from a seed.
/// Same seed and anchor, same bytes.
package struct SimulatorDataSet: Sendable {
    package var anchor: Date
    package var admins: [JSONValue] = []
    package var organizations: [JSONValue] = []
    package var accounts: [JSONValue] = []
    package var users: [JSONValue] = []
    package var notes: [JSONValue] = []
    package var tasks: [JSONValue] = []
    package var npsResponses: [JSONValue] = []
    /// Conversation details, with `messages`; list rows drop them.
    package var conversations: [JSONValue] = []
    package var projects: [JSONValue] = []
    package var meetings: [JSONValue] = []
    package var noteCategories: [JSONValue] = []
    package var taskCategories: [JSONValue] = []
    package var customFields: [String: [JSONValue]] = [:]
    package var customObjects: [JSONValue] = []
    package var customObjectInstances: [String: [JSONValue]] = [:]
    /// Account id -> health-score breakdown rows.
    package var healthScores: [String: [JSONValue]] = [:]
    /// Account id -> the shape its breakdown is served in, when not the tenant-wide one.
    var healthScoreShapes: [String: HealthScoreShape] = [:]

    /// An empty tenant (no accounts, no users), for the "tenant has no data" scenario.
    package static func empty(anchor: Date) -> SimulatorDataSet {
        var set = SimulatorDataSet(anchor: anchor)
        set.admins = SimulatorGenerator.adminRecords(anchor: anchor)
        return set
    }

    /// The realistic tenant every test, demo and benchmark uses.
    /// Scores and MRR drift as `anchor` moves away from `scoreEpoch` (none when it is nil).
    package static func generate(seed: UInt64 = 42, anchor: Date, accountCount: Int = 360, scoreEpoch: Date? = nil,
                                 scenario: TenantScenario = .standard) -> SimulatorDataSet
    {
        var generator = SimulatorGenerator(seed: seed, anchor: anchor)
        var set = generator.build(accountCount: accountCount, messy: scenario == .messy)
        if let scoreEpoch { set.drift(days: (anchor.timeIntervalSince(scoreEpoch) / 86400).rounded()) }
        return set
    }
}

extension SimulatorDataSet {
    /// Rewrites every record for the alternative shapes: ids as numbers, timestamps as epoch ms.
    mutating func applyShapes(numericIds: Bool, epochDates: Bool) {
        guard numericIds || epochDates else { return }
        var numbers: [String: Double] = [:]
        if numericIds {
            func collect(_ value: JSONValue) {
                switch value {
                case .object(let object):
                    if let id = object["id"], case .string(let text) = id, numbers[text] == nil {
                        numbers[text] = Double(numbers.count + 1001)
                    }
                    for (_, child) in object { collect(child) }
                case .array(let items): items.forEach(collect)
                default: break
                }
            }
            for list in [admins, organizations, accounts, users, notes, tasks, npsResponses, conversations, projects, meetings] {
                list.forEach(collect)
            }
        }
        func rewrite(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text):
                if let n = numbers[text] { return .number(n) }
                if epochDates, text.count > 10, text.contains("T"), let date = VitallyDate.parse(text) {
                    return .number((date.timeIntervalSince1970 * 1000).rounded())
                }
                return value
            case .array(let items): return .array(items.map(rewrite))
            case .object(let object):
                var copy = JSONObject()
                for (key, child) in object { copy[key] = rewrite(child) }
                return .object(copy)
            default: return value
            }
        }
        admins = admins.map(rewrite)
        organizations = organizations.map(rewrite)
        accounts = accounts.map(rewrite)
        users = users.map(rewrite)
        notes = notes.map(rewrite)
        tasks = tasks.map(rewrite)
        npsResponses = npsResponses.map(rewrite)
        conversations = conversations.map(rewrite)
        projects = projects.map(rewrite)
        meetings = meetings.map(rewrite)
        var scores: [String: [JSONValue]] = [:]
        for (id, rows) in healthScores { scores[numbers[id].flatMap { JSONValue.number($0).string } ?? id] = rows.map(rewrite) }
        healthScores = scores
        var shapes: [String: HealthScoreShape] = [:]
        for (id, shape) in healthScoreShapes { shapes[numbers[id].flatMap { JSONValue.number($0).string } ?? id] = shape }
        healthScoreShapes = shapes
    }
}
