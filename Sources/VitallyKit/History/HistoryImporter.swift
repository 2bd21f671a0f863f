import Foundation

/// Turns recorded HAR files into observations: every account a recording saw (account pages, single
/// accounts, their health breakdowns and users), each at the time it was recorded.
package enum HistoryImporter {
    /// What one recording holds for the history.
    package struct Result: Sendable {
        /// The recording's subdomain when it says.
        package var tenant: String?
        /// When the recording says it was recorded (which dates every observation).
        package var recordedAt: Date?
        package var observations: [Observation]
    }

    package static func observations(in recording: HARRecording) -> Result {
        var reading = Reading()
        for exchange in recording.exchanges { reading.add(exchange) }
        return reading.result(info: recording.info)
    }

    /// Reads a recording an exchange at a time (`HARReader.load(_:visit:)`): memory holds what each
    /// account observation needs, not the recording nor the accounts' records.
    package static func observations(inFile url: URL) throws(VitallyError) -> Result {
        var reading = Reading()
        let recording = try HARReader.load(url) { reading.add($0) }
        return reading.result(info: recording.info)
    }

    /// The observations gathered so far. Whether the recording says when it was recorded (which
    /// then dates every observation) is known only at its end, so for each account both the last
    /// one read and the latest by exchange time are kept.
    struct Reading {
        struct Seen {
            var observation: Observation
            var healthScore: Double?
        }

        private var last: [String: Seen] = [:]
        private var latest: [String: Seen] = [:]
        private var breakdowns: [String: [HealthScoreEntry]] = [:]
        private var users: [String: [User]] = [:]

        mutating func add(_ exchange: RecordedExchange) {
            guard exchange.status == 200, exchange.method == "GET" else { return }
            let parts = exchange.path.split(separator: "/").map(String.init)
            guard let start = parts.firstIndex(of: "accounts"), start > 0, parts[start - 1] == "resources",
                let json = try? JSONParser.parse(exchange.body)
            else { return }
            let rest = Array(parts[(start + 1)...])
            let time = exchange.startedAt
            func keep(_ account: Account) {
                guard !account.id.isEmpty, !account.name.isEmpty else { return }
                let seen = Seen(observation: Observation(account: account, at: time), healthScore: account.healthScore)
                last[account.id] = seen
                if let earlier = latest[account.id], earlier.observation.observedAt > time { return }
                latest[account.id] = seen
            }
            switch rest.count {
            case 0: for row in json["results"]?.array ?? [] { keep(Account(json: row)) }
            case 1 where rest[0] != "search": keep(Account(json: json))
            case 2 where rest[1] == "healthScores": breakdowns[rest[0]] = HealthScoreEntry.entries(from: json)
            case 2 where rest[1] == "users": users[rest[0], default: []] += (json["results"]?.array ?? []).map(User.init(json:))
            default: return
            }
        }

        func result(info: RecordingInfo?) -> Result {
            let chosen = info == nil ? latest : last
            let observations = chosen.sorted { $0.key < $1.key }.map { id, seen in
                var observation = seen.observation
                if let recordedAt = info?.recordedAt { observation.observedAt = recordedAt }
                observation.add(breakdown: breakdowns[id], users: users[id], healthScore: seen.healthScore)
                return observation
            }
            return Result(tenant: info?.subdomain, recordedAt: info?.recordedAt, observations: observations)
        }
    }
}
