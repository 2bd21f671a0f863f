import Foundation

/// Maps an attendee's email to Vitally accounts, trying each rule in order and recording
/// what every rule tried and found. It is also the one place that answers "which account is
/// this" for an ACCOUNT argument (`AttendeeMatcher+Account.swift`).
public struct AttendeeMatcher: Sendable {
    public let client: VitallyClient
    public let directory: AccountDirectory
    public let team: TeamDirectory
    /// Below this, a company-name similarity is not a match.
    var nameThreshold = 0.9
    /// Whether to GET each matched account for its name and churn state. A brief turns this off:
    /// it fetches the accounts anyway, so the names come from the users' embedded `accounts`
    /// and the gather starts one round trip sooner.
    public var fetchesAccounts = true

    public init(client: VitallyClient, directory: AccountDirectory, team: TeamDirectory) {
        self.client = client
        self.directory = directory
        self.team = team
    }

    /// Matches several attendees concurrently, keeping their order.
    public func match(_ emails: [String], title: String?) async throws -> [AttendeeMatch] {
        try await emails.concurrentMap { email in try await match(email, title: title) }
    }

    public func match(_ rawEmail: String, title: String?) async throws -> AttendeeMatch {
        let email = rawEmail.trimmingWhitespace().lowercased()
        let domain = Domain.ofEmail(email)
        let freeMail = domain.map(Domain.isFreeMail) ?? false
        var result = AttendeeMatch(
            email: email, domain: domain, isFreeMail: freeMail, isInternal: false, accounts: [], rule: nil,
            confidence: 0, trace: [], user: nil)
        guard Domain.isEmail(email), let domain else {
            result.trace = MatchRule.allCases.map { RuleTrace(rule: $0, outcome: .skipped, finding: .notAnEmail(rawEmail)) }
            return result
        }
        // The internal check and rule 1 are independent: ask both at once.
        async let internalCheck = team.verdict(for: email, accounts: directory)
        async let contactUsers = client.searchUsers(.email(email))
        do {
            result.team = try await internalCheck
        } catch {
            // Without the admin list the attendee is treated as a customer; the failure is said.
            let failure = try Self.lookupFailure(error)
            result.failures.append(LookupFailure(rule: nil, request: "\(failure.method) \(failure.path)", error: failure))
        }
        if result.team.isInternal {
            result.isInternal = true
            _ = try? await contactUsers
            result.trace = MatchRule.allCases.map { RuleTrace(rule: $0, outcome: .skipped, finding: .internalAttendee(result.team)) }
            return result
        }

        // Rule 1: the attendee is a Vitally user; their accounts are the match.
        let asked = RuleTrace.Attempt.userSearch(email: email)
        do {
            let users = try await contactUsers
            let contactIds = unique(users.flatMap(\.accountIds))
            result.user = users.first
            if !contactIds.isEmpty {
                let user = users.first?.displayName ?? email
                let accounts = try await describe(contactIds, users: users, because: .user(user))
                result.trace.append(RuleTrace(rule: .contact, outcome: .matched, attempt: asked, finding: .userBelongs(user: user, accounts: accounts)))
                return finish(result, accounts, .contact, contactIds.count == 1 ? 0.95 : 0.7)
            }
            result.trace.append(RuleTrace(
                rule: .contact, outcome: .nothing, attempt: asked, finding: users.first.map { .userUnlinked(user: $0.displayName) } ?? .noUser))
        } catch {
            try fail(.contact, asked, error, into: &result)
        }

        if freeMail {
            result.trace.append(RuleTrace(rule: .emailDomain, outcome: .skipped, finding: .freeMailDomain(domain)))
            result.trace.append(RuleTrace(rule: .accountDomainTrait, outcome: .skipped, finding: .freeMailDomain(domain)))
            result.trace.append(RuleTrace(rule: .organizationDomainTrait, outcome: .skipped, finding: .freeMailDomain(domain)))
        } else {
            do {
                if let matched = try await colleagues(of: domain, into: &result) { return matched }
            } catch {
                try fail(.emailDomain, .colleagueSearch(domains: [domain]), error, into: &result)
            }
            do {
                if let matched = try await traits(of: domain, into: &result) { return matched }
            } catch {
                try fail(.accountDomainTrait, .none, error, into: &result)
            }
            do {
                if let matched = try await organizations(of: domain, into: &result) { return matched }
            } catch {
                try fail(.organizationDomainTrait, .none, error, into: &result)
            }
        }
        do {
            return try await companyName(domain: domain, freeMail: freeMail, title: title, into: result)
        } catch {
            try fail(.companyName, .none, error, into: &result)
            return result
        }
    }

    /// The error as one attendee's failed lookup, or rethrown when it is the whole command's:
    /// a cancel, or a token Vitally refuses (every attendee would fail the same way).
    static func lookupFailure(_ error: any Error) throws -> VitallyError {
        guard let vitally = error as? VitallyError, !Task.isCancelled,
            vitally.code != .cancelled, vitally.code != .unauthorized
        else { throw error }
        return vitally
    }

    /// Traces `rule` as failed (matching goes on with the next rule), or rethrows a command-wide error.
    private func fail(_ rule: MatchRule, _ attempt: RuleTrace.Attempt, _ error: any Error, into result: inout AttendeeMatch) throws {
        let error = try Self.lookupFailure(error)
        let failure = LookupFailure(rule: rule, request: Self.request(for: attempt, error), error: error)
        result.failures.append(failure)
        result.trace.append(RuleTrace(rule: rule, outcome: .failed, attempt: attempt, finding: .lookupFailed(failure)))
    }

    /// The failed request with its query: the error's path has none, the rule's attempt knows it.
    static func request(for attempt: RuleTrace.Attempt, _ error: VitallyError) -> String {
        let item: QueryItem?
        switch attempt {
        case .userSearch(let email): item = UserSearch.email(email).item
        case .colleagueSearch(let domains): item = domains.last.map { UserSearch.emailSubdomain($0).item }
        default: item = nil
        }
        guard let item, error.path.hasSuffix("/users/search") else { return "\(error.method) \(error.path)" }
        return HTTPRequest(method: error.method, path: error.path, query: [item]).summary
    }

    /// Rule 2: colleagues at the same domain (or its registrable parent).
    private func colleagues(of domain: String, into result: inout AttendeeMatch) async throws -> AttendeeMatch? {
        var searched = [domain]
        let parent = Domain.registrable(domain)
        var colleagues = try await client.searchUsers(.emailSubdomain(domain))
        if colleagues.isEmpty, parent != domain {
            searched.append(parent)
            colleagues = try await client.searchUsers(.emailSubdomain(parent))
        }
        let domainIds = rank(colleagues.flatMap(\.accountIds))
        let asked = RuleTrace.Attempt.colleagueSearch(domains: searched)
        let at = searched.last ?? domain
        if !domainIds.isEmpty {
            let accounts = try await describe(domainIds, users: colleagues, because: .colleagues(count: colleagues.count, domain: at))
            result.trace.append(RuleTrace(
                rule: .emailDomain, outcome: .matched, attempt: asked,
                finding: .colleaguesBelong(count: colleagues.count, domain: at, accounts: accounts)))
            return finish(result, accounts, .emailDomain, domainIds.count == 1 ? 0.85 : 0.6)
        }
        result.trace.append(RuleTrace(
            rule: .emailDomain, outcome: .nothing, attempt: asked,
            finding: colleagues.isEmpty ? .noColleagues(domains: searched) : .colleaguesUnlinked(count: colleagues.count, domain: domain)))
        return nil
    }

    /// Rule 3: accounts whose domain traits hold the registrable domain.
    private func traits(of domain: String, into result: inout AttendeeMatch) async throws -> AttendeeMatch? {
        let parent = Domain.registrable(domain)
        let index = try await directory.load()
        let traits = try await directory.domainTraits()
        let hits = index.accounts(forDomain: domain)
        let asked = RuleTrace.Attempt.traitScan(
            accounts: index.count, keys: traits.keys, domain: parent, customFieldsFailure: traits.customFieldsFailure)
        guard !hits.isEmpty else {
            result.trace.append(RuleTrace(rule: .accountDomainTrait, outcome: .nothing, attempt: asked, finding: .noTrait(domain: parent)))
            return nil
        }
        let accounts = hits.map { summary in
            let hit = summary.domains.first { Domain.registrable($0.domain) == parent }
            return MatchedAccount(
                id: summary.id, name: summary.name, externalId: summary.externalId, churned: summary.churned,
                because: .trait(key: hit?.key ?? "?", domain: hit?.domain ?? parent))
        }
        result.trace.append(RuleTrace(rule: .accountDomainTrait, outcome: .matched, attempt: asked, finding: .traitsHold(accounts)))
        return finish(result, accounts, .accountDomainTrait, hits.count == 1 ? 0.8 : 0.55)
    }

    /// Rule 4: the meeting title and the domain's first label against account names.
    private func companyName(domain: String, freeMail: Bool, title: String?, into base: AttendeeMatch) async throws -> AttendeeMatch {
        var result = base
        let label = freeMail ? nil : Domain.companyLabel(domain)
        let index = try await directory.load()
        var scored: [(AccountSummary, Double)] = []
        let titleWords = title.map(CompanyName.tokens)
        for summary in index.accounts {
            let score = CompanyName.score(accountName: summary.name, titleWords: titleWords, domainLabel: label)
            if score >= nameThreshold { scored.append((summary, score)) }
        }
        scored.sort { a, b in a.1 != b.1 ? a.1 > b.1 : a.0.name < b.0.name }
        let asked = RuleTrace.Attempt.nameComparison(title: title, domainLabel: label, accounts: index.count)
        guard !scored.isEmpty else {
            let nothingToCompare = title == nil && label == nil
            result.trace.append(RuleTrace(
                rule: .companyName, outcome: nothingToCompare ? .skipped : .nothing, attempt: asked,
                finding: nothingToCompare ? .nothingToCompare : .noNameScores(threshold: nameThreshold)))
            return result
        }
        let best = scored[0].1
        let top = scored.filter { $0.1 == best }
        func byLabel(_ name: String) -> Bool {
            label.map { CompanyName.score(accountName: name, title: nil, domainLabel: $0) >= nameThreshold } ?? false
        }
        let accounts = top.map { summary, score in
            MatchedAccount(id: summary.id, name: summary.name, externalId: summary.externalId, churned: summary.churned,
                           because: .nameScore(score, byDomainLabel: byLabel(summary.name)))
        }
        result.trace.append(RuleTrace(rule: .companyName, outcome: .matched, attempt: asked, finding: .namesScore(accounts)))
        // The domain naming the company is better evidence than a title shared by every attendee.
        return finish(result, accounts, .companyName, (byLabel(top[0].0.name) ? 0.6 : 0.4) * best - (top.count > 1 ? 0.15 : 0))
    }

    func finish(_ base: AttendeeMatch, _ accounts: [MatchedAccount], _ rule: MatchRule, _ confidence: Double) -> AttendeeMatch {
        var result = base
        result.accounts = accounts
        result.rule = rule
        result.confidence = max(0.05, confidence)
        for later in MatchRule.allCases where later.number > rule.number {
            result.trace.append(RuleTrace(rule: later, outcome: .skipped, finding: .notNeeded(after: rule)))
        }
        return result
    }

    /// Account names and churn flags for ids; the index has them once scanned, else one GET each.
    private func describe(_ ids: [String], users: [User], because: MatchedAccount.Evidence) async throws -> [MatchedAccount] {
        if !fetchesAccounts {
            let embedded = users.flatMap { $0.raw["accounts"]?.array ?? [] }
            return ids.map { id in
                let summary = embedded.first { $0["id"]?.string == id }
                return MatchedAccount(id: id, name: summary?["name"]?.string ?? id, externalId: summary?["externalId"]?.string,
                                      churned: summary?.nonNull("churnedAt") != nil, because: because)
            }
        }
        return try await ids.concurrentMap { [client] id in
            let account = try await client.account(id: id)
            return MatchedAccount(
                id: account.id, name: account.name, externalId: account.externalId, churned: account.isChurned, because: because)
        }
    }

    func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// Ids by how many users point at them, most first.
    private func rank(_ ids: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for id in ids { counts[id, default: 0] += 1 }
        return unique(ids).sorted { counts[$0, default: 0] > counts[$1, default: 0] }
    }
}
