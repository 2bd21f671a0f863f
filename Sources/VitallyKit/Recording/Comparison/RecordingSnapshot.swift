/// What a recording says about a tenant, for comparing two recordings: the last state of each
/// account and user it holds, and the notes and tasks per request.
struct RecordingSnapshot {
    struct AccountFacts: Equatable {
        var id: String
        var name: String
        var externalId: String?
        var fields = Fields()
        var churned = false
        /// `key=value`, each once, in the order read (few per account: an array, not a set).
        var domainTraits: [String] = []
    }

    /// The compared fields' values (`accountFields`), held inline: a snapshot holds every account
    /// of a recording, and a dictionary each would be most of a diff's memory.
    struct Fields: Equatable {
        private var healthScore, mrr, nextRenewalDate, status: String?

        subscript(key: String) -> String? {
            get {
                switch key {
                case "healthScore": return healthScore
                case "mrr": return mrr
                case "nextRenewalDate": return nextRenewalDate
                case "status": return status
                default: return nil
                }
            }
            set {
                switch key {
                case "healthScore": healthScore = newValue
                case "mrr": mrr = newValue
                case "nextRenewalDate": nextRenewalDate = newValue
                case "status": status = newValue
                default: break
                }
            }
        }
    }

    struct UserFacts: Equatable {
        var id: String
        var label: String
        var accountIds: Set<String>
    }

    var accounts: [String: AccountFacts] = [:]
    var accountOrder: [String] = []
    var users: [String: UserFacts] = [:]
    var userOrder: [String] = []
    /// Notes and tasks by the request that listed them: id -> title, in order.
    var activities: [String: [(id: String, title: String, accountId: String?)]] = [:]
    /// Each request's replay key, in first-seen order.
    var requestOrder: [String] = []
    var hasAccountList = false

    /// The fields compared for each account, with how they are labelled.
    static let accountFields: [(key: String, label: String)] = [
        ("healthScore", "health"), ("mrr", "MRR"), ("nextRenewalDate", "renewal"), ("status", "status"),
    ]

    private var seen = Set<String>()

    init() {}

    init(_ recording: HARRecording) {
        for exchange in recording.exchanges { add(exchange) }
    }

    /// Notes what one exchange says, in recorded order.
    mutating func add(_ exchange: RecordedExchange) {
        let key = ReplayIndex.key(method: exchange.method, path: exchange.path, query: exchange.query)
        if seen.insert(key).inserted { requestOrder.append(key) }
        guard exchange.error == nil, exchange.status == 200, let json = try? JSONParser.parse(exchange.body) else { return }
        let items = json["results"]?.array ?? (json.object != nil ? [json] : [])
        let segments = exchange.path.split(separator: "/").map(String.init)
        if exchange.path == "/resources/accounts" { hasAccountList = true }
        if segments.count >= 2, segments.count <= 3, segments[0] == "resources", segments[1] == "accounts" {
            for item in items { noteAccount(item) }
        }
        if ScrubEntity.entity(forPath: exchange.path) == .person {
            for item in items { noteUser(item) }
        }
        if let last = segments.last, last == "notes" || last == "tasks" {
            activities[key] = items.compactMap { item in
                guard let id = item["id"]?.string else { return nil }
                return (id, item["subject"]?.string ?? item["name"]?.string ?? "", item["accountId"]?.string)
            }
        }
    }

    mutating func noteAccount(_ item: JSONValue) {
        guard let id = item["id"]?.string else { return }
        var facts = AccountFacts(id: id, name: item["name"]?.string ?? id, externalId: item["externalId"]?.string)
        for (key, _) in Self.accountFields {
            if let value = item[key], !value.isNull { facts.fields[key] = value.string ?? value.serialized() }
        }
        facts.churned = !(item["churnedAt"]?.isNull ?? true)
        for (key, value) in item["traits"]?.object ?? JSONObject() {
            let lower = key.lowercased()
            guard lower.contains("domain") || lower.contains("website") else { continue }
            for text in value.array?.compactMap(\.string) ?? [value.string].compactMap({ $0 }) where !text.isEmpty {
                let trait = "\(key)=\(text)"
                if !facts.domainTraits.contains(trait) { facts.domainTraits.append(trait) }
            }
        }
        if accounts[id] == nil { accountOrder.append(id) }
        accounts[id] = facts
    }

    /// The id of the account `text` names: its id, its externalId, or its name (any case).
    func resolve(_ text: String) -> String? {
        if accounts[text] != nil { return text }
        if let match = accountOrder.first(where: { accounts[$0]?.externalId == text }) { return match }
        let folded = text.lowercased()
        return accountOrder.first { accounts[$0]?.name.lowercased() == folded }
    }

    mutating func noteUser(_ item: JSONValue) {
        guard let id = item["id"]?.string, item["accountIds"] != nil || item["email"] != nil else { return }
        let ids = item["accountIds"]?.array ?? []
        let label = item["email"]?.string ?? item["name"]?.string ?? id
        if users[id] == nil { userOrder.append(id) }
        users[id] = UserFacts(id: id, label: label, accountIds: Set(ids.compactMap(\.string)))
    }
}
