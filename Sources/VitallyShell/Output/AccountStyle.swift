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
        switch NPSCategory(score: score) {
        case nil: return .dim
        case .detractor?: return .bad
        case .passive?: return .warn
        case .promoter?: return .good
        }
    }


    /// The customer's NPS: the account's, else its organization's, labelled.
    func npsSummary(_ customer: Customer) -> String {
        customer.describe(customer.nps, Self.nps) ?? "no responses"
    }

    /// `0 (1 promoter, 1 passive, 1 detractor)`.
    static func nps(_ nps: NPSSummary) -> String {
        "\(Format.score(nps.score)) (\(Format.count(nps.promoters, "promoter")), "
            + "\(nps.passives) passive, \(Format.count(nps.detractors, "detractor")))"
    }

    /// The customer's next renewal: the account's, else its organization's, labelled.
    func renewal(_ customer: Customer) -> String {
        customer.describe(customer.nextRenewalDate) { day($0) } ?? "—"
    }

    func renewal(_ account: Account) -> Style { renewal(account.nextRenewalDate) }

    /// Bad when passed, a warning inside the renewal window (`RenewalTiming`).
    func renewal(_ date: Date?) -> Style {
        guard let renewal = date else { return .plain }
        switch RenewalTiming(daysUntil: Format.daysUntil(renewal, now: now)) {
        case .passed: return .bad
        case .urgent, .soon: return .warn
        case .later: return .plain
        }
    }

    /// Bad when idle (`ActivityWindow`), dim when never seen.
    func stale(_ date: Date?) -> Style {
        guard let date else { return .dim }
        return ActivityWindow.isIdle(lastSeen: date, now: now) ? .bad : .plain
    }
}
