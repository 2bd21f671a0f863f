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
        /// One per account, in the order the recording first names them.
        package var observations: [Observation]
    }

    package static func observations(in recording: HARRecording) -> Result {
        var reading = Reading()
        for exchange in recording.exchanges { reading.add(exchange) }
        return reading.result(info: recording.info)
    }

    /// Reads a recording an entry at a time, on every core, taken in in the file's order: memory
    /// holds what each account observation needs, not the recording nor the accounts' records.
    package static func observations(inFile url: URL) throws(VitallyError) -> Result {
        var reading = Reading()
        let recording = try HARReader.load(url, transform: { Reading.parse($0) }) { _, parsed, _ in
            if let parsed { reading.apply(parsed) }
        }
        return reading.result(info: recording.info)
    }

    /// The observations gathered so far. Whether the recording says when it was recorded (which
    /// then dates every observation) is known only at its end, so for each account both the last
    /// one read and the latest by exchange time are kept (the second only when it is not the first:
    /// a recording's exchanges are mostly in time order, and 80,000 accounts kept twice is 20 MB).
    struct Reading {
        struct Seen: Sendable {
            var observation: Observation
            var healthScore: Double?
        }

        private var last: [String: Seen] = [:]
        /// Account ids in the order the recording first names them: the observations' order
        /// (sorting 80,000 ids by String comparison was a tenth of an import).
        private var order: [String] = []
        /// For an account whose latest observation by exchange time is not the last one read: that one.
        private var laterThanLast: [String: Seen] = [:]
        private var breakdowns: [String: [HealthScoreEntry]] = [:]
        private var users: [String: [User]] = [:]

        /// What an exchange under `/resources/accounts` holds for the history.
        enum Route {
            case page, account, breakdown(String), users(String)

            /// The parts of the body read: the account fields an observation takes, a breakdown
            /// whole, users' last-seen times; the rest is checked and stepped over, not built.
            var shape: JSONKeep {
                switch self {
                case .page: .members([("results", .elements(Observation.accountFields))])
                case .account: Observation.accountFields
                case .breakdown: .all
                case .users: .members([("results", .elements(.members([("lastSeenTimestamp", .all)])))])
                }
            }

            init?(path: String) {
                let parts = path.split(separator: "/")
                guard let start = parts.firstIndex(of: "accounts"), start > 0, parts[start - 1] == "resources" else { return nil }
                let rest = parts[(start + 1)...].map(String.init)
                switch rest.count {
                case 0: self = .page
                case 1 where rest[0] != "search": self = .account
                case 2 where rest[1] == "healthScores": self = .breakdown(rest[0])
                case 2 where rest[1] == "users": self = .users(rest[0])
                default: return nil
                }
            }
        }

        /// What one exchange holds for the history, read from its body; nil when it holds nothing.
        /// A pure function of the exchange, so a file's exchanges can be read on several cores.
        enum Parsed: Sendable {
            case accounts([Seen], at: Date)
            case breakdown(String, [HealthScoreEntry])
            case users(String, [User])
        }

        mutating func add(_ exchange: RecordedExchange) {
            if let parsed = Self.parse(exchange) { apply(parsed) }
        }

        static func parse(_ exchange: RecordedExchange) -> Parsed? {
            guard exchange.status == 200, exchange.method == "GET", let route = Route(path: exchange.path) else { return nil }
            let parsed = exchange.body.withUnsafeBufferPointer { body in
                Swift.Result { () throws(JSONParseError) -> JSONValue in try JSONParser.parse(body, keeping: route.shape) }
            }
            guard let json = try? parsed.get() else { return nil }
            let time = exchange.startedAt
            func seen(_ account: JSONValue) -> Seen? {
                let observation = Observation(accountJSON: account, at: time)
                guard !observation.accountId.isEmpty, !observation.accountName.isEmpty else { return nil }
                return Seen(observation: observation, healthScore: account["healthScore"]?.double)
            }
            switch route {
            case .page: return .accounts((json["results"]?.array ?? []).compactMap(seen), at: time)
            case .account: return .accounts(seen(json).map { [$0] } ?? [], at: time)
            case .breakdown(let id): return .breakdown(id, HealthScoreEntry.entries(from: json))
            case .users(let id): return .users(id, (json["results"]?.array ?? []).map(User.init(json:)))
            }
        }

        /// Takes in what an exchange held, in the recording's order (the last read wins).
        mutating func apply(_ parsed: Parsed) {
            switch parsed {
            case .accounts(let accounts, let time):
                for seen in accounts {
                    let id = seen.observation.accountId
                    let previous = last.updateValue(seen, forKey: id)
                    if previous == nil { order.append(id) }
                    if let earlier = laterThanLast[id] ?? previous, earlier.observation.observedAt > time {
                        laterThanLast[id] = earlier
                    } else if !laterThanLast.isEmpty {
                        laterThanLast[id] = nil
                    }
                }
            case .breakdown(let id, let entries): breakdowns[id] = entries
            case .users(let id, let read): users[id, default: []] += read
            }
        }

        /// The observations, in the order the recording first names their accounts, each with its
        /// breakdown and users: worked out in batches on every core (80,000 accounts' lookups and
        /// copies were a tenth of an import, on one core).
        func result(info: RecordingInfo?) -> Result {
            let last = last, laterThanLast = laterThanLast, breakdowns = breakdowns, users = users
            let observations = order.inOrderedBatches(of: 2_000, expected: order.count) { ids in
                ids.compactMap { id -> Observation? in
                    guard let seen = (info == nil ? laterThanLast[id] : nil) ?? last[id] else { return nil }
                    var observation = seen.observation
                    if let recordedAt = info?.recordedAt { observation.observedAt = recordedAt }
                    observation.add(breakdown: breakdowns[id], users: users[id], healthScore: seen.healthScore)
                    return observation
                }
            }
            return Result(tenant: info?.subdomain, recordedAt: info?.recordedAt, observations: observations)
        }
    }
}
