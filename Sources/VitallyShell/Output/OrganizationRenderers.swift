import Foundation
import VitallyKit

/// The text of `organizations list|search`: a table of the organizations, then what the read cap left out.
struct OrganizationListRenderer: ResultRenderer {
    /// The line shown when there are none.
    let empty: String

    func blocks(_ list: OrganizationList) -> [OutputBlock] {
        var blocks: [OutputBlock] = []
        if list.organizations.isEmpty {
            blocks.append(.text(empty, .dim))
        } else {
            let rows: [[Span]] = list.organizations.map { org in
                [Span(org.displayName), Span(Format.score(org.healthScore), Format.healthLevel(org.healthScore).1), Span(Format.money(org.mrr)),
                 Span(org.accountsCount.map(String.init) ?? "—"), Span(org.externalId ?? org.id, .dim)]
            }
            blocks.append(.table(Table(columns: ["NAME", "HEALTH", "MRR", "ACCOUNTS", "ID"], rows: rows, flexible: [0, 4])))
            if list.total > list.organizations.count {
                blocks.append(.text("(\(list.organizations.count) of \(list.total) shown; --limit N for more)", .dim))
            }
        }
        if let cap = list.cappedAt { blocks.append(.text("(\(Self.capNote(cap)))", .warn)) }
        return blocks
    }

    /// What the read cap means, for the text and for stderr beside the JSON.
    static func capNote(_ cap: Int) -> String {
        "searched the first \(cap) organizations only: Vitally has no name search, "
            + "so they are read page by page; use the id or externalId for the rest"
    }
}

/// The text of `organizations show ORG`: its fields, then its traits.
struct OrganizationDetailRenderer: ResultRenderer {
    let now: Date

    func blocks(_ detail: OrganizationDetail) -> [OutputBlock] {
        let org = detail.organization
        let nps = org.npsScore.map { "\(Format.score($0)) (\(Format.count(org.npsPromoterCount ?? 0, "promoter")), "
            + "\(org.npsPassiveCount ?? 0) passive, \(Format.count(org.npsDetractorCount ?? 0, "detractor")))" } ?? "no responses"
        var fields = [
            Field("Organization", org.displayName), Field("Id", org.id), Field("External id", org.externalId ?? "—"),
            Field("Health", spans: [Span(Format.score(org.healthScore) + "/10 " + detail.level, Format.healthLevel(org.healthScore).1)]),
            Field("MRR", Format.money(org.mrr)), Field("Renewal", Format.day(org.nextRenewalDate, now: now)), Field("NPS", nps),
            Field("Segments", org.segments.map(\.name).joined(separator: ", ").ifEmpty("—")),
            Field("Accounts", org.accountsCount.map(String.init) ?? "—"), Field("Users", org.usersCount.map(String.init) ?? "—"),
        ]
        if org.churnedAt != nil { fields.append(Field("Status", "churned \(Format.day(org.churnedAt, now: now))", .bad)) }
        var blocks: [OutputBlock] = [.fields(fields)]
        if !org.traits.isEmpty {
            blocks += [.blank, .text("Traits", .bold), .fields(org.traits.map { Field("  " + $0.key, $0.value.string ?? $0.value.serialized()) })]
        }
        return blocks
    }
}

/// The text of one of an organization's lists: a header with the count, a table whose rows
/// `row` draws (given the names of the accounts each record belongs to), then what the limit left out.
struct OrganizationRecordsRenderer<Record: VitallyModel>: ResultRenderer {
    /// Singular: "user", "note", "task".
    let noun: String
    let columns: [String]
    let flexible: Set<Int>
    let row: (_ record: Record, _ accounts: [String]) -> [Span]

    func blocks(_ list: OrganizationRecords<Record>) -> [OutputBlock] {
        var blocks: [OutputBlock] = [.line([Span(list.organization, .bold), Span(" · \(Format.count(list.total, noun))", .dim)])]
        blocks.append(list.total == 0
            ? .text("No \(noun)s.", .dim)
            : .table(Table(columns: columns, rows: list.rows.map { row($0.record, $0.accounts) }, flexible: flexible)))
        if list.total > list.rows.count { blocks.append(.text("(\(list.rows.count) of \(list.total); --limit N for more)", .dim)) }
        return blocks
    }
}
