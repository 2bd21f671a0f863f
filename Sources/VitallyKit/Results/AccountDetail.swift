import Foundation

/// The customer's values as `accounts show` shows them: each the account's, else its
/// organization's, with where it came from (the `Customer` rule, applied once, here).
package struct CustomerValues: Sendable, Encodable {
    /// One trait, from either side.
    package struct Trait: Sendable, Encodable {
        package var key: String
        package var value: Sourced<JSONValue>
    }

    package var healthScore: Sourced<Double>
    /// The level of the score acted on (`HealthLevel`), or "no score".
    package var level: String
    package var mrr: Sourced<Double>
    package var nextRenewalDate: Sourced<Date>
    /// Segment names.
    package var segments: Sourced<[String]>
    /// The organization's id and name (its id when it has none or could not be read).
    package var organizationId: String?
    package var organization: String?
    /// Why the organization could not be read, worded by the caller; nil when read or none.
    package var organizationUnread: String?
    /// The account's traits, then the organization's the account lacks.
    package var traits: [Trait]

    package init(_ customer: Customer) {
        healthScore = customer.healthScore
        level = HealthLevel.name(of: customer.healthScore.value)
        mrr = customer.mrr
        nextRenewalDate = customer.nextRenewalDate
        let segments = customer.segments
        self.segments = Sourced(account: segments.account?.map(\.name), organization: segments.organization?.map(\.name))
        organizationId = customer.account.organizationId
        organization = customer.organizationName ?? customer.account.organizationId
        organizationUnread = customer.organizationUnread
        traits = customer.traitKeys.compactMap { key in
            let value = customer.trait(key)
            return value.value == nil ? nil : Trait(key: key, value: value)
        }
    }
}

/// What `accounts show ACCOUNT` reports: `--json` is the account as Vitally sent it (every key
/// and digit kept) with `_customer`, the values the text shows when they come from the
/// organization (health, MRR, renewal, segments, traits), so the text and the JSON agree.
package struct AccountDetail: Sendable, Encodable {
    package var account: Account
    package var customer: CustomerValues

    package init(_ customer: Customer) {
        account = customer.account
        self.customer = CustomerValues(customer)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RecordKey.self)
        try container.encodeMembers(of: account.raw, before: "_customer")
        try container.encode(customer, forKey: RecordKey("_customer"))
    }
}
