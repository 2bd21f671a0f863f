import Foundation
import VitallyKit

/// How matching results are worded, in one place: `match`, the brief and `doctor` print these.
/// The matcher returns only values (RuleTrace, MatchedAccount.Evidence, TeamVerdict).
extension RuleTrace {
    /// What was asked, in words: `users/search?email=pat@acme.com`; `-` when nothing was.
    package var tried: String {
        switch attempt {
        case .none: return "-"
        case .userSearch(let email): return "users/search?email=\(email)"
        case .colleagueSearch(let domains): return domains.map { "users/search?emailSubdomain=\($0)" }.joined(separator: ", then ")
        case .traitScan(let accounts, let keys, let domain, let failure):
            var text = "\(accounts) accounts' traits (\(keys.prefix(4).joined(separator: ", ")), …) for \(domain)"
            if let failure {
                text += " (well-known trait keys only: customFields failed, \(failure.status.map { "HTTP \($0)" } ?? failure.code.rawValue))"
            }
            return text
        case .organizationTraitScan(let organizations, let keys, let domain, let capped, let failure):
            var text = "\(organizations)\(capped ? " (the first; the scan stops there)" : "") organizations' traits (\(keys.prefix(4).joined(separator: ", ")), …) for \(domain)"
            if let failure {
                text += " (well-known trait keys only: customFields?model=organizations failed, \(failure.status.map { "HTTP \($0)" } ?? failure.code.rawValue))"
            }
            return text
        case .nameComparison(let title, let label, let accounts):
            let inputs = [title.map { "title '\($0)'" }, label.map { "domain label '\($0)'" }].compactMap { $0 }
            return inputs.isEmpty
                ? "nothing to compare (no title, free-mail domain)" : inputs.joined(separator: " and ") + " against \(accounts) account names"
        }
    }

    /// What came back, in words.
    package var found: String {
        switch finding {
        case .notAnEmail(let text): return "'\(text)' is not an email address"
        case .internalAttendee(let team): return "internal attendee (\(team.reason))"
        case .userBelongs(let user, let accounts): return "user \(user) belongs to \(MatchedAccount.names(accounts))"
        case .noUser: return "no Vitally user has this email"
        case .userUnlinked(let user): return "the user \(user) is linked to no account"
        case .freeMailDomain(let domain): return "\(domain) is a free-mail domain; it says nothing about the company"
        case .colleaguesBelong(let count, let domain, let accounts):
            return "\(count) user(s) at \(domain) belong to \(MatchedAccount.names(accounts))"
        case .noColleagues(let domains): return "no Vitally user has an address at \(domains.joined(separator: " or "))"
        case .colleaguesUnlinked(let count, let domain): return "\(count) user(s) at \(domain), linked to no account"
        case .traitsHold(let accounts), .namesScore(let accounts):
            return accounts.map { "\($0.name) (\($0.evidence))" }.joined(separator: ", ")
        case .noTrait(let domain): return "no account trait holds \(domain)"
        case .nothingToCompare: return "no meeting title given and the domain is free mail"
        case .noNameScores(let threshold): return "no account name scores \(threshold) or more"
        case .notNeeded(let rule): return "not needed: rule \(rule.number) matched"
        case .organizationsHold(let organizations, let accounts):
            let whose = "organization \(organizations.joined(separator: ", "))"
            return accounts.isEmpty ? "\(whose) holds it, but Vitally lists no account under it"
                : "\(whose): " + accounts.map { "\($0.name) (\($0.evidence))" }.joined(separator: ", ")
        case .noOrganizationTrait(let domain): return "no organization trait holds \(domain), and no user names only an organization"
        case .lookupFailed(let failure): return "could not check (\(ErrorAdvice.lookupReason(failure.error))): \(failure.request)"
        case .organizationsUnreadable(let error):
            return "could not check: GET \(error.path) failed (\(error.status.map { "HTTP \($0)" } ?? error.code.rawValue))"
        }
    }
}

extension MatchedAccount {
    /// Why this account, in words: `user Pat Lee`, `trait domain = acme.com`, `name score 0.93`.
    package var evidence: String {
        switch because {
        case .user(let name): return "user \(name)"
        case .colleagues(let count, let domain): return "\(count) user(s) @\(domain)"
        case .trait(let key, let domain): return "trait \(key) = \(domain)"
        case .nameScore(let score, _): return "name score \(String(format: "%.2f", score))"
        case .organizationTrait(let organization, let key, let domain): return "its organization \(organization): trait \(key) = \(domain)"
        case .userOrganization(let user, let organization): return "user \(user) of its organization \(organization)"
        }
    }

    /// `Acme Corp, Initech (churned)`
    static func names(_ accounts: [MatchedAccount]) -> String {
        accounts.map { $0.name + ($0.churned ? " (churned)" : "") }.joined(separator: ", ")
    }
}

extension AttendeeMatch {
    /// One sentence: what matched, or why nothing did.
    package var verdict: String {
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
    package var reason: String {
        func who(_ admin: Admin) -> String {
            "admin " + (admin.name ?? admin.email ?? admin.id) + (admin.name != nil && admin.email != nil ? " <\(admin.email ?? "")>" : "")
        }
        switch self {
        case .admin(let admin): return "the address of \(who(admin))"
        case .adminDomain(let domain, let admin): return "\(domain) is the domain of \(who(admin))"
        case .customerDomain(let domain, let admin, .users(let users)):
            return "\(domain) is the domain of \(who(admin)), but Vitally holds it as a customer's too "
                + "(\(users) user\(users == 1 ? "" : "s") there belong\(users == 1 ? "s" : "") to accounts), so it is not internal"
        case .customerDomain(let domain, let admin, .traits(let holders)), .customerDomain(let domain, let admin, .organizationTraits(let holders)):
            let kind = if case .customerDomain(_, _, .organizationTraits) = self { "organization " } else { "" }
            let named = holders.prefix(3).map { "\(kind)\($0.account)'s trait \($0.key)" }.joined(separator: ", ")
                + (holders.count > 3 ? " and \(holders.count - 3) more" : "")
            return "\(domain) is the domain of \(who(admin)), but Vitally holds it as a customer's too (\(named)), so it is not internal"
        case .notInternal: return "no active admin has this address or domain"
        }
    }
}
