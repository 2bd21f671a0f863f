import Foundation
import VitallyKit

/// `conversations ACCOUNT`: open ones first, then the most recently updated.
struct ConversationsCommand: ActivityCommand {
    static let spec = CommandSpec(
        "conversations", group: .explore, rank: 7, summary: "the account's conversations, open ones first",
        synopsis: "ACCOUNT", argument: .account, arguments: 1...1,
        flags: [
            Common.limit,
            Common.all,
        ],
        example: "conversations soylent.com")

    static let listing = ActivityListing<Conversation>(
        list: .conversations, noun: "conversations", columns: ["UPDATED", "STATUS", "RATING", "SOURCE", "SUBJECT"],
        flexible: [4],
        order: { list, _ in
            list.sorted { a, b in a.isOpen != b.isOpen ? a.isOpen : (a.updatedAt ?? .distantPast) > (b.updatedAt ?? .distantPast) }
        },
        summary: { list, _, _ in "\(list.count) conversations, \(list.filter(\.isOpen).count) open" },
        row: { c, _ in
            [Span(c.updatedAt.map(VitallyDate.formatDay) ?? "—"), Span(c.status ?? "—", c.isOpen ? .warn : .dim),
             Span(c.rating ?? "—", c.isUnhappy ? .bad : .plain), Span(c.source ?? "—", .dim), Span(c.subject ?? "(no subject)")]
        })
}
