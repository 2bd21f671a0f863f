import Foundation

/// A tenant's matchability: how attendees could reach each active account, and what to fix in
/// Vitally so they can (`audit`). Computed by `Audit.report(_:)` from what the matcher reads.
package struct AuditReport: Sendable, Equatable, Encodable {
    /// Accounts the scan read, active and churned.
    package var accounts: Int
    package var activeAccounts: Int
    package var churnedAccounts: Int
    package var organizations: Int
    /// True when the organization scan stopped at its cap (`OrganizationDirectory.scanLimit`).
    package var organizationsCapped: Bool
    /// Users read with `--users`; nil when they were not asked for.
    package var usersRead: Int?
    /// True when the user read stopped at its bound.
    package var usersCapped: Bool
    /// The team's own email domains (active admins'); empty and `teamListed` false when the admins could not be listed.
    package var teamDomains: [String]
    package var teamListed: Bool
    /// Active accounts by the best way an attendee can reach them.
    package var reach: [AuditReach]
    package var findings: [AuditFinding]
    /// Every account and organization to fix, one row per finding (`--csv`); not in the JSON.
    package var rows: [AuditRow]

    enum CodingKeys: String, CodingKey {
        case accounts, activeAccounts, churnedAccounts, organizations, organizationsCapped, usersRead, usersCapped
        case teamDomains, teamListed, reach, findings, accountsToFix
    }

    /// `usersRead` is `null` when users were not read (never left out); `rows` stay for the CSV.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(accounts, forKey: .accounts)
        try c.encode(activeAccounts, forKey: .activeAccounts)
        try c.encode(churnedAccounts, forKey: .churnedAccounts)
        try c.encode(organizations, forKey: .organizations)
        try c.encode(organizationsCapped, forKey: .organizationsCapped)
        try c.encode(usersRead, forKey: .usersRead)
        try c.encode(usersCapped, forKey: .usersCapped)
        try c.encode(teamDomains, forKey: .teamDomains)
        try c.encode(teamListed, forKey: .teamListed)
        try c.encode(reach, forKey: .reach)
        try c.encode(findings, forKey: .findings)
        try c.encode(accountsToFix, forKey: .accountsToFix)
    }

    /// Distinct active accounts with at least one finding.
    package var accountsToFix: Int {
        Set(rows.filter { $0.level == .account && !$0.churned }.map(\.id)).count
    }

    /// The finding of one kind.
    package func finding(_ kind: AuditFinding.Kind) -> AuditFinding? { findings.first { $0.kind == kind } }
}

/// How many active accounts an attendee can reach one way (the bars of the summary).
package struct AuditReach: Sendable, Equatable, Encodable {
    package enum Way: String, Sendable, Equatable, Encodable, CaseIterable {
        /// The account's own domain trait holds a domain (rule 3).
        case accountTrait
        /// Only its organization's domain trait does (rule 4).
        case organizationTrait
        /// No trait, but its users are at a company domain (rule 2; known only with `--users`).
        case userDomain
        /// No domain anywhere: only attendees who are its Vitally users (rule 1) reach it.
        case contactOnly
    }

    package var way: Way
    package var accounts: Int
    package var share: Double
    /// Whether this way finds the account from an attendee's domain (every way but `contactOnly`).
    package var matchable: Bool { way != .contactOnly }
}

/// One kind of problem, with how many it touches, examples, and the fix to make in Vitally.
package struct AuditFinding: Sendable, Equatable, Encodable {
    package enum Kind: String, Sendable, Equatable, Encodable, CaseIterable {
        case noDomain, sharedDomain, churnedDomain, freeMailOnly, internalDomain, unmatchableName
        case noHealthScore, noMRR, noOwner, unusedDomainField
    }

    package var kind: Kind
    /// What is counted: accounts and organizations, domains, or fields (`unit`).
    package var count: Int
    package var unit: String
    /// Active accounts it touches, and their share of all active accounts (0...1, three decimals).
    package var accounts: Int
    package var share: Double
    /// Up to `Audit.exampleLimit`, ordered by name.
    package var examples: [AuditExample]
    package var fix: String
    /// Said when the check could not be complete (users not read, admins not listed, a scan capped).
    package var note: String?
}

/// Where an example sits.
package enum AuditLevel: String, Sendable, Equatable, Encodable {
    case account, organization, domain, field
}

/// One account, organization, domain or field a finding names.
package struct AuditExample: Sendable, Equatable, Encodable {
    package var level: AuditLevel
    /// The account's or organization's name, the domain, or the field's path.
    package var name: String
    package var id: String?
    package var externalId: String?
    /// What is wrong with it, in a few words (`shared by Stark Industries, Stark Industries EMEA`).
    package var detail: String
}

/// One account or organization to fix, for the CSV.
package struct AuditRow: Sendable, Equatable {
    package var kind: AuditFinding.Kind
    package var level: AuditLevel
    package var id: String
    package var externalId: String?
    package var name: String
    package var churned: Bool
    package var detail: String
    package var fix: String
}
