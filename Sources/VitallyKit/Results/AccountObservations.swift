import Foundation

/// What `health ACCOUNT --observations` reports, as one value: the account and every stored
/// observation of it, oldest first, or why there are none. `--json` is this value encoded.
package struct AccountObservations: Sendable, Encodable {
    package var account: HealthReport.AccountName
    /// Oldest first, each without the account's id and name (they are `account`'s); nil when
    /// there is no history to read.
    package var observations: [Observation]?
    /// Why there is no history (no store, a replay); nil when `observations` were read.
    package var why: String?

    package init(account: Account, observations: [Observation]?, why: String) {
        self.account = HealthReport.AccountName(id: account.id, externalId: account.externalId, name: account.name)
        self.observations = observations
        self.why = observations == nil ? why : nil
    }
}
