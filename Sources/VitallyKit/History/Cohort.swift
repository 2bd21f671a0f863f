import Foundation

/// The accounts one account is compared with (its segment's active accounts, or all active
/// accounts when it has no segment) and where it ranks among them. Built from the account scan
/// already in hand: no request of its own. Encoded (in `health --json`) as these four fields.
package struct Cohort: Sendable, Equatable, Encodable {
    /// "Enterprise accounts" or "active accounts".
    package var name: String
    /// Members, the account included.
    package var size: Int
    /// Percentile rank (0-100) of the account's health score and MRR, when it has them.
    package var healthPercentile: Int?
    package var mrrPercentile: Int?

    package init(name: String, size: Int, healthPercentile: Int?, mrrPercentile: Int?) {
        self.name = name
        self.size = size
        self.healthPercentile = healthPercentile
        self.mrrPercentile = mrrPercentile
    }

    /// Places `account` (its current values) among the accounts of `index`.
    package init(account: Account, among index: AccountIndex) {
        let segment = account.segments.first { !$0.name.isEmpty }?.name
        let others = index.accounts.filter { summary in
            summary.id != account.id && !summary.churned && (segment.map { summary.segments.contains($0) } ?? true)
        }
        name = segment.map { "\($0) accounts" } ?? "active accounts"
        size = others.count + 1
        healthPercentile = account.healthScore.flatMap { Self.percentile(of: $0, among: others.compactMap(\.healthScore)) }
        mrrPercentile = account.mrr.flatMap { Self.percentile(of: $0, among: others.compactMap(\.mrr)) }
    }

    /// Percentile rank of `value` in `others` plus itself: those below, plus half of the ties.
    package static func percentile(of value: Double, among others: [Double]) -> Int? {
        guard value.isFinite else { return nil }
        let peers = others.filter(\.isFinite)
        let below = Double(peers.filter { $0 < value }.count)
        let ties = Double(peers.filter { $0 == value }.count) + 1
        let rank = (below + ties / 2) / Double(peers.count + 1) * 100
        return Int(checked: min(100, max(0, rank.rounded())))
    }

    /// `62nd`, `81st`, `13th`.
    package static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}
