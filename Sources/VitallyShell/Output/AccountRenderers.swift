import Foundation
import VitallyKit

/// The text of an account list (`accounts search|list`, `organizations accounts`), from its rows.
struct AccountListRenderer: ResultRenderer {
    /// The line shown when there are no rows ("No active accounts.").
    let empty: String

    func blocks(_ list: AccountList) -> [OutputBlock] {
        var blocks: [OutputBlock] = []
        if let organization = list.organization {
            blocks.append(.line([Span(organization, .bold), Span(" · \(Format.count(list.total, "account"))", .dim)]))
        }
        guard !list.rows.isEmpty else { return blocks + [.text(empty, .dim)] }
        let rows: [[Span]] = list.rows.map { row in
            [
                Span(row.name), Span(row.domains.first ?? "—", row.domains.isEmpty ? .dim : .plain),
                Span(Format.score(row.healthScore), Format.healthLevel(row.healthScore).1), Span(Format.money(row.mrr)),
                row.churned ? Span("churned", .bad) : Span("active"), Span(row.reference, .dim),
            ]
        }
        blocks.append(.table(Table(columns: ["NAME", "DOMAIN", "HEALTH", "MRR", "STATUS", "ID"], rows: rows, flexible: [0, 1, 5])))
        if list.total > list.rows.count { blocks.append(.text("(\(list.rows.count) of \(list.total) shown; --limit N for more)", .dim)) }
        return blocks
    }
}

/// The text of `accounts show ACCOUNT`: the account's fields, each customer value the account's,
/// else its organization's, labelled, then its traits.
struct AccountDetailRenderer: ResultRenderer {
    let now: Date

    func blocks(_ detail: AccountDetail) -> [OutputBlock] {
        let account = detail.account
        let values = detail.customer
        let organization = values.organization
        func describe<T>(_ value: Sourced<T>, _ format: (T) -> String) -> String? { value.describe(organization: organization, format) }
        let style = Format.healthLevel(values.healthScore.value).1
        let health = describe(values.healthScore) { "\(Format.score($0))/10 \(Format.healthLevel($0).0)" }
        var fields = [
            Field("Name", account.name),
            Field("Id", account.id),
            Field("External id", account.externalId ?? "—"),
            Field("Status", account.isChurned ? "churned \(Format.day(account.churnedAt, now: now))" : "active",
                  account.isChurned ? .bad : .plain),
            Field("Health", spans: [Span(health ?? "\(Format.score(nil))/10 \(values.level)", style)]),
            Field("MRR", describe(values.mrr, Format.money) ?? "—"),
            Field("Renewal", describe(values.nextRenewalDate) { Format.day($0, now: now) } ?? "—"),
            Field("Last seen", Format.day(account.lastSeenTimestamp, now: now)),
            Field("Users", account.usersCount.map(String.init) ?? "—"),
            Field("Segments", describe(values.segments) { $0.joined(separator: ", ") } ?? "—"),
            Field("Organization", organization.map { $0 == values.organizationId ? $0 : "\($0) (\(values.organizationId ?? ""))" } ?? "—"),
        ]
        for role in account.keyRoles {
            fields.append(Field(role.label, [role.member?.name, role.member?.email.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")))
        }
        var blocks: [OutputBlock] = [.fields(fields)]
        if let unread = values.organizationUnread {
            blocks.append(.text(Customer.unreadOrganizationLine(values.organizationId, unread), .warn))
        }
        let traits = values.traits.compactMap { trait in
            describe(trait.value) { $0.string ?? $0.serialized() }.map { Field("  " + trait.key, $0) }
        }
        if !traits.isEmpty {
            blocks.append(.blank)
            blocks.append(.text("Traits", .bold))
            blocks.append(.fields(traits))
        }
        return blocks
    }
}
