import Foundation

/// What a replay of a recording can answer: the accounts and attendee emails for which the
/// requests a command makes were recorded. TAB completion offers only these in replay, a miss
/// on an account id suggests one of them, and `recordings show FILE --answers` lists them.
/// Read from the recorded requests the way the shell asks them (an ACCOUNT argument is first
/// tried as an id, then as a domain or a name through the accounts list).
package struct RecordingAnswers: Sendable, Equatable {
    /// One recorded account: the words that find it in a replay and the commands it answers.
    package struct AccountAnswer: Sendable, Equatable {
        package var name: String
        package var id: String
        package var externalId: String?
        package var domains: [String]
        /// ACCOUNT arguments a replay resolves to this account, most typeable first (domains, externalId, name).
        package var words: [String]
        /// Commands whose requests for this account are recorded (empty when no word finds it).
        package var commands: [String]
    }

    /// One attendee email and the commands that answer it.
    package struct EmailAnswer: Sendable, Equatable {
        package var email: String
        package var commands: [String]
    }

    /// Every account the recording holds, answerable or not, in recorded order.
    package var accounts: [AccountAnswer]
    /// Emails the recording can answer (their user search was recorded), sorted.
    package var emails: [EmailAnswer]

    /// ACCOUNT commands, the per-account lists each reads (`/resources/accounts/ID/…`) and those it
    /// also reads at the account's organization, first page of 100 (health's breakdown: no query).
    package static let accountCommands: [(command: String, lists: [String], organizationLists: [String])] = [
        ("health", ["healthScores"], []), ("notes", ["notes"], ["notes"]), ("tasks", ["tasks"], ["tasks"]),
        ("users", ["users"], ["users"]), ("nps", ["npsResponses"], []), ("conversations", ["conversations"], ["conversations"]),
        ("timeline", ["notes", "tasks", "npsResponses", "conversations", "meetings"], ["notes", "tasks"]),
    ]

    package init(_ exchanges: [RecordedExchange]) {
        let recorded = Recorded(exchanges)
        let tenant = RecordedTenant(exchanges)
        let directoryRead = tenant.isComplete(RecordedTenant.ListKey(resource: "accounts"))
        let all = tenant.allItems(of: "accounts").map { Account(json: $0) }
        let traits = DomainTraits()
        var byName: [String: Int] = [:]
        var byDomain: [String: Set<String>] = [:]
        for account in all {
            byName[account.name.lowercased(), default: 0] += 1
            if let external = account.externalId?.lowercased() { byName[external, default: 0] += 1 }
            for domain in traits.domains(of: account) { byDomain[Domain.registrable(domain.domain), default: []].insert(account.id) }
        }
        accounts = all.map { account in
            let domains = Self.unique(traits.domains(of: account).map(\.domain))
            var words: [String] = []
            let byId = recorded.objectID(VitallyPath.account(account.id)) == account.id
            // A domain: the users at it (unless free mail) and the accounts list, leading to this account only.
            for domain in domains where byId && directoryRead && !domain.contains(" ") {
                guard let colleagues = Domain.isFreeMail(domain) ? [] : recorded.accountIds(searching: "emailSubdomain", domain) else { continue }
                let ids = Set(colleagues).union(byDomain[Domain.registrable(domain)] ?? [])
                if ids == [account.id] { words.append(domain) }
            }
            if let external = account.externalId, recorded.objectID(VitallyPath.account(external)) == account.id { words.append(external) }
            // A name: a word without a space is first asked as an id, which must have been recorded as absent.
            let name = account.name
            let asIdAbsent = name.contains(" ") || recorded.absent(VitallyPath.account(name))
            if byId, directoryRead, asIdAbsent, !(name.contains(".") && !name.contains(" ")), byName[name.lowercased()] == 1 {
                words.append(name)
            }
            let organization = account.organizationId.flatMap { $0.isEmpty ? nil : VitallyPath.organization($0) }
            let commands = words.isEmpty ? [] : Self.accountCommands.filter { entry in
                entry.lists.allSatisfy { recorded.answersList(VitallyPath.account(account.id) + "/" + $0) }
                    && (organization.map { path in entry.organizationLists.allSatisfy { recorded.answersList(path + "/" + $0) } } ?? true)
            }.map(\.command)
            return AccountAnswer(
                name: name, id: account.id, externalId: account.externalId, domains: domains, words: words, commands: commands)
        }
        // A brief reads each matched account's breakdown and lists (newest N, whatever the query).
        let briefLists = ["healthScores", "notes", "tasks", "users", "conversations", "npsResponses", "projects", "meetings"]
        func briefed(_ id: String) -> Bool { briefLists.allSatisfy { recorded.paths.contains(VitallyPath.account(id) + "/" + $0) } }
        emails = recorded.searchedEmails.sorted().compactMap { email in
            guard let ids = recorded.accountIds(searching: "email", email) else { return nil }
            // Rule 1 reads the user's accounts; without any, the next rules ask about the domain.
            if ids.isEmpty {
                guard let domain = email.split(separator: "@").last.map(String.init), directoryRead,
                    let colleagues = Domain.isFreeMail(domain) ? [] : recorded.accountIds(searching: "emailSubdomain", domain),
                    colleagues.allSatisfy({ recorded.objectID(VitallyPath.account($0)) == $0 })
                else { return nil }
            } else if !ids.allSatisfy({ recorded.objectID(VitallyPath.account($0)) == $0 }) {
                return nil
            }
            // Without a matched account a brief has nothing to brief.
            let brief = !ids.isEmpty && ids.allSatisfy(briefed)
            return EmailAnswer(email: email, commands: brief ? ["match", "brief"] : ["match"])
        }
    }

    /// The words to offer for `command`'s ACCOUNT argument: those of accounts it answers (any
    /// answerable account for a command not in `accountCommands`).
    package func accountWords(for command: String) -> [String] {
        let known = Self.accountCommands.contains { $0.command == command }
        return accounts.filter { known ? $0.commands.contains(command) : !$0.commands.isEmpty }.flatMap(\.words)
    }

    /// The emails to offer for `command`'s EMAIL arguments (every answerable one for other commands).
    package func emailWords(for command: String) -> [String] {
        emails.filter { $0.commands.contains(command) || !["match", "brief"].contains(command) }.map(\.email)
    }

    /// The recorded account most like `word` (its name, externalId, a domain or a domain's first
    /// label, ignoring case: equal, a prefix either way, or a couple of edits away); answerable
    /// accounts first. Nil when none is close.
    package func suggestion(for word: String) -> AccountAnswer? {
        let typed = word.lowercased()
        guard typed.count >= 2 else { return nil }
        var best: (score: Int, answerable: Bool, index: Int)?
        for (index, account) in accounts.enumerated() where account.id.lowercased() != typed {
            var forms = [account.name.lowercased()] + account.domains.map { $0.lowercased() }
            if let external = account.externalId { forms.append(external.lowercased()) }
            forms += account.domains.compactMap { $0.split(separator: ".").first.map { String($0).lowercased() } }
            forms += account.name.split(separator: " ").prefix(1).map { String($0).lowercased() }
            let score = forms.compactMap { form -> Int? in
                if form == typed { return 0 }
                if form.hasPrefix(typed) || (typed.hasPrefix(form) && form.count >= 3) { return 1 }
                let edits = EditDistance.between(form, typed)
                return edits <= (typed.count >= 6 ? 2 : 1) && typed.count >= 4 ? 1 + edits : nil
            }.min()
            guard let score else { continue }
            let answerable = !account.commands.isEmpty
            if let current = best, (current.score, current.answerable ? 0 : 1) <= (score, answerable ? 0 : 1) { continue }
            best = (score, answerable, index)
        }
        return best.map { accounts[$0.index] }
    }

    static func unique(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { seen.insert($0.lowercased()).inserted }
    }

    /// The recorded GET requests that answered, in the forms the questions above need.
    struct Recorded {
        /// Requests that answered 200, as `ReplayIndex` keys, and their paths.
        var keys: Set<String> = []
        var paths: Set<String> = []
        /// Object paths (no query) and the id of the object they answered (nil body id: absent).
        var objects: [String: String?] = [:]
        /// `users/search` criterion (`email=…`) to the account ids of the users found.
        var searches: [String: [String]] = [:]
        var searchedEmails: Set<String> = []

        init(_ exchanges: [RecordedExchange]) {
            for exchange in exchanges where exchange.method == "GET" && exchange.error == nil {
                if exchange.status == 404 || exchange.status == 400, exchange.query.isEmpty { objects[exchange.path] = .some(nil) }
                guard exchange.status == 200 else { continue }
                keys.insert(ReplayIndex.key(method: exchange.method, path: exchange.path, query: exchange.query))
                paths.insert(exchange.path)
                if exchange.path == VitallyPath.resource("users") + "/search", let criterion = exchange.query.first(where: { $0.name != "from" }) {
                    let rows = (try? JSONParser.parse(exchange.body)).map { $0["results"]?.array ?? $0.array ?? [] } ?? []
                    // Matched as sent: `match` asks in lower case, and a replay compares exactly.
                    let key = criterion.name + "=" + criterion.value
                    searches[key, default: []] += rows.flatMap { User(json: $0).accountIds }
                    if criterion.name == "email", criterion.value == criterion.value.lowercased() { searchedEmails.insert(criterion.value) }
                } else if exchange.query.isEmpty, exchange.path.hasPrefix(VitallyPath.accounts + "/"),
                    let body = try? JSONParser.parse(exchange.body), let id = RecordedTenant.id(of: body)
                {
                    objects[exchange.path] = .some(id)
                }
            }
        }

        /// The id of the account object recorded at `path`; nil when none was recorded or it was absent.
        func objectID(_ path: String) -> String? { objects[path] ?? nil }

        /// Whether a list's first page, as the commands ask it (`?limit=100`; a breakdown bare), answered.
        func answersList(_ path: String) -> Bool {
            let query = path.hasSuffix("/healthScores") ? [] : [QueryItem("limit", "100")]
            return keys.contains(ReplayIndex.key(method: "GET", path: path, query: query))
        }

        /// Whether `path` was recorded as absent (404 or 400): the id lookup falls through to names.
        func absent(_ path: String) -> Bool { objects[path].map { $0 == nil } ?? false }

        /// The account ids of the users a recorded user search found; nil when it was not recorded.
        func accountIds(searching criterion: String, _ value: String) -> [String]? {
            searches[criterion + "=" + value]
        }
    }
}
