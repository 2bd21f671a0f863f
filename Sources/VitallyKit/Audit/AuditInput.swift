import Foundation

/// What the audit reads, gathered by `Auditor` (or built by hand in tests): the matcher's own
/// account scan and organization scan, the team's domains, field labels and, when asked, users.
public struct AuditInput: Sendable {
    public var accounts: [AccountSummary]
    public var organizations: [OrganizationDirectory.Entry]
    public var organizationsCapped: Bool
    /// The organizations' domain keys, to find their domain-looking values matching does not read.
    public var organizationTraits: DomainTraits
    /// Custom field labels by path (accounts' and organizations'), for naming unused domain fields.
    public var fieldLabels: [String: String]
    /// `TeamDirectory.domains()`: the registrable domains of active admins.
    public var teamDomains: Set<String>
    public var teamListed: Bool
    /// Nil when users were not read.
    public var users: [AuditUser]?
    public var usersCapped: Bool

    public init(accounts: [AccountSummary], organizations: [OrganizationDirectory.Entry], organizationsCapped: Bool = false,
                organizationTraits: DomainTraits = DomainTraits(), fieldLabels: [String: String] = [:], teamDomains: Set<String>,
                teamListed: Bool = true, users: [AuditUser]? = nil, usersCapped: Bool = false) {
        self.accounts = accounts
        self.organizations = organizations
        self.organizationsCapped = organizationsCapped
        self.organizationTraits = organizationTraits
        self.fieldLabels = fieldLabels
        self.teamDomains = teamDomains
        self.teamListed = teamListed
        self.users = users
        self.usersCapped = usersCapped
    }
}

/// What the audit keeps of a Vitally user: the registrable domain of their address and their links.
public struct AuditUser: Sendable, Equatable {
    /// Nil when the address has no usable domain.
    public var domain: String?
    public var accountIds: [String]
    public var organizationIds: [String]

    public init(_ user: User) {
        domain = user.email.flatMap(Domain.ofEmail).map(Domain.registrable)
        accountIds = user.accountIds
        organizationIds = user.organizationIds
    }
}
