import Foundation

/// A tenant's matchability: how attendees could reach each active account, and what to fix in
/// Vitally so they can (`audit`). Computed by `Audit.report(_:)` from what the matcher reads.
public struct AuditReport: Sendable, Equatable, Encodable {
    /// Accounts the scan read, active and churned.
    public var accounts: Int
    public var activeAccounts: Int
    public var churnedAccounts: Int
    public var organizations: Int
    /// True when the organization scan stopped at its cap (`OrganizationDirectory.scanLimit`).
    public var organizationsCapped: Bool
    /// Users read with `--users`; nil when they were not asked for.
    public var usersRead: Int?
    /// True when the user read stopped at its bound.
    public var usersCapped: Bool
    /// The team's own email domains (active admins'); empty and `teamListed` false when the admins could not be listed.
    public var teamDomains: [String]
    public var teamListed: Bool
    /// Active accounts by the best way an attendee can reach them.
    public var reach: [AuditReach]
    public var findings: [AuditFinding]
    /// Every account and organization to fix, one row per finding (`--csv`); not in the JSON.
    public var rows: [AuditRow]

    enum CodingKeys: String, CodingKey {
        case accounts, activeAccounts, churnedAccounts, organizations, organizationsCapped, usersRead, usersCapped
        case teamDomains, teamListed, reach, findings
    }

    /// Distinct active accounts with at least one finding.
    public var accountsToFix: Int {
        Set(rows.filter { $0.level == .account && !$0.churned }.map(\.id)).count
    }

    /// The finding of one kind.
    public func finding(_ kind: AuditFinding.Kind) -> AuditFinding? { findings.first { $0.kind == kind } }
}

/// How many active accounts an attendee can reach one way (the bars of the summary).
public struct AuditReach: Sendable, Equatable, Encodable {
    public enum Way: String, Sendable, Equatable, Encodable, CaseIterable {
        /// The account's own domain trait holds a domain (rule 3).
        case accountTrait
        /// Only its organization's domain trait does (rule 4).
        case organizationTrait
        /// No trait, but its users are at a company domain (rule 2; known only with `--users`).
        case userDomain
        /// No domain anywhere: only attendees who are its Vitally users (rule 1) reach it.
        case contactOnly
    }

    public var way: Way
    public var accounts: Int
    public var share: Double
    /// Whether this way finds the account from an attendee's domain (every way but `contactOnly`).
    public var matchable: Bool { way != .contactOnly }
}

/// One kind of problem, with how many it touches, examples, and the fix to make in Vitally.
public struct AuditFinding: Sendable, Equatable, Encodable {
    public enum Kind: String, Sendable, Equatable, Encodable, CaseIterable {
        case noDomain, sharedDomain, churnedDomain, freeMailOnly, internalDomain, unmatchableName
        case noHealthScore, noMRR, noOwner, unusedDomainField
    }

    public var kind: Kind
    /// What is counted: accounts and organizations, domains, or fields (`unit`).
    public var count: Int
    public var unit: String
    /// Active accounts it touches, and their share of all active accounts (0...1, three decimals).
    public var accounts: Int
    public var share: Double
    /// Up to `Audit.exampleLimit`, ordered by name.
    public var examples: [AuditExample]
    public var fix: String
    /// Said when the check could not be complete (users not read, admins not listed, a scan capped).
    public var note: String?
}

/// Where an example sits.
public enum AuditLevel: String, Sendable, Equatable, Encodable {
    case account, organization, domain, field
}

/// One account, organization, domain or field a finding names.
public struct AuditExample: Sendable, Equatable, Encodable {
    public var level: AuditLevel
    /// The account's or organization's name, the domain, or the field's path.
    public var name: String
    public var id: String?
    public var externalId: String?
    /// What is wrong with it, in a few words (`shared by Stark Industries, Stark Industries EMEA`).
    public var detail: String
}

/// One account or organization to fix, for the CSV.
public struct AuditRow: Sendable, Equatable {
    public var kind: AuditFinding.Kind
    public var level: AuditLevel
    public var id: String
    public var externalId: String?
    public var name: String
    public var churned: Bool
    public var detail: String
    public var fix: String
}
