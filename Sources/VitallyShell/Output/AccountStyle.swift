import Foundation
import VitallyKit

/// The account header and the colour rules shared by the account commands, relative to "now".
struct AccountStyle: Sendable {
    let now: Date

    func header(_ account: Account, _ summary: String) -> [OutputBlock] {
        [.line([Span(account.name, .bold), Span(" (\(account.externalId ?? account.id)) · ", .dim), Span(summary)])]
    }

    func day(_ date: Date?) -> String { Format.day(date, now: now) }

    func nps(_ score: Double?) -> Style {
        guard let score else { return .dim }
        return score <= 6 ? .bad : score <= 8 ? .warn : .good
    }

    func npsSummary(_ account: Account) -> String { npsSummary(Customer(account: account, organization: nil)) }

    /// The customer's NPS: the account's, else its organization's, labelled.
    func npsSummary(_ customer: Customer) -> String {
        customer.describe(customer.nps) { nps in
            "\(Format.score(nps.score)) (\(Format.count(nps.promoters, "promoter")), "
                + "\(nps.passives) passive, \(Format.count(nps.detractors, "detractor")))"
        } ?? "no responses"
    }

    /// The customer's next renewal: the account's, else its organization's, labelled.
    func renewal(_ customer: Customer) -> String {
        customer.describe(customer.nextRenewalDate) { day($0) } ?? "—"
    }

    func renewal(_ account: Account) -> Style {
        guard let renewal = account.nextRenewalDate else { return .plain }
        let days = Format.daysUntil(renewal, now: now)
        return days < 0 ? .bad : days <= 90 ? .warn : .plain
    }

    /// Bad when last seen over 30 days ago, dim when never.
    func stale(_ date: Date?) -> Style {
        guard let date else { return .dim }
        return Format.daysUntil(date, now: now) <= -30 ? .bad : .plain
    }
}
