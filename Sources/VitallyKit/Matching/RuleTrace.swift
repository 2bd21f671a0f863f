import Foundation

/// The matching rules, in the order they are tried.
public enum MatchRule: String, Sendable, CaseIterable {
    case contact = "contact association"
    case emailDomain = "email domain"
    case accountDomainTrait = "account domain trait"
    /// The domain lives only on an organization (or the user names only organizations): its accounts.
    case organizationDomainTrait = "organization domain trait"
    case companyName = "company name"

    public var number: Int { (MatchRule.allCases.firstIndex(of: self) ?? 0) + 1 }
}

/// What one rule tried and what it found, as values; the shell words them (MatchWording.swift).
public struct RuleTrace: Sendable, Equatable {
    /// Whether the rule found accounts, found nothing, or did not run.
    public enum Outcome: String, Sendable {
        case matched, nothing, skipped
        /// Its lookup failed (a timeout, a 5xx after retries, a replay miss): it proves nothing either way.
        case failed = "could not check"
    }

    /// What a rule asked.
    public enum Attempt: Sendable, Equatable {
        /// The rule did not ask anything.
        case none
        /// `users/search?email=`.
        case userSearch(email: String)
        /// `users/search?emailSubdomain=` for each domain, in order (the address's, then its parent).
        case colleagueSearch(domains: [String])
        /// The account scan's domain traits for `domain`; `customFieldsFailure` when only the
        /// well-known keys could be read.
        case traitScan(accounts: Int, keys: [String], domain: String, customFieldsFailure: VitallyError?)
        /// The meeting title and the domain's first label against every account name.
        case nameComparison(title: String?, domainLabel: String?, accounts: Int)
        /// The organizations' domain traits for `domain` (`capped` when the scan stopped at its limit),
        /// and the `organizationIds` of the user rule 1 found.
        case organizationTraitScan(organizations: Int, keys: [String], domain: String, capped: Bool, customFieldsFailure: VitallyError?)
    }

    /// What came back.
    public enum Finding: Sendable, Equatable {
        case notAnEmail(String)
        case internalAttendee(TeamVerdict)
        case userBelongs(user: String, accounts: [MatchedAccount])
        case noUser
        case userUnlinked(user: String)
        case freeMailDomain(String)
        case colleaguesBelong(count: Int, domain: String, accounts: [MatchedAccount])
        case noColleagues(domains: [String])
        case colleaguesUnlinked(count: Int, domain: String)
        case traitsHold([MatchedAccount])
        case noTrait(domain: String)
        case nothingToCompare
        case noNameScores(threshold: Double)
        case namesScore([MatchedAccount])
        /// An earlier rule matched, so this one did not run.
        case notNeeded(after: MatchRule)
        /// These organizations hold the domain (or name the user); `accounts` are theirs.
        case organizationsHold(organizations: [String], accounts: [MatchedAccount])
        case noOrganizationTrait(domain: String)
        /// The rule's request failed; matching went on with the next rule.
        case lookupFailed(LookupFailure)
        /// The organizations could not be read, so rule 4 could not check.
        case organizationsUnreadable(VitallyError)
    }

    public var rule: MatchRule
    public var outcome: Outcome
    public var attempt: Attempt
    public var finding: Finding

    public init(rule: MatchRule, outcome: Outcome, attempt: Attempt = .none, finding: Finding) {
        self.rule = rule
        self.outcome = outcome
        self.attempt = attempt
        self.finding = finding
    }
}
