import Foundation
import VitallyKit

/// The text of `timeline ACCOUNT`: the account's header (events counted, health), the notices
/// of the lists that could not be read, then a table of the events shown.
struct TimelineRenderer: ResultRenderer {
    let now: Date
    /// One line per request whose answer could not be used (read, not part of the result).
    let notices: [OutputBlock]

    func blocks(_ timeline: Timeline) -> [OutputBlock] {
        let customer = timeline.customer
        let health = customer.describe(customer.healthScore) { "health \(Format.score($0))/10" }.map { " · " + $0 } ?? ""
        var blocks = AccountStyle(now: now).header(customer.account, "\(timeline.total) events, newest first" + health)
        blocks += notices
        if let unread = customer.unreadOrganizationLine { blocks.append(.text(unread, .warn)) }
        blocks.append(
            timeline.total == 0
                ? .text("Nothing on record.", .dim)
                : .table(Table(columns: ["DATE", "WHAT", "DETAIL"], rows: timeline.events.map {
                    [Span(Format.day($0.date, now: now)), Span($0.kind.rawValue, .dim), Span($0.text)]
                }, flexible: [2])))
        return blocks
    }
}
