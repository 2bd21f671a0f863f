import Foundation

/// What `history import FILE.har…` reports, as one value: per file, the tenant and how many
/// accounts it added, and the store they went to. `--json` is this value encoded.
package struct HistoryImportResult: Sendable, Encodable {
    /// One file read.
    package struct File: Sendable, Equatable, Encodable {
        package var file: String
        package var tenant: String
        /// Accounts observed in it.
        package var accounts: Int
        /// When it was recorded, for the text; nil when the exchanges' own times were used (not encoded).
        package var recordedAt: Date?

        package init(file: String, tenant: String, accounts: Int, recordedAt: Date?) {
            self.file = file
            self.tenant = tenant
            self.accounts = accounts
            self.recordedAt = recordedAt
        }

        package func encode(to encoder: any Encoder) throws {
            try encoder.object([("file", file), ("tenant", tenant), ("accounts", accounts)])
        }
    }

    package var imported: [File]
    /// The store's path.
    package var store: String

    package init(imported: [File], store: String) {
        self.imported = imported
        self.store = store
    }
}

/// What `history forget [ACCOUNT|--tenant T]` reports, as one value: how many observations went.
/// `--json` is `{"forgotten": N}`; whose they were is for the text.
package struct HistoryForgetResult: Sendable, Encodable {
    package var forgotten: Int
    /// The account as given; nil when the whole tenant's history went (not encoded).
    package var account: String?
    package var tenant: String

    package init(forgotten: Int, account: String?, tenant: String) {
        self.forgotten = forgotten
        self.account = account
        self.tenant = tenant
    }

    package func encode(to encoder: any Encoder) throws { try encoder.object([("forgotten", forgotten)]) }
}
