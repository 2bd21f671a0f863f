import Foundation
import VitallyKit

extension Shell {
    /// Resolves an ACCOUNT argument, or says why it cannot.
    func resolveAccount(_ text: String) async throws -> Account {
        let resolution = try await withScanProgress { try await connection.resolver.resolve(text) }
        switch resolution {
        case .found(let account, _):
            completion.noteAccount(account)
            observe(Observation(account: account, at: now))
            return account
        case .ambiguous(let candidates, let reason):
            let list = candidates.prefix(6).map { "\($0.name) (\($0.externalId ?? $0.id))" }.joined(separator: ", ")
            throw VitallyError(
                .invalidInput,
                cause: "\(reason): \(list)\(candidates.count > 6 ? ", …" : ""); give the externalId or the exact name")
        case .notFound(let why):
            throw VitallyError(.invalidInput, cause: "no account found for '\(text)': \(why)")
        }
    }

    func loadIndex() async throws -> AccountIndex {
        try await withScanProgress { try await connection.directory.load() }
    }

    /// Shows scan progress on a terminal while `body` may scan every account.
    func withScanProgress<T>(_ body: () async throws -> T) async throws -> T {
        let progress = environment.progress
        await connection.directory.setProgressHandler { count in progress("scanning accounts… \(count)") }
        defer { environment.progress("") }
        return try await body()
    }
}
