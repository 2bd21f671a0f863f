import Foundation
import VitallyKit

/// `users ACCOUNT`: the account's users with last seen and NPS.
struct UsersCommand: ActivityCommand {
    static let spec = CommandSpec(
        "users", group: .explore, rank: 5, summary: "the account's users with last seen and NPS",
        synopsis: "ACCOUNT", argument: .account, arguments: 1...1,
        flags: [
            Common.limit,
            Common.all,
        ],
        example: "users \"Acme Corp\"")

    static let listing = ActivityListing<User>(
        list: .users, noun: "users", defaultLimit: 50, columns: ["NAME", "EMAIL", "LAST SEEN", "NPS"], flexible: [0, 1],
        order: { users, _ in users.sorted { ($0.lastSeenTimestamp ?? .distantPast) > ($1.lastSeenTimestamp ?? .distantPast) } },
        summary: { users, _, style in
            let active = users.filter { $0.isActive(now: style.now) }
            return "\(Format.count(users.count, "user")), \(active.count) active in the last \(ActivityWindow.days) days"
        },
        row: { user, style in
            [Span(user.name ?? "—"), Span(user.email ?? "—"),
             Span(user.lastSeenTimestamp.map(style.day) ?? "never", style.stale(user.lastSeenTimestamp)),
             Span(user.npsLastScore.map(Format.score) ?? "—", style.nps(user.npsLastScore))]
        },
        facts: { user, style in .active(user.isActive(now: style.now)) },
        remember: { users, completion in completion.note(emails: users.compactMap(\.email)) })
}
