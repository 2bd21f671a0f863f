import Foundation
import VitallyKit

/// The text of `health ACCOUNT`, from a `HealthReport`.
struct HealthRenderer: ResultRenderer {
    let now: Date
    /// Why there is no stored history (empty when there is), and the cohort.
    let historyWhy: String
    let cohort: Cohort?
    let cohortGap: String

    func blocks(_ report: HealthReport) -> [OutputBlock] {
        let organization = report.organization
        func describe<T>(_ value: Sourced<T>, _ format: (T) -> String) -> String? {
            value.describe(organization: organization, format)
        }
        let score = report.sourcedHealthScore
        let style = Format.healthLevel(report.healthScore).1
        let health = describe(score) { "\(Format.score($0))/10 \(Format.healthLevel($0).0)" }
        var blocks: [OutputBlock] = [
            .line([
                Span(report.account.name, .bold), Span(" (\(Format.reference(externalId: report.account.externalId, id: report.account.id)))  ", .dim),
                Span("health " + (health ?? "\(Format.score(nil))/10 \(report.level)"), style),
                report.churned ? Span("  CHURNED", .bad) : Span(""),
            ])
        ]
        if let unread = report.organizationUnread {
            blocks.append(.text("  " + Customer.unreadOrganizationLine(organization, unread), .warn))
        }
        if let notice = report.breakdownUnread {
            blocks.append(.text(notice, .warn))
        } else if report.breakdown.isEmpty, score.isFromOrganization {
            blocks.append(.text("  no health-score breakdown on the account: its score is \(organization ?? "its organization")'s", .dim))
        } else if report.breakdown.isEmpty {
            blocks.append(.text("  no health-score breakdown (Vitally returned 0 rows)", .dim))
        } else {
            let showsChange = report.trend != nil || report.breakdown.contains { $0.change != nil }
            blocks.append(.table(Table(
                columns: ["  SCORE", "VALUE", "WEIGHT"] + (showsChange ? ["CHANGE"] : []),
                rows: report.breakdown.map { part in
                    [Span("  " + part.name), Span(Format.score(part.score), Format.healthLevel(part.score).1),
                     Span(part.weight.map(Wording.percent) ?? "")]
                        + (showsChange ? [HealthHistory.changeSpan(part.change)] : [])
                })))
        }
        let looks = AccountStyle(now: now)
        var fields = [
            Field("Renewal", describe(report.sourcedNextRenewalDate) { looks.day($0) } ?? "—", looks.renewal(report.sourcedNextRenewalDate.account)),
            Field("MRR", describe(report.sourcedMrr, Format.money) ?? "—"),
            Field("NPS", describe(report.sourcedNps, AccountStyle.nps) ?? "no responses"),
            Field("Last seen", Format.day(report.lastSeenTimestamp, now: now), looks.stale(report.lastSeenTimestamp)),
        ]
        if let trial = report.trialEndDate { fields.append(Field("Trial ends", Format.day(trial, now: now))) }
        if let organization { fields.append(Field("Organization", organization)) }
        fields += HealthHistory.fields(report.trend, why: historyWhy, cohort: cohort, cohortGap: cohortGap, healthScore: score.account)
        blocks.append(.fields(fields))
        return blocks
    }
}
