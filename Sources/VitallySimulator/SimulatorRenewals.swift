import Foundation
import VitallyKit

/// Renewal dates are calendar days, like a contract's: an account renews on the same day of the
/// year whatever the anchor, so the tenant's renewals are spread over the year ahead of any anchor
/// and one account's "in N days" changes as the anchor moves.
enum SimulatorRenewals {
    /// The day the scenarios' `renewalInDays` count from (the test suites' anchor, 2026-11-20):
    /// at this anchor a renewal is exactly that many days away.
    static let reference = Date(timeIntervalSince1970: 1_795_132_800)

    /// The renewal `days` after `reference`, moved by whole years to the first one not before
    /// the anchor's day (renewals come round every year).
    static func next(daysAfterReference days: Int, anchor: Date) -> Date {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        let today = utc.startOfDay(for: anchor)
        var date = reference.addingTimeInterval(Double(days) * 86400)
        while date < today, let next = utc.date(byAdding: .year, value: 1, to: date) { date = next }
        while let earlier = utc.date(byAdding: .year, value: -1, to: date), earlier >= today { date = earlier }
        return date
    }
}

extension SimulatorGenerator {
    /// `nextRenewalDate` for a spec's `renewalInDays` (see `SimulatorRenewals`).
    func renewal(_ days: Int?) -> JSONValue {
        days.map { .string(VitallyDate.format(SimulatorRenewals.next(daysAfterReference: $0, anchor: anchor))) } ?? .null
    }
}
