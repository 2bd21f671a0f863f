import Foundation
import Synchronization
import VitallyKit

/// Values worth offering on TAB, gathered as the session goes. Read from the line editor's
/// callback on another thread, hence the lock.
public final class CompletionState: Sendable {
    struct Values {
        var accounts: [String] = []
        var emails: [String] = []
        var recordings: [String] = []
    }

    private let values = Mutex(Values())

    public init() {}

    public func noteAccount(_ account: Account) {
        var words = [account.name]
        if let externalId = account.externalId { words.append(externalId) }
        words += DomainTraits().domains(of: account).map(\.domain)
        note(accounts: words)
    }

    public func note(accounts words: [String]) {
        values.withLock { v in
            for word in words where !word.isEmpty && !v.accounts.contains(word) { v.accounts.append(word) }
        }
    }

    public func note(emails: [String]) {
        values.withLock { v in
            for email in emails where !email.isEmpty && !v.emails.contains(email) { v.emails.append(email) }
        }
    }

    public func setRecordings(_ names: [String]) { values.withLock { $0.recordings = names } }

    /// Account names, ids and domains, and attendee emails found in a recording's bodies.
    public func harvest(_ recording: HARRecording) {
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
        note(accounts: names)
        note(emails: emails)
    }

    var snapshot: Values { values.withLock { $0 } }
}
