import Foundation

/// The matching rules, in the order they are tried.
public enum MatchRule: String, Sendable, CaseIterable {
    case contact = "contact association"
    case emailDomain = "email domain"
    case accountDomainTrait = "account domain trait"
    case companyName = "company name"

    public var number: Int { (MatchRule.allCases.firstIndex(of: self) ?? 0) + 1 }
}

/// What one rule tried and what it found.
public struct RuleTrace: Sendable, Equatable {
    /// Whether the rule found accounts, found nothing, or did not run.
    public enum Outcome: String, Sendable { case matched, nothing, skipped }
    public var rule: MatchRule
    public var outcome: Outcome
    /// What was asked: `users/search?email=pat@acme.com`.
    public var tried: String
    /// What came back, in words.
    public var found: String
}

/// An account an attendee matched.
public struct MatchedAccount: Sendable, Equatable {
    public var id: String
    public var name: String
    public var externalId: String?
    public var churned: Bool
    /// Why this account: `user Pat Lee`, `trait domain = acme.com`, `name score 0.93`.
    public var evidence: String
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

    public var isMatched: Bool { !accounts.isEmpty }
    public var isAmbiguous: Bool { accounts.count > 1 }

    public var confidenceLabel: String {
        confidence >= 0.85 ? "high" : confidence >= 0.6 ? "medium" : confidence > 0 ? "low" : "none"
    }

    /// One sentence: what matched, or why nothing did.
    public var verdict: String {
        if isInternal { return "\(email) is on your own team (\(team.reason)), not a customer" }
        guard let first = accounts.first, let rule else {
            return "\(email) matched no account: " + trace.filter { $0.outcome != .skipped }.map { "\($0.rule.number)) \($0.found)" }.joined(separator: "; ")
        }
        if isAmbiguous {
            return "\(email) matches \(accounts.count) accounts by \(rule.rawValue) (ambiguous): "
                + accounts.map(\.name).joined(separator: ", ")
        }
        return "\(email) -> \(first.name)\(first.churned ? " (churned)" : "") by \(rule.rawValue), \(confidenceLabel) confidence"
    }
}

extension TeamVerdict {
    /// Which admin, and how: `admin Dana Reyes <dana@brightwave.io>`.
    public var reason: String {
        func who(_ admin: Admin) -> String {
            "admin " + (admin.name ?? admin.email ?? admin.id) + (admin.name != nil && admin.email != nil ? " <\(admin.email ?? "")>" : "")
        }
        switch self {
        case .admin(let admin): return "the address of \(who(admin))"
        case .adminDomain(let domain, let admin): return "\(domain) is the domain of \(who(admin))"
        case .customerDomain(let domain, let admin, let users):
            return "\(domain) is the domain of \(who(admin)), but Vitally holds it as a customer's too "
                + "(\(users) user\(users == 1 ? "" : "s") there belong\(users == 1 ? "s" : "") to accounts), so it is not internal"
        case .notInternal: return "no active admin has this address or domain"
        }
    }
}
