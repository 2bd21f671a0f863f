import Foundation
import VitallyKit

/// `nps ACCOUNT`: the account's NPS responses, newest first.
struct NPSCommand: ActivityCommand {
    static let spec = CommandSpec(
        "nps", group: .explore, rank: 6, summary: "the account's NPS responses", synopsis: "ACCOUNT", argument: .account, arguments: 1...1,
        flags: [
            Common.organization,
            Common.limit,
            Common.all,
        ],
        example: "nps acme.com")

    static let listing = ActivityListing<NPSResponse>(
        list: .npsResponses, noun: "NPS responses", columns: ["DATE", "SCORE", "TYPE", "USER", "FEEDBACK"], flexible: [3, 4],
        order: { responses, _ in responses.sorted { ($0.respondedAt ?? .distantPast) > ($1.respondedAt ?? .distantPast) } },
        summary: { _, customer, style in "NPS \(style.npsSummary(customer))" }, labelColumn: 3, readsOrganization: false,
        summaryReadsOrganization: true,
        row: { response, style in
            [Span(response.respondedAt.map(VitallyDate.formatDay) ?? "—"), Span(Format.score(response.score), style.nps(response.score)),
             Span(response.category?.rawValue ?? "—", style.nps(response.score)),
             Span(response.user?.displayName ?? response.userId ?? "—"), Span(response.feedback ?? "", .dim)]
        },
        facts: { response, _ in .category(response.category) })
}
