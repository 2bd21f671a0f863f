import Foundation

/// What `health ACCOUNT` reports, as one value: `--json` is this value encoded (keys in
/// declaration order, absent values as null) and the shell's renderer draws its text from it, so
/// the two cannot disagree. Each customer value comes with where it came from and, when the
/// organization holds one, the organization's own (the text shows both).
package struct HealthReport: Sendable, Encodable {
    package struct AccountName: Sendable, Encodable, Equatable {
        package var id: String
        package var externalId: String?
        package var name: String
    }

    /// One row of the breakdown, with its change over the stored history (the text's CHANGE
    /// column; nil when the history holds fewer than two of its scores).
    package struct Part: Sendable, Encodable, Equatable {
        package var name: String
        package var score: Double?
        package var weight: Double?
        package var change: PartChange? = nil
    }

    /// A breakdown row's headline change (`Trend.headline`): how much, over how many days, which way.
    package struct PartChange: Sendable, Encodable, Equatable {
        package var delta: Double
        package var days: Int
        package var direction: Trend.Direction
    }

    package var account: AccountName
    package var healthScore: Double?
    /// good, fair, poor, "not a 0-10 score", or "no score".
    package var level: String
    package var healthScoreSource: String?
    package var organizationHealthScore: Double?
    package var breakdown: [Part]
    /// Why the breakdown could not be used (403, unrecognised shape), worded by the caller; nil when read.
    package var breakdownUnread: String?
    package var nextRenewalDate: Date?
    package var mrr: Double?
    package var mrrSource: String?
    package var nextRenewalDateSource: String?
    package var organizationMrr: Double?
    package var organizationNextRenewalDate: Date?
    package var npsScore: Double?
    package var npsPromoterCount: Int?
    package var npsPassiveCount: Int?
    package var npsDetractorCount: Int?
    package var npsSource: String?
    package var organizationNps: NPSSummary?
    package var lastSeenTimestamp: Date?
    package var trialEndDate: Date?
    package var churned: Bool
    /// The organization's name, else the id the account names it by.
    package var organization: String?
    package var organizationUnread: String?
    /// The stored history's health trend (nil with fewer than two scores), how much history
    /// there is, and the account's cohort (nil when it could not be placed).
    package var trend: Trend?
    package var history: HistoryExtent?
    package var cohort: Cohort?

    /// From the customer (account and organization) and the breakdown as read.
    package init(customer: Customer, breakdown: [HealthScoreEntry], breakdownUnread: String?) {
        let account = customer.account
        self.account = AccountName(id: account.id, externalId: account.externalId, name: account.name)
        healthScore = customer.healthScore.value
        level = HealthLevel.name(of: customer.healthScore.value)
        healthScoreSource = customer.healthScore.source
        organizationHealthScore = customer.healthScore.organization
        self.breakdown = breakdown.map { Part(name: $0.name, score: $0.score, weight: $0.weight) }
        self.breakdownUnread = breakdownUnread
        nextRenewalDate = customer.nextRenewalDate.value
        mrr = customer.mrr.value
        mrrSource = customer.mrr.source
        nextRenewalDateSource = customer.nextRenewalDate.source
        organizationMrr = customer.mrr.organization
        organizationNextRenewalDate = customer.nextRenewalDate.organization
        npsScore = customer.nps.value?.score
        npsPromoterCount = customer.nps.value?.promoters
        npsPassiveCount = customer.nps.value?.passives
        npsDetractorCount = customer.nps.value?.detractors
        npsSource = customer.nps.source
        organizationNps = customer.nps.organization
        lastSeenTimestamp = account.lastSeenTimestamp
        trialEndDate = account.trialEndDate
        churned = account.isChurned
        organization = customer.organizationName ?? account.organizationId
        organizationUnread = customer.organizationUnread
    }

    /// Takes the stored history's trends: the health score's (`trend`) and each breakdown row's
    /// change ("overall" is the health score's own), so text and JSON read the same changes.
    package mutating func addTrends(_ observations: [Observation]) {
        let health = Trend(observations) { $0.healthScore }
        trend = health
        for index in breakdown.indices {
            let name = breakdown[index].name
            let rowTrend = name.lowercased() == "overall" ? health : Trend(observations) { $0.breakdown?[name] }
            breakdown[index].change = rowTrend.map { PartChange(delta: $0.headline.delta, days: $0.headline.days, direction: $0.direction) }
        }
    }

    /// The health score as each side holds it.
    package var sourcedHealthScore: Sourced<Double> { Sourced(healthScore, organizationHealthScore, source: healthScoreSource) }
    package var sourcedMrr: Sourced<Double> { Sourced(mrr, organizationMrr, source: mrrSource) }
    package var sourcedNextRenewalDate: Sourced<Date> { Sourced(nextRenewalDate, organizationNextRenewalDate, source: nextRenewalDateSource) }
    package var sourcedNps: Sourced<NPSSummary> {
        let own = npsScore.map { NPSSummary(score: $0, npsPromoterCount, npsPassiveCount, npsDetractorCount) }
        return Sourced(own, organizationNps, source: npsSource)
    }
}

/// How many stored observations of the account there are, or why none could be read: a number,
/// or a string `unavailable: WHY`, in `health --json`.
package enum HistoryExtent: Sendable, Encodable, Equatable {
    case observations(Int)
    case unavailable(String)

    /// The count of `observations`, or `why` when they could not be read (nil).
    package init(_ observations: [Observation]?, why: String) {
        self = observations.map { .observations($0.count) } ?? .unavailable(why)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .observations(let count): try container.encode(count)
        case .unavailable(let why): try container.encode("unavailable: " + why)
        }
    }
}

extension Sourced {
    /// "account", "organization", "both", or nil: where the value came from.
    package var source: String? {
        switch (account != nil, organization != nil) {
        case (true, true): return "both"
        case (true, false): return "account"
        case (false, true): return "organization"
        case (false, false): return nil
        }
    }

    /// Back from a reported value, its organization's value and its source.
    init(_ value: Value?, _ organization: Value?, source: String?) {
        self.init(account: source == "account" || source == "both" ? value : nil, organization: organization)
    }
}
