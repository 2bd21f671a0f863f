import Foundation

/// Maps an attendee's email to Vitally accounts, trying each rule in order and recording
/// what every rule tried and found.
public struct AttendeeMatcher: Sendable {
    public let client: VitallyClient
    public let directory: AccountDirectory
    public let team: TeamDirectory
    /// Below this, a company-name similarity is not a match.
    public var nameThreshold = 0.9
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
        let email = rawEmail.trimmingCharacters(in: .whitespaces).lowercased()
        let domain = Domain.ofEmail(email)
        let freeMail = domain.map(Domain.isFreeMail) ?? false
        var result = AttendeeMatch(
            email: email, domain: domain, isFreeMail: freeMail, isInternal: false, accounts: [], rule: nil,
            confidence: 0, trace: [], user: nil)
        guard Domain.isEmail(email), let domain else {
            result.trace = MatchRule.allCases.map {
                RuleTrace(rule: $0, outcome: .skipped, tried: "-", found: "'\(rawEmail)' is not an email address")
            }
            return result
        }
        // The internal check and rule 1 are independent: ask both at once.
        async let internalCheck = team.verdict(for: email)
        async let contactUsers = client.searchUsers(.email(email))
        result.team = try await internalCheck
        if result.team.isInternal {
            result.isInternal = true
            _ = try? await contactUsers
            result.trace = MatchRule.allCases.map {
                RuleTrace(rule: $0, outcome: .skipped, tried: "-", found: "internal attendee (\(result.team.reason))")
            }
            return result
        }

        // Rule 1: the attendee is a Vitally user; their accounts are the match.
        let users = try await contactUsers
        let contactIds = unique(users.flatMap(\.accountIds))
        result.user = users.first
        if !contactIds.isEmpty {
            let accounts = try await describe(contactIds, users: users, evidence: "user \(users.first?.displayName ?? email)")
            result.trace.append(RuleTrace(
                rule: .contact, outcome: .matched, tried: "users/search?email=\(email)",
                found: "user \(users.first?.displayName ?? email) belongs to \(names(accounts))"))
            return finish(result, accounts, .contact, contactIds.count == 1 ? 0.95 : 0.7)
        }
        result.trace.append(RuleTrace(
            rule: .contact, outcome: .nothing, tried: "users/search?email=\(email)",
            found: users.isEmpty ? "no Vitally user has this email" : "the user \(users[0].displayName) is linked to no account"))

        if freeMail {
            let why = "\(domain) is a free-mail domain; it says nothing about the company"
            result.trace.append(RuleTrace(rule: .emailDomain, outcome: .skipped, tried: "-", found: why))
            result.trace.append(RuleTrace(rule: .accountDomainTrait, outcome: .skipped, tried: "-", found: why))
        } else {
            // Rule 2: colleagues at the same domain (or its registrable parent).
            var searched = [domain]
            let parent = Domain.registrable(domain)
            var colleagues = try await client.searchUsers(.emailSubdomain(domain))
            if colleagues.isEmpty, parent != domain {
                searched.append(parent)
                colleagues = try await client.searchUsers(.emailSubdomain(parent))
            }
            let domainIds = rank(colleagues.flatMap(\.accountIds))
            let tried = searched.map { "users/search?emailSubdomain=\($0)" }.joined(separator: ", then ")
            if !domainIds.isEmpty {
                let accounts = try await describe(domainIds, users: colleagues, evidence: "\(colleagues.count) user(s) @\(searched.last ?? domain)")
                result.trace.append(RuleTrace(
                    rule: .emailDomain, outcome: .matched, tried: tried,
                    found: "\(colleagues.count) user(s) at \(searched.last ?? domain) belong to \(names(accounts))"))
                return finish(result, accounts, .emailDomain, domainIds.count == 1 ? 0.85 : 0.6)
            }
            result.trace.append(RuleTrace(
                rule: .emailDomain, outcome: .nothing, tried: tried,
                found: colleagues.isEmpty ? "no Vitally user has an address at \(searched.joined(separator: " or "))"
                    : "\(colleagues.count) user(s) at \(domain), linked to no account"))

            // Rule 3: accounts whose domain traits hold the registrable domain.
            let index = try await directory.load()
            let traits = try await directory.domainTraits()
            let hits = index.accounts(forDomain: domain)
            var triedTraits = "\(index.count) accounts' traits (\(traits.keys.prefix(4).joined(separator: ", ")), …) for \(parent)"
            if let failure = traits.customFieldsFailure {
                triedTraits += " (well-known trait keys only: customFields failed, \(failure.status.map { "HTTP \($0)" } ?? failure.code.rawValue))"
            }
            if !hits.isEmpty {
                let accounts = hits.map { summary in
                    let hit = summary.domains.first { Domain.registrable($0.domain) == parent }
                    return MatchedAccount(
                        id: summary.id, name: summary.name, externalId: summary.externalId, churned: summary.churned,
                        evidence: "trait \(hit?.key ?? "?") = \(hit?.domain ?? parent)")
                }
                result.trace.append(RuleTrace(
                    rule: .accountDomainTrait, outcome: .matched, tried: triedTraits,
                    found: accounts.map { "\($0.name) (\($0.evidence))" }.joined(separator: ", ")))
                return finish(result, accounts, .accountDomainTrait, hits.count == 1 ? 0.8 : 0.55)
            }
            result.trace.append(RuleTrace(
                rule: .accountDomainTrait, outcome: .nothing, tried: triedTraits,
                found: "no account trait holds \(parent)"))
        }

        // Rule 4: the meeting title and the domain's first label against account names.
        let label = freeMail ? nil : Domain.companyLabel(domain)
        let index = try await directory.load()
        var scored: [(AccountSummary, Double)] = []
        let titleWords = title.map(CompanyName.tokens)
        for summary in index.accounts {
            let score = CompanyName.score(accountName: summary.name, titleWords: titleWords, domainLabel: label)
            if score >= nameThreshold { scored.append((summary, score)) }
        }
        scored.sort { a, b in a.1 != b.1 ? a.1 > b.1 : a.0.name < b.0.name }
        let inputs = [title.map { "title '\($0)'" }, label.map { "domain label '\($0)'" }].compactMap { $0 }
        let tried = inputs.isEmpty ? "nothing to compare (no title, free-mail domain)" : inputs.joined(separator: " and ") + " against \(index.count) account names"
        guard !scored.isEmpty else {
            result.trace.append(RuleTrace(
                rule: .companyName, outcome: inputs.isEmpty ? .skipped : .nothing, tried: tried,
                found: inputs.isEmpty ? "no meeting title given and the domain is free mail" : "no account name scores \(nameThreshold) or more"))
            return result
        }
        let best = scored[0].1
        let top = scored.filter { $0.1 == best }
        let accounts = top.map { summary, score in
            MatchedAccount(id: summary.id, name: summary.name, externalId: summary.externalId, churned: summary.churned,
                           evidence: "name score \(String(format: "%.2f", score))")
        }
        result.trace.append(RuleTrace(
            rule: .companyName, outcome: .matched, tried: tried,
            found: accounts.map { "\($0.name) (\($0.evidence))" }.joined(separator: ", ")))
        // The domain naming the company is better evidence than a title shared by every attendee.
        let byLabel = label.map { CompanyName.score(accountName: top[0].0.name, title: nil, domainLabel: $0) >= nameThreshold } ?? false
        return finish(result, accounts, .companyName, (byLabel ? 0.6 : 0.4) * best - (top.count > 1 ? 0.15 : 0))
    }

    private func finish(_ base: AttendeeMatch, _ accounts: [MatchedAccount], _ rule: MatchRule, _ confidence: Double) -> AttendeeMatch {
        var result = base
        result.accounts = accounts
        result.rule = rule
        result.confidence = max(0.05, confidence)
        for later in MatchRule.allCases where later.number > rule.number {
            result.trace.append(RuleTrace(rule: later, outcome: .skipped, tried: "-", found: "not needed: rule \(rule.number) matched"))
        }
        return result
    }

    /// Account names and churn flags for ids; the index has them once scanned, else one GET each.
    private func describe(_ ids: [String], users: [User], evidence: String) async throws -> [MatchedAccount] {
        if !fetchesAccounts {
            let embedded = users.flatMap { $0.raw["accounts"]?.array ?? [] }
            return ids.map { id in
                let summary = embedded.first { $0["id"]?.string == id }
                return MatchedAccount(id: id, name: summary?["name"]?.string ?? id, externalId: summary?["externalId"]?.string,
                                      churned: summary?.nonNull("churnedAt") != nil, evidence: evidence)
            }
        }
        return try await ids.concurrentMap { [client] id in
            let account = try await client.account(id: id)
            return MatchedAccount(
                id: account.id, name: account.name, externalId: account.externalId, churned: account.isChurned, evidence: evidence)
        }
    }

    private func names(_ accounts: [MatchedAccount]) -> String {
        accounts.map { $0.name + ($0.churned ? " (churned)" : "") }.joined(separator: ", ")
    }

    private func unique(_ ids: [String]) -> [String] {
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
