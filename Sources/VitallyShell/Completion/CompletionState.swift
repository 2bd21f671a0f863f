import Foundation
import Synchronization
import VitallyKit

/// Values worth offering on TAB, gathered as the session goes. Read from the line editor's
/// callback on another thread, hence the lock.
package final class CompletionState: Sendable {
    struct Values {
        var accounts: [String] = []
        var emails: [String] = []
        var recordings: [String] = []
        /// In a replay without a live fallback: what the recording answers, which replaces the
        /// accounts and emails above (a replay cannot answer the others).
        var answers: RecordingAnswers?
    }

    /// The values, with sets that keep each list free of repeats in constant time per word.
    struct Store {
        var values = Values()
        var seenAccounts = Set<String>()
        var seenEmails = Set<String>()
        /// Recordings opened but not yet read for names: read on the first TAB, not at open.
        var pending: [HARRecording] = []
        /// The recording replayed without a live fallback, until its answers are read on the first TAB.
        var replaying: ReplayTransport?

        mutating func add(accounts words: [String]) {
            for word in words where !word.isEmpty && seenAccounts.insert(word).inserted { values.accounts.append(word) }
        }

        mutating func add(emails words: [String]) {
            for word in words where !word.isEmpty && seenEmails.insert(word).inserted { values.emails.append(word) }
        }
    }

    private let store = Mutex(Store())

    package init() {}

    func noteAccount(_ account: Account) {
        var words = [account.name]
        if let externalId = account.externalId { words.append(externalId) }
        words += DomainTraits().domains(of: account).map(\.domain)
        note(accounts: words)
    }

    package func note(accounts words: [String]) { store.withLock { $0.add(accounts: words) } }

    package func note(emails: [String]) { store.withLock { $0.add(emails: emails) } }

    package func setRecordings(_ names: [String]) { store.withLock { $0.values.recordings = names } }

    /// A replay without a live fallback began (offer only what it answers), or ended (nil).
    func replaying(_ replay: ReplayTransport?) {
        store.withLock { store in
            guard replay !== store.replaying else { return }
            store.replaying = replay
            store.values.answers = nil
        }
    }

    /// Offers the account names, ids and domains, and attendee emails found in a recording's
    /// bodies. Lazy: opening a recording answers at once; the bodies are read on the first TAB.
    func harvest(_ recording: HARRecording) { store.withLock { $0.pending.append(recording) } }

    /// Reads one recording's bodies for completion values (once per opened recording).
    static func values(in recording: HARRecording) -> (names: [String], emails: [String]) {
        var names: [String] = []
        var emails: [String] = []
        for exchange in recording.exchanges where exchange.status == 200 && exchange.path.hasPrefix("/resources/") {
            guard let json = try? JSONParser.parse(exchange.body) else { continue }
            let rows = json["results"]?.array ?? json.array ?? [json]
            for row in rows {
                if exchange.path.hasPrefix("/resources/accounts"), row["traits"] != nil, row["name"]?.string != nil,
                    row["usersCount"] != nil || row["healthScore"] != nil
                {
                    let account = Account(json: row)
                    names.append(account.name)
                    if let ext = account.externalId { names.append(ext) }
                    names += DomainTraits().domains(of: account).map(\.domain)
                }
                if let email = row["email"]?.string, row["accountIds"] != nil || row["accounts"] != nil {
                    emails.append(email)
                }
            }
            for item in exchange.query where item.name == "email" { emails.append(item.value) }
        }
        return (names, emails)
    }

    /// The values to offer, after reading any recording opened since the last TAB.
    var snapshot: Values {
        store.withLock { store in
            for recording in store.pending {
                let found = CompletionState.values(in: recording)
                store.add(accounts: found.names)
                store.add(emails: found.emails)
            }
            store.pending = []
            if let replay = store.replaying, store.values.answers == nil { store.values.answers = replay.recordingAnswers }
            return store.values
        }
    }
}
