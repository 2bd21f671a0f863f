import Foundation

/// An account an attendee matched.
public struct MatchedAccount: Sendable, Equatable {
    /// Why an account was matched.
    public enum Evidence: Sendable, Equatable {
        /// The attendee is this user of the account.
        case user(String)
        /// `count` users at `domain` belong to the account.
        case colleagues(count: Int, domain: String)
        /// The account trait `key` holds `domain`.
        case trait(key: String, domain: String)
        /// The account's name scored this against the title or domain label; `byDomainLabel` when the
        /// domain's first label alone scores it (the title did not have to name the company).
        case nameScore(Double, byDomainLabel: Bool)
        /// The account's organization holds `domain` in its trait `key`.
        case organizationTrait(organization: String, key: String, domain: String)
        /// The attendee is a user of the account's organization (`organizationIds`), of no account.
        case userOrganization(user: String, organization: String)
    }

    public var id: String
    public var name: String
    public var externalId: String?
    public var churned: Bool
    public var because: Evidence

    /// The organization the evidence names, nil for account-level evidence.
    var organizationEvidence: String? {
        switch because {
        case .organizationTrait(let organization, _, _), .userOrganization(_, let organization): return organization
        default: return nil
        }
    }
}

/// One attendee's result: account(s), rule, confidence, and the trace of every rule.
public struct AttendeeMatch: Sendable, Equatable {
    public var email: String
    public var domain: String?
    public var isFreeMail: Bool
    public var isInternal: Bool
    public var accounts: [MatchedAccount]
    public var rule: MatchRule?
    /// 0...1
    public var confidence: Double
    public var trace: [RuleTrace]
    /// The attendee as a Vitally user, when rule 1 found them.
    public var user: User?
    /// What the admin list says about the address: which admin made it internal, or why an
    /// admin's domain was not treated as internal.
    public var team: TeamVerdict = .notInternal
    /// Lookups that failed for this attendee alone; the rules they served are traced as failed,
    /// and the answer is partial (it may have matched, or missed, for want of them).
    public var failures: [LookupFailure] = []

    public var isMatched: Bool { !accounts.isEmpty }
    public var isPartial: Bool { !failures.isEmpty }
    /// Several accounts, unless they are one organization's (rule 4 matches an organization, with its accounts).
    public var isAmbiguous: Bool {
        let organizations = Set(accounts.map(\.organizationEvidence))
        return accounts.count > 1 && !(organizations.count == 1 && !organizations.contains(nil))
    }

    public var confidenceLabel: String {
        confidence >= 0.85 ? "high" : confidence >= 0.6 ? "medium" : confidence > 0 ? "low" : "none"
    }
}

/// One lookup that failed for one attendee: the rule it served (nil: the admin list), the request
/// as a recording would hold it, and the error.
public struct LookupFailure: Sendable, Equatable {
    public var rule: MatchRule?
    public var request: String
    public var error: VitallyError

    public init(rule: MatchRule?, request: String, error: VitallyError) {
        self.rule = rule
        self.request = request
        self.error = error
    }
}

extension LookupFailure: Encodable {
    enum CodingKeys: String, CodingKey { case rule, request, error }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(request, forKey: .request)
        try container.encode(error, forKey: .error)
    }
}
