import Foundation

/// Turns recorded HAR files into observations: every account a recording saw (account pages, single
/// accounts, their health breakdowns and users), each at the time it was recorded.
package enum HistoryImporter {
    /// What one recording holds for the history.
    package struct Result: Sendable {
        /// The recording's subdomain when it says.
        package var tenant: String?
        package var observations: [Observation]
    }

    package static func observations(in recording: HARRecording) -> Result {
        var accounts: [String: (Account, Date)] = [:]
        var breakdowns: [String: [HealthScoreEntry]] = [:]
        var users: [String: [User]] = [:]
        for exchange in recording.exchanges where exchange.status == 200 && exchange.method == "GET" {
            let parts = exchange.path.split(separator: "/").map(String.init)
            guard let start = parts.firstIndex(of: "accounts"), start > 0, parts[start - 1] == "resources",
                let json = try? JSONParser.parse(exchange.body)
            else { continue }
            let rest = Array(parts[(start + 1)...])
            let time = recording.info?.recordedAt ?? exchange.startedAt
            func keep(_ account: Account) {
                guard !account.id.isEmpty, !account.name.isEmpty else { return }
                if let seen = accounts[account.id], seen.1 > time { return }
                accounts[account.id] = (account, time)
            }
            switch rest.count {
            case 0: for row in json["results"]?.array ?? [] { keep(Account(json: row)) }
            case 1 where rest[0] != "search": keep(Account(json: json))
            case 2 where rest[1] == "healthScores": breakdowns[rest[0]] = HealthScoreEntry.entries(from: json)
            case 2 where rest[1] == "users": users[rest[0], default: []] += (json["results"]?.array ?? []).map(User.init(json:))
            default: continue
            }
        }
        let observations = accounts.sorted { $0.key < $1.key }.map { id, seen in
            Observation(account: seen.0, at: seen.1, breakdown: breakdowns[id], users: users[id])
        }
        return Result(tenant: recording.info?.subdomain, observations: observations)
    }
}
