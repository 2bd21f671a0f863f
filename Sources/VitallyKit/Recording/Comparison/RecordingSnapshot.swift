import Foundation

/// What a recording says about a tenant, for comparing two recordings: the last state of each
/// account and user it holds, and the notes and tasks per request.
struct RecordingSnapshot {
    /// One account's last state. Its texts (name, externalId, the compared fields, domain traits)
    /// are packed in one buffer: a snapshot holds every account of a recording, and a string each
    /// (in a table entry as wide as all of them) was most of a diff's memory.
    struct AccountFacts: Equatable, Sendable {
        private var packed: [UInt8] = []
        var churned = false

        init(name: String, externalId: String?, fields: Fields = Fields(), domainTraits: [String] = [], churned: Bool = false) {
            // Room for every text at once (grown append by append, the buffer was copied several times per account).
            var room = 5 * (2 + RecordingSnapshot.accountFields.count + domainTraits.count) + name.utf8.count + (externalId?.utf8.count ?? 0)
            for (key, _) in RecordingSnapshot.accountFields { room += fields[key]?.utf8.count ?? 0 }
            for trait in domainTraits { room += trait.utf8.count }
            packed.reserveCapacity(room)
            append(name)
            append(externalId)
            for (key, _) in RecordingSnapshot.accountFields { append(fields[key]) }
            for trait in domainTraits { append(trait) }
            self.churned = churned
        }

        /// A text, or none: a presence byte, then its length (4 bytes) and its UTF-8.
        private mutating func append(_ text: String?) {
            guard let text else { return packed.append(0) }
            let count = UInt32(truncatingIfNeeded: text.utf8.count)
            packed.append(1)
            withUnsafeBytes(of: count.littleEndian) { packed.append(contentsOf: $0) }
            packed.append(contentsOf: text.utf8)
        }

        /// The packed texts in order (name, externalId, each field, then every trait).
        private var texts: [String?] {
            var result: [String?] = []
            var at = 0
            while at < packed.count {
                guard packed[at] == 1, at + 5 <= packed.count else {
                    result.append(nil)
                    at += 1
                    continue
                }
                let count = Int(packed[at + 1]) | Int(packed[at + 2]) << 8 | Int(packed[at + 3]) << 16 | Int(packed[at + 4]) << 24
                let end = min(packed.count, at + 5 + count)
                result.append(String(decoding: packed[(at + 5)..<end], as: UTF8.self))
                at = end
            }
            return result
        }

        var name: String { texts[0] ?? "" }
        var externalId: String? { texts[1] }

        var fields: Fields {
            let texts = texts
            var fields = Fields()
            for (offset, field) in RecordingSnapshot.accountFields.enumerated() { fields[field.key] = texts[2 + offset] }
            return fields
        }

        /// `key=value`, each once, in the order read.
        var domainTraits: [String] { texts.dropFirst(2 + RecordingSnapshot.accountFields.count).compactMap { $0 } }
    }

    /// The compared fields' values (`accountFields`), held inline.
    struct Fields: Equatable, Sendable {
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

    struct UserFacts: Equatable, Sendable {
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
    /// The accounts of the snapshot this one is compared with: an account noted here as it is
    /// there shares its id and facts (the second file of a diff costs little for what is unchanged).
    private let base: [String: AccountFacts]

    init(sharingWith base: RecordingSnapshot? = nil) {
        self.base = base?.accounts ?? [:]
        // The second file of a diff mostly holds the first's accounts: room for them at once.
        accounts.reserveCapacity(self.base.count)
    }

    init(_ recording: HARRecording) {
        base = [:]
        for exchange in recording.exchanges { add(exchange) }
    }

    /// The snapshot of the recording at `url`, read an entry at a time on every core: memory holds
    /// what the snapshot keeps, not the recording (`init(_:)` of the loaded file gives the same).
    /// `forMatching` keeps only what the match rules read (account names and domain traits, users),
    /// for the scrub's self-check; `base`'s account ids are shared, as a diff's second file shares them.
    static func read(_ url: URL, forMatching: Bool = false, sharingWith base: RecordingSnapshot? = nil) throws(VitallyError) -> RecordingSnapshot {
        var snapshot = RecordingSnapshot(sharingWith: base)
        _ = try HARReader.load(url, transform: { Digest($0, forMatching: forMatching) }) { _, digest, _ in
            if forMatching { snapshot.noteFacts(digest) } else { snapshot.note(digest) }
        }
        return snapshot
    }

    /// What one exchange says for a snapshot, read from its body: a pure function of the
    /// exchange, so a file's exchanges can be read on several cores and noted in order.
    struct Digest: Sendable {
        var key: String
        var listsAccounts = false
        var accounts: [(id: String, facts: AccountFacts)] = []
        var users: [UserFacts]?
        var activities: [(id: String, title: String, accountId: String?)]?

        /// `wholeBody` builds every member of the body (to check that pruning changes nothing);
        /// `forMatching` reads only accounts' names and domain traits, and users (its key is not made).
        init(_ exchange: RecordedExchange, key: String? = nil, wholeBody: Bool = false, forMatching: Bool = false) {
            self.key = forMatching ? "" : key ?? ReplayIndex.key(method: exchange.method, path: exchange.path, query: exchange.query)
            guard exchange.error == nil, exchange.status == 200 else { return }
            let segments = exchange.path.split(separator: "/").map(String.init)
            let listsAccounts = segments.count >= 2 && segments.count <= 3 && segments[0] == "resources" && segments[1] == "accounts"
            let listsUsers = ScrubEntity.entity(forPath: exchange.path) == .person
            let listsActivities = !forMatching && (segments.last == "notes" || segments.last == "tasks")
            // Only these answers say anything noted here: any other body is not parsed.
            guard listsAccounts || listsUsers || listsActivities else { return }
            // Only the members read below are built (the rest is checked, as a whole parse checks it).
            var fields: [String] = []
            if listsAccounts { fields += RecordingSnapshot.accountKeys }
            if listsUsers { fields += RecordingSnapshot.userKeys.filter { !fields.contains($0) } }
            if listsActivities { fields += RecordingSnapshot.activityKeys.filter { !fields.contains($0) } }
            let record = fields.map { (key: $0, keep: JSONKeep.all) }
            let shape = JSONKeep.members([(key: "results", keep: .elements(.members(record)))] + record)
            guard let json = try? exchange.body.withUnsafeBufferPointer({ try JSONParser.parse($0, keeping: wholeBody ? .all : shape) })
            else { return }
            let items = json["results"]?.array ?? (json.object != nil ? [json] : [])
            self.listsAccounts = exchange.path == "/resources/accounts"
            if listsAccounts { accounts = items.compactMap { RecordingSnapshot.account($0, forMatching: forMatching) } }
            if listsUsers { users = items.compactMap(RecordingSnapshot.user) }
            if listsActivities {
                activities = items.compactMap { item in
                    guard let id = item["id"]?.string else { return nil }
                    return (id, item["subject"]?.string ?? item["name"]?.string ?? "", item["accountId"]?.string)
                }
            }
        }
    }

    /// Notes what one exchange says, in recorded order; `key` is its replay key when already made.
    mutating func add(_ exchange: RecordedExchange, key: String? = nil) {
        note(Digest(exchange, key: key))
    }

    /// Notes what one exchange said, in recorded order.
    mutating func note(_ digest: Digest) {
        if seen.insert(digest.key).inserted { requestOrder.append(digest.key) }
        noteFacts(digest)
        if let activities = digest.activities { self.activities[digest.key] = activities }
    }

    /// Notes the accounts and users one exchange listed (what the match rules read), not its request.
    mutating func noteFacts(_ digest: Digest) {
        if digest.listsAccounts { hasAccountList = true }
        for (id, facts) in digest.accounts { noteAccount(id: id, facts) }
        for user in digest.users ?? [] {
            if users[user.id] == nil { userOrder.append(user.id) }
            users[user.id] = user
        }
    }

    private mutating func noteAccount(id: String, _ read: AccountFacts) {
        var facts = read
        var sharedID = id
        if let at = base.index(forKey: id) {
            sharedID = base[at].key
            if base[at].value == facts { facts = base[at].value }
        }
        if accounts.updateValue(facts, forKey: sharedID) == nil { accountOrder.append(sharedID) }
    }

    /// The members of a record that `account`, `user` and a note or task are read from.
    static let accountKeys = ["id", "name", "externalId", "healthScore", "mrr", "nextRenewalDate", "status", "churnedAt", "traits"]
    static let userKeys = ["id", "accountIds", "email", "name"]
    static let activityKeys = ["id", "subject", "name", "accountId"]

    /// An account record's id and facts; nil without an id. `forMatching` keeps its name and domain traits only.
    static func account(_ item: JSONValue, forMatching: Bool = false) -> (id: String, facts: AccountFacts)? {
        guard let object = item.object else { return nil }
        // One pass over the account's keys (each is there once), not a search per field.
        var id, name, externalId: String?
        var fields = Fields()
        var churned = false
        var traits = JSONObject()
        for (key, value) in object.orderedMembers {
            switch key {
            case "id": id = value.string
            case "name": name = value.string
            case "externalId": externalId = value.string
            case "healthScore", "mrr", "nextRenewalDate", "status": if !value.isNull { fields[key] = value.string ?? value.serialized() }
            case "churnedAt": churned = !value.isNull
            case "traits": traits = value.object ?? JSONObject()
            default: break
            }
        }
        guard let id else { return nil }
        var domainTraits: [String] = []
        for (key, value) in traits.orderedMembers {
            guard namesDomain(key) else { continue }
            for text in value.array?.compactMap(\.string) ?? [value.string].compactMap({ $0 }) where !text.isEmpty {
                let trait = "\(key)=\(text)"
                if !domainTraits.contains(trait) { domainTraits.append(trait) }
            }
        }
        if forMatching { return (id, AccountFacts(name: name ?? id, externalId: nil, domainTraits: domainTraits)) }
        return (id, AccountFacts(name: name ?? id, externalId: externalId, fields: fields, domainTraits: domainTraits, churned: churned))
    }

    /// Whether a trait's key names a domain or website, in any case (a key with no capital or
    /// non-ASCII letter, nearly every one, is searched without lowering a copy).
    static func namesDomain(_ key: String) -> Bool {
        let lower = key.utf8.contains { $0 &- 0x41 < 26 || $0 >= 0x80 } ? key.lowercased() : key
        return lower.containsBytes(of: "domain") || lower.containsBytes(of: "website")
    }

    /// The id of the account `text` names: its id, its externalId, or its name (any case).
    func resolve(_ text: String) -> String? {
        if accounts[text] != nil { return text }
        if let match = accountOrder.first(where: { accounts[$0]?.externalId == text }) { return match }
        let folded = text.lowercased()
        return accountOrder.first { accounts[$0]?.name.lowercased() == folded }
    }

    /// A user record's facts; nil without an id, or without both account ids and an email.
    static func user(_ item: JSONValue) -> UserFacts? {
        guard let id = item["id"]?.string, item["accountIds"] != nil || item["email"] != nil else { return nil }
        let ids = item["accountIds"]?.array ?? []
        let label = item["email"]?.string ?? item["name"]?.string ?? id
        return UserFacts(id: id, label: label, accountIds: Set(ids.compactMap(\.string)))
    }
}
