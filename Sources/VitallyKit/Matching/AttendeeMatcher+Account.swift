import Foundation

/// What kind of ACCOUNT argument was looked up, and with what.
package enum AccountKey: Sendable, Equatable {
    /// Nothing was given.
    case empty
    /// An id or externalId.
    case id
    /// A name, matched case-insensitively.
    case name(String)
    /// An attendee's email.
    case email(String)
    /// A domain, through users at it and account domain traits.
    case domain(String)
}

/// What an ACCOUNT argument turned out to be.
package enum AccountResolution: Sendable {
    case found(Account, via: AccountKey)
    /// `count` accounts fit (the candidates are those the account scan knows).
    case ambiguous([AccountSummary], count: Int, by: AccountKey)
    case notFound(AccountKey)
}

extension AttendeeMatcher {
    /// Resolves an ACCOUNT argument: an id or externalId, an email, a domain, or a name. It asks
    /// Vitally what the matching rules ask (users by email, users at the domain, domain traits,
    /// names), without the team check or the meeting title.
    package func account(for text: String) async throws -> AccountResolution {
        let input = text.trimmingWhitespace()
        guard !input.isEmpty else { return .notFound(.empty) }
        if Domain.isEmail(input) { return try await account(email: input) }
        if !input.contains(" "), input.contains("."), let domain = Domain.normalize(input) {
            let result = try await account(domain: domain)
            if case .notFound = result, let account = try await account(id: input) { return .found(account, via: .id) }
            return result
        }
        if !input.contains(" "), let account = try await account(id: input) { return .found(account, via: .id) }
        let index = try await directory.load()
        let named = index.accounts(named: input)
        switch named.count {
        case 0: return .notFound(.name(input))
        case 1: return .found(try await client.account(id: named[0].id), via: .name(input))
        default: return .ambiguous(named, count: named.count, by: .name(input))
        }
    }

    /// The account with this id or externalId; nil when Vitally has none.
    func account(id: String) async throws -> Account? {
        do {
            return try await client.account(id: id)
        } catch let error as VitallyError where error.code == .notFound || error.code == .badRequest {
            return nil
        }
    }

    /// Rule 1's question, then (for a company address) the domain's.
    func account(email: String) async throws -> AccountResolution {
        let users = try await client.searchUsers(.email(email))
        let ids = unique(users.flatMap(\.accountIds)).sorted()
        let key = AccountKey.email(email)
        if ids.count == 1 { return .found(try await client.account(id: ids[0]), via: key) }
        if ids.count > 1 {
            let index = try await directory.load()
            return .ambiguous(ids.compactMap(index.account(id:)), count: ids.count, by: key)
        }
        guard let domain = Domain.ofEmail(email), !Domain.isFreeMail(domain) else { return .notFound(key) }
        return try await account(domain: domain)
    }

    /// Rules 2 and 3's questions for one domain: users at it, and accounts whose traits hold it.
    func account(domain: String) async throws -> AccountResolution {
        var ids: [String] = []
        if !Domain.isFreeMail(domain) {
            ids = unique(try await client.searchUsers(.emailSubdomain(domain)).flatMap(\.accountIds))
        }
        let index = try await directory.load()
        ids = unique(ids + index.accounts(forDomain: domain).map(\.id))
        let key = AccountKey.domain(domain)
        switch ids.count {
        case 0: return .notFound(key)
        case 1: return .found(try await client.account(id: ids[0]), via: key)
        default: return .ambiguous(ids.compactMap(index.account(id:)), count: ids.count, by: key)
        }
    }
}
