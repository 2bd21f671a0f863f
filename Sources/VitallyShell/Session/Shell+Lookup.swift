import Foundation
import VitallyKit

extension Shell {
    /// Resolves an ACCOUNT argument, or says why it cannot.
    func resolveAccount(_ text: String) async throws -> Account {
        let resolution = try await withScanProgress { try await connection.matcher.account(for: text) }
        func accepted(_ account: Account) -> Account {
            completion.noteAccount(account)
            observe(Observation(account: account, at: now))
            return account
        }
        switch resolution {
        case .found(let account, _):
            return accepted(account)
        case .ambiguous(let candidates, let count, let key):
            // Accounts named like an organization's exact name: the organization is what was meant.
            if case .name = key, let account = try await accountThroughOrganization(text, exactName: true) { return accepted(account) }
            let list = candidates.prefix(6).map { "\($0.name) (\(Format.reference(externalId: $0.externalId, id: $0.id)))" }.joined(separator: ", ")
            throw VitallyError(
                .invalidInput,
                cause: "\(Self.ambiguity(count, key)): \(list)\(candidates.count > 6 ? ", …" : ""); give the externalId or the exact name")
        case .notFound(let key):
            // An organization's name, id or externalId is an ACCOUNT argument too.
            if let account = try await accountThroughOrganization(text) { return accepted(account) }
            throw VitallyError(.invalidInput, cause: "no account found for '\(text)': \(Self.absence(key))")
        }
    }

    /// Why several accounts fit an ACCOUNT argument.
    static func ambiguity(_ count: Int, _ key: AccountKey) -> String {
        switch key {
        case .email(let email): return "\(email) belongs to \(count) accounts"
        case .domain(let domain): return "\(count) accounts match \(domain)"
        case .name(let name): return "\(count) accounts are named like '\(name)'"
        case .id, .empty: return "\(count) accounts fit"
        }
    }

    /// Why no account fits an ACCOUNT argument.
    static func absence(_ key: AccountKey) -> String {
        switch key {
        case .empty: return "no account given"
        case .email(let email): return "no Vitally user has the email \(email)"
        case .domain(let domain): return "no user has an @\(domain) address and no account or organization trait holds \(domain)"
        case .name(let name): return "no account or organization is named like '\(name)', and no account has that id or externalId"
        case .id: return "no account has that id or externalId"
        }
    }

    func loadIndex() async throws -> AccountIndex {
        try await withScanProgress { try await connection.directory.load() }
    }

    /// Shows scan progress on a terminal while `body` may scan every account.
    /// The handler is removed when `body` ends: a later scan in the same command (a cohort) must not
    /// draw a line that nothing erases before the output.
    func withScanProgress<T>(_ body: () async throws -> T) async throws -> T {
        let progress = environment.progress
        let directory = connection.directory
        await directory.setProgressHandler { count in progress("scanning accounts… \(count)") }
        do {
            let value = try await body()
            await directory.setProgressHandler(nil)
            progress("")
            return value
        } catch {
            await directory.setProgressHandler(nil)
            progress("")
            throw error
        }
    }
}
