import Foundation

/// What the audit reads, gathered by `Auditor` (or built by hand in tests): the matcher's own
/// account scan and organization scan, the team's domains, field labels and, when asked, users.
package struct AuditInput: Sendable {
    package var accounts: [AccountSummary]
    package var organizations: [OrganizationDirectory.Entry]
    package var organizationsCapped: Bool
    /// The organizations' domain keys, to find their domain-looking values matching does not read.
    package var organizationTraits: DomainTraits
    /// Custom field labels by path (accounts' and organizations'), for naming unused domain fields.
    package var fieldLabels: [String: String]
    /// `TeamDirectory.domains()`: the registrable domains of active admins.
    package var teamDomains: Set<String>
    package var teamListed: Bool
    /// Nil when users were not read.
    package var users: [AuditUser]?
    package var usersCapped: Bool

    package init(accounts: [AccountSummary], organizations: [OrganizationDirectory.Entry], organizationsCapped: Bool = false,
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
package struct AuditUser: Sendable, Equatable {
    /// Nil when the address has no usable domain.
    package var domain: String?
    package var accountIds: [String]
    package var organizationIds: [String]

    package init(_ user: User) {
        domain = user.email.flatMap(Domain.ofEmail).map(Domain.registrable)
        accountIds = user.accountIds
        organizationIds = user.organizationIds
    }
}
