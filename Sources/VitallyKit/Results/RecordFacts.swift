import Foundation

/// What an account-activity list (`tasks`, `nps`) derives from a record and shows beside what
/// Vitally sent, by the rules in VitallyKit: a task's `_overdue` (`VitallyTask.isOverdue`), an
/// NPS response's `_category` (`NPSCategory`, null without a score).
package enum RecordFacts: Sendable, Equatable {
    case none
    case overdue(Bool)
    case category(NPSCategory?)

    /// Writes the fact after the record's own keys.
    package func encode(into container: inout KeyedEncodingContainer<RecordKey>) throws {
        switch self {
        case .none: break
        case .overdue(let overdue): try container.encode(overdue, forKey: RecordKey("_overdue"))
        case .category(let category): try container.encode(category?.rawValue, forKey: RecordKey("_category"))
        }
    }
}
