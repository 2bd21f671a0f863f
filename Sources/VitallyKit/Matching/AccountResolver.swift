import Foundation

/// What an ACCOUNT argument turned out to be.
public enum AccountResolution: Sendable {
    case found(Account, via: String)
    case ambiguous([AccountSummary], reason: String)
    case notFound(String)
}

/// Resolves an ACCOUNT argument: an id or externalId, an email, a domain, or a name.
public struct AccountResolver: Sendable {
    public let client: VitallyClient
    public let directory: AccountDirectory

    public init(client: VitallyClient, directory: AccountDirectory) {
        self.client = client
        self.directory = directory
    }

    public func resolve(_ text: String) async throws -> AccountResolution {
        let input = text.trimmingCharacters(in: .whitespaces)
        guard !input.isEmpty else { return .notFound("no account given") }
        if Domain.isEmail(input) { return try await byEmail(input) }
        if !input.contains(" "), input.contains("."), let domain = Domain.normalize(input) {
            let result = try await byDomain(domain)
            if case .notFound = result, let account = try await byId(input) { return .found(account, via: "id") }
            return result
        }
        if !input.contains(" "), let account = try await byId(input) { return .found(account, via: "id or externalId") }
        let index = try await directory.load()
        let named = index.accounts(named: input)
        switch named.count {
        case 0: return .notFound("no account is named like '\(input)', and no account has that id or externalId")
        case 1: return .found(try await client.account(id: named[0].id), via: "name")
        default: return .ambiguous(named, reason: "\(named.count) accounts are named like '\(input)'")
        }
    }

    func byId(_ id: String) async throws -> Account? {
        do {
            return try await client.account(id: id)
        } catch let error as VitallyError where error.code == .notFound || error.code == .badRequest {
            return nil
        }
    }

    func byEmail(_ email: String) async throws -> AccountResolution {
        let users = try await client.searchUsers(.email(email))
        let ids = Array(Set(users.flatMap(\.accountIds))).sorted()
        if ids.count == 1 { return .found(try await client.account(id: ids[0]), via: "user \(email)") }
        if ids.count > 1 {
            let index = try await directory.load()
            return .ambiguous(ids.compactMap(index.account(id:)), reason: "\(email) belongs to \(ids.count) accounts")
        }
        guard let domain = Domain.ofEmail(email), !Domain.isFreeMail(domain) else {
            return .notFound("no Vitally user has the email \(email)")
        }
        return try await byDomain(domain)
    }

    /// Users at the domain (`users/search?emailSubdomain=`) and accounts whose traits hold it.
    func byDomain(_ domain: String) async throws -> AccountResolution {
        var ids: [String] = []
        if !Domain.isFreeMail(domain) {
            for user in try await client.searchUsers(.emailSubdomain(domain)) {
                for id in user.accountIds where !ids.contains(id) { ids.append(id) }
            }
        }
        let index = try await directory.load()
        for summary in index.accounts(forDomain: domain) where !ids.contains(summary.id) { ids.append(summary.id) }
        switch ids.count {
        case 0: return .notFound("no user has an @\(domain) address and no account trait holds \(domain)")
        case 1: return .found(try await client.account(id: ids[0]), via: "domain \(domain)")
        default:
            let summaries = ids.compactMap(index.account(id:))
            return .ambiguous(summaries, reason: "\(ids.count) accounts match \(domain)")
        }
    }
}
