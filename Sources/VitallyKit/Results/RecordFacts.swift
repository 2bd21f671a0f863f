import Foundation

/// What an account-activity list (`tasks`, `nps`, `users`) derives from a record and shows beside
/// what Vitally sent, by the rules in VitallyKit: a task's `_overdue` (`VitallyTask.isOverdue`), an
/// NPS response's `_category` (`NPSCategory`, null without a score), a user's `_active`
/// (`User.isActive`, the rule behind "N active in the last 30 days").
package enum RecordFacts: Sendable, Equatable {
    case none
    case overdue(Bool)
    case category(NPSCategory?)
    case active(Bool)

    /// The keys the facts write, which a record's own keys of the same name give way to.
    package static let keys = ["_overdue", "_category", "_active"]

    /// Writes the fact after the record's own keys.
    package func encode(into container: inout KeyedEncodingContainer<RecordKey>) throws {
        switch self {
        case .none: break
        case .overdue(let overdue): try container.encode(overdue, forKey: RecordKey("_overdue"))
        case .category(let category): try container.encode(category?.rawValue, forKey: RecordKey("_category"))
        case .active(let active): try container.encode(active, forKey: RecordKey("_active"))
        }
    }
}
