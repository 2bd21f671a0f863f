import Foundation

/// The matchability audit, pure: `AuditInput` in, `AuditReport` out, in time linear in accounts,
/// organizations and users. "Free mail", "internal" and "domain trait" are the matcher's own rules
/// (`Domain.isFreeMail`, `TeamDirectory`, `DomainTraits`), read through the values they produced.
package enum Audit {
    /// Examples shown per finding.
    package static let exampleLimit = 10

    /// Names that say nothing about which company a meeting is with.
    static let genericWords: Set<String> = [
        "test", "demo", "account", "customer", "client", "company", "default", "unknown", "new", "trial", "sandbox",
        "example", "sample", "temp", "tbd", "na", "none", "misc", "other", "prospect", "internal",
    ]

    /// Whether an account name can correlate with a calendar entry: comparable by the matcher's
    /// company-name rule (`CompanyName`), and not made only of generic words.
    package static func nameCorrelates(_ name: String) -> Bool {
        let tokens = CompanyName.tokens(name)
        return CompanyName.comparable(tokens) && !tokens.allSatisfy(genericWords.contains)
    }

    package static func report(_ input: AuditInput) -> AuditReport {
        var builder = AuditBuilder(input)
        builder.run()
        return builder.report
    }
}

/// Works out each finding over indexes built once.
struct AuditBuilder {
    let input: AuditInput
    let active: [AccountSummary]
    let organizationsById: [String: OrganizationDirectory.Entry]
    let activeOrganizations: [OrganizationDirectory.Entry]
    /// Per active account or organization id: users, users on free mail, company domains of its users.
    var userCount: [String: Int] = [:]
    var freeMailCount: [String: Int] = [:]
    var userDomains: [String: Set<String>] = [:]
    var report: AuditReport

    init(_ input: AuditInput) {
        self.input = input
        active = input.accounts.filter { !$0.churned }
        organizationsById = Dictionary(input.organizations.map { ($0.organization.id, $0) }, uniquingKeysWith: { first, _ in first })
        activeOrganizations = input.organizations.filter { $0.organization.churnedAt == nil }
        report = AuditReport(
            accounts: input.accounts.count, activeAccounts: active.count, churnedAccounts: input.accounts.count - active.count,
            organizations: input.organizations.count, organizationsCapped: input.organizationsCapped, usersRead: input.users?.count,
            usersCapped: input.usersCapped, teamDomains: input.teamDomains.sorted(), teamListed: input.teamListed, reach: [],
            findings: [], rows: [])
        for user in input.users ?? [] {
            let free = user.domain.map(Domain.isFreeMail) ?? false
            let company = user.domain.flatMap { free || input.teamDomains.contains($0) ? nil : $0 }
            for id in user.accountIds + user.organizationIds {
                userCount[id, default: 0] += 1
                if free { freeMailCount[id, default: 0] += 1 }
                if let company { userDomains[id, default: []].insert(company) }
            }
        }
    }

    var usersRead: Bool { input.users != nil }

    func organization(of account: AccountSummary) -> OrganizationDirectory.Entry? {
        account.organizationId.flatMap { organizationsById[$0] }
    }

    mutating func run() {
        reach()
        noDomain()
        sharedDomains()
        churnedDomains()
        freeMailOnly()
        internalDomains()
        unmatchableNames()
        missing(.noHealthScore, what: "health score", account: { $0.healthScore != nil }, organization: { $0.healthScore != nil },
                fix: "set up a health score on the account or its organization: briefs show none without one")
        missing(.noMRR, what: "MRR", account: { $0.mrr != nil }, organization: { $0.mrr != nil },
                fix: "sync MRR from billing to the account or its organization")
        missing(.noOwner, what: "owner or CSM", account: { $0.ownerId != nil }, organization: { $0.ownerId != nil },
                fix: "assign an account owner or CSM on the account or its organization")
        unusedDomainFields()
    }

    // MARK: Reach

    func way(_ account: AccountSummary) -> AuditReach.Way {
        if !account.domains.isEmpty { return .accountTrait }
        if let org = organization(of: account), !org.domains.isEmpty { return .organizationTrait }
        if !(userDomains[account.id] ?? []).isEmpty { return .userDomain }
        return .contactOnly
    }

    mutating func reach() {
        var counts: [AuditReach.Way: Int] = [:]
        for account in active { counts[way(account), default: 0] += 1 }
        report.reach = AuditReach.Way.allCases.map { AuditReach(way: $0, accounts: counts[$0] ?? 0, share: share(counts[$0] ?? 0)) }
    }

    // MARK: Findings

    mutating func noDomain() {
        var examples: [(AuditExample, AuditRow)] = []
        for account in active where way(account) == .contactOnly {
            let users = userCount[account.id] ?? 0
            let detail = !usersRead ? "no domain trait on the account or its organization"
                : users == 0 ? "no domain trait and no users" : "no domain trait; its \(users) user\(users == 1 ? "" : "s") on free mail or our own domain"
            examples.append(accountExample(account, detail, .noDomain))
        }
        var accountsWithDomain = Set<String>()
        for account in active where !account.domains.isEmpty || !(userDomains[account.id] ?? []).isEmpty {
            if let id = account.organizationId { accountsWithDomain.insert(id) }
        }
        for org in activeOrganizations where org.domains.isEmpty && !accountsWithDomain.contains(org.organization.id)
            && (userDomains[org.organization.id] ?? []).isEmpty {
            examples.append(organizationExample(org, "no domain trait on the organization or any of its accounts", .noDomain))
        }
        add(.noDomain, unit: "accounts and organizations", examples,
            fix: "set the `domain` trait (on the account or its organization) to the customer's email domain; until then only attendees who are its Vitally users match",
            note: usersRead ? nil : "users not read: some of these are reachable through their users' company addresses (run `audit --users`)")
    }

    /// Active accounts by registrable domain, from their domain traits.
    func holdersByDomain(_ accounts: [AccountSummary]) -> [String: [AccountSummary]] {
        var map: [String: [AccountSummary]] = [:]
        for account in accounts {
            for domain in Set(account.domains.map { Domain.registrable($0.domain) }) { map[domain, default: []].append(account) }
        }
        return map
    }

    mutating func sharedDomains() {
        var byDomain = holdersByDomain(active)
        let activeById = Dictionary(active.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for user in input.users ?? [] {
            guard let domain = user.domain, !Domain.isFreeMail(domain), !input.teamDomains.contains(domain) else { continue }
            for id in user.accountIds {
                guard let account = activeById[id], !(byDomain[domain] ?? []).contains(where: { $0.id == id }) else { continue }
                byDomain[domain, default: []].append(account)
            }
        }
        var orgsByDomain: [String: [OrganizationDirectory.Entry]] = [:]
        for org in activeOrganizations {
            for domain in Set(org.domains.map { Domain.registrable($0.domain) }) { orgsByDomain[domain, default: []].append(org) }
        }
        var examples: [AuditExample] = []
        var rows: [AuditRow] = []
        var touched = Set<String>()
        let fix = "merge these accounts, or keep the domain on one of them and link the others' users to their account"
        for domain in Set(byDomain.keys).union(orgsByDomain.keys).sorted() {
            let accounts = (byDomain[domain] ?? []).sorted(by: Self.byName)
            if accounts.count >= 2 {
                let names = accounts.map(\.name)
                examples.append(AuditExample(level: .domain, name: domain, detail: "held by \(names.count) active accounts: \(Self.list(names))"))
                for account in accounts {
                    touched.insert(account.id)
                    rows.append(row(account, .sharedDomain, "\(domain) is also held by \(Self.list(names.filter { $0 != account.name }))", fix))
                }
            } else if accounts.isEmpty, let orgs = orgsByDomain[domain], orgs.count >= 2 {
                let names = orgs.map(\.organization.displayName).sorted()
                examples.append(AuditExample(level: .domain, name: domain, detail: "held by \(names.count) organizations: \(Self.list(names))"))
                for org in orgs {
                    rows.append(organizationRow(org, .sharedDomain, "\(domain) is also held by \(Self.list(names.filter { $0 != org.organization.displayName }))", fix))
                }
            }
        }
        report.findings.append(finding(.sharedDomain, count: examples.count, unit: "domains", accounts: touched.count, examples, fix: fix))
        report.rows += rows
    }

    mutating func churnedDomains() {
        let activeByDomain = holdersByDomain(active)
        let churnedByDomain = holdersByDomain(input.accounts.filter(\.churned))
        var examples: [AuditExample] = []
        var rows: [AuditRow] = []
        var touched = Set<String>()
        let fix = "remove the domain from the churned account's traits (or merge it into the active one): a match finds both"
        for domain in Set(activeByDomain.keys).intersection(churnedByDomain.keys).sorted() {
            let live = (activeByDomain[domain] ?? []).sorted(by: Self.byName), gone = (churnedByDomain[domain] ?? []).sorted(by: Self.byName)
            examples.append(AuditExample(
                level: .domain, name: domain,
                detail: "churned \(Self.list(gone.map(\.name))) and active \(Self.list(live.map(\.name)))"))
            for account in gone { rows.append(row(account, .churnedDomain, "churned, holds \(domain) with active \(Self.list(live.map(\.name)))", fix)) }
            for account in live { touched.insert(account.id) }
        }
        report.findings.append(finding(.churnedDomain, count: examples.count, unit: "domains", accounts: touched.count, examples, fix: fix))
        report.rows += rows
    }

    mutating func freeMailOnly() {
        var examples: [(AuditExample, AuditRow)] = []
        for account in active {
            let users = userCount[account.id] ?? 0
            guard users > 0, freeMailCount[account.id] == users else { continue }
            examples.append(accountExample(account, users == 1 ? "its only user is on free mail" : "all \(users) users are on free mail", .freeMailOnly))
        }
        add(.freeMailOnly, unit: "accounts", examples,
            fix: "set the `domain` trait; attendees on free mail match only as known contacts, so link these users to the account",
            note: usersRead ? nil : "not checked: users were not read (run `audit --users`)")
    }

    mutating func internalDomains() {
        var examples: [(AuditExample, AuditRow)] = []
        for account in active {
            for hit in account.domains where input.teamDomains.contains(Domain.registrable(hit.domain)) {
                examples.append(accountExample(account, "`\(hit.key)` holds \(hit.domain), your team's own domain", .internalDomain))
            }
        }
        for org in activeOrganizations {
            for hit in org.domains where input.teamDomains.contains(Domain.registrable(hit.domain)) {
                examples.append(organizationExample(org, "`\(hit.key)` holds \(hit.domain), your team's own domain", .internalDomain))
            }
        }
        add(.internalDomain, unit: "accounts and organizations", examples,
            fix: "remove your own domain from the customer's trait: while a customer holds it, your colleagues at it count as that customer's attendees (if the admin seat is a contractor's at the customer, nothing to fix)",
            note: input.teamListed ? nil : "not checked: the admins could not be listed")
    }

    mutating func unmatchableNames() {
        var examples: [(AuditExample, AuditRow)] = []
        for account in active where !Audit.nameCorrelates(account.name) {
            let detail = CompanyName.isComparable(account.name) ? "a generic name" : "nothing but a legal suffix or under three letters"
            examples.append(accountExample(account, detail, .unmatchableName))
        }
        add(.unmatchableName, unit: "accounts", examples,
            fix: "rename the account to the company's name as meeting titles and email domains spell it")
    }

    mutating func missing(_ kind: AuditFinding.Kind, what: String, account has: (AccountSummary) -> Bool,
                          organization orgHas: (Organization) -> Bool, fix: String) {
        var examples: [(AuditExample, AuditRow)] = []
        for account in active where !has(account) {
            if let org = organization(of: account), orgHas(org.organization) { continue }
            let detail = account.organizationId == nil ? "no \(what)" : "no \(what) on the account or its organization"
            examples.append(accountExample(account, detail, kind))
        }
        for org in activeOrganizations where !orgHas(org.organization) {
            examples.append(organizationExample(org, "no \(what) on the organization", kind))
        }
        add(kind, unit: "accounts and organizations", examples, fix: fix)
    }

    mutating func unusedDomainFields() {
        var holders: [String: [(name: String, domain: String)]] = [:]
        var touched: [String: Set<String>] = [:]
        var rows: [AuditRow] = []
        let fix = "matching reads the fields whose label or path says domain, website or URL: rename the field to say so (the `match` rule then reads it), or copy its values into the `domain` trait"
        for account in active {
            for hit in account.unusedDomains {
                holders[hit.key, default: []].append((account.name, hit.domain))
                touched[hit.key, default: []].insert(account.id)
                rows.append(row(account, .unusedDomainField, "`\(hit.key)` holds \(hit.domain); matching does not read it", fix))
            }
        }
        for org in activeOrganizations {
            for hit in input.organizationTraits.unusedDomains(in: org.organization.traits) {
                holders[hit.key, default: []].append((org.organization.displayName, hit.domain))
                rows.append(organizationRow(org, .unusedDomainField, "`\(hit.key)` holds \(hit.domain); matching does not read it", fix))
            }
        }
        let examples = holders.keys.sorted().map { key -> AuditExample in
            let list = (holders[key] ?? []).sorted { $0.name < $1.name }
            let label = input.fieldLabels[key].map { " (\"\($0)\")" } ?? ""
            let sample = list.prefix(3).map { "\($0.name): \($0.domain)" }.joined(separator: "; ")
            return AuditExample(level: .field, name: key,
                                detail: "\(list.count == 1 ? "1 value looks like a domain" : "\(list.count) values look like domains")\(label), e.g. \(sample); rename its label to \"\(Self.suggestedLabel(input.fieldLabels[key] ?? key))\"")
        }
        let accounts = touched.values.reduce(into: Set<String>()) { $0.formUnion($1) }.count
        report.findings.append(finding(.unusedDomainField, count: examples.count, unit: "fields", accounts: accounts, examples, fix: fix))
        report.rows += rows
    }

    /// A label that the matcher's `DomainTraits.mentionsDomain` would read.
    static func suggestedLabel(_ label: String) -> String {
        let base = label.split(separator: ".").last.map(String.init) ?? label
        return base + " domain"
    }

    // MARK: Assembly

    func share(_ accounts: Int) -> Double {
        report.activeAccounts == 0 ? 0 : (Double(accounts) / Double(report.activeAccounts) * 1000).rounded() / 1000
    }

    func finding(_ kind: AuditFinding.Kind, count: Int, unit: String, accounts: Int, _ examples: [AuditExample], fix: String,
                 note: String? = nil) -> AuditFinding {
        AuditFinding(kind: kind, count: count, unit: unit, accounts: accounts, share: share(accounts),
                     examples: Array(examples.prefix(Audit.exampleLimit)), fix: fix, note: note)
    }

    /// A finding whose subjects are accounts and organizations, each one example and one row.
    mutating func add(_ kind: AuditFinding.Kind, unit: String, _ subjects: [(AuditExample, AuditRow)], fix: String, note: String? = nil) {
        let sorted = subjects.sorted { a, b in
            a.0.level != b.0.level ? a.0.level == .account : a.0.name != b.0.name ? a.0.name < b.0.name : (a.0.id ?? "") < (b.0.id ?? "")
        }
        let accounts = Set(sorted.filter { $0.0.level == .account }.compactMap(\.0.id)).count
        report.findings.append(finding(kind, count: sorted.count, unit: unit, accounts: accounts, sorted.map(\.0), fix: fix, note: note))
        report.rows += sorted.map { pair in
            var row = pair.1
            row.fix = fix
            return row
        }
    }

    func accountExample(_ account: AccountSummary, _ detail: String, _ kind: AuditFinding.Kind) -> (AuditExample, AuditRow) {
        (AuditExample(level: .account, name: account.name, id: account.id, externalId: account.externalId, detail: detail),
         row(account, kind, detail, ""))
    }

    func organizationExample(_ org: OrganizationDirectory.Entry, _ detail: String, _ kind: AuditFinding.Kind) -> (AuditExample, AuditRow) {
        (AuditExample(level: .organization, name: org.organization.displayName, id: org.organization.id,
                      externalId: org.organization.externalId, detail: detail),
         organizationRow(org, kind, detail, ""))
    }

    func row(_ account: AccountSummary, _ kind: AuditFinding.Kind, _ detail: String, _ fix: String) -> AuditRow {
        AuditRow(kind: kind, level: .account, id: account.id, externalId: account.externalId, name: account.name,
                 churned: account.churned, detail: detail, fix: fix)
    }

    func organizationRow(_ org: OrganizationDirectory.Entry, _ kind: AuditFinding.Kind, _ detail: String, _ fix: String) -> AuditRow {
        AuditRow(kind: kind, level: .organization, id: org.organization.id, externalId: org.organization.externalId,
                 name: org.organization.displayName, churned: org.organization.churnedAt != nil, detail: detail, fix: fix)
    }

    static func byName(_ a: AccountSummary, _ b: AccountSummary) -> Bool { a.name != b.name ? a.name < b.name : a.id < b.id }

    /// `A, B and 3 more`
    static func list(_ names: [String]) -> String {
        names.count <= 3 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
    }
}
