import Foundation

/// Whether an address is on our own team, and which admin says so.
public enum TeamVerdict: Sendable, Equatable {
    /// The address is an active admin's own.
    case admin(Admin)
    /// The address shares its domain with an active admin.
    case adminDomain(String, admin: Admin)
    /// An active admin has an address at the domain, but Vitally also holds it as a customer's
    /// (users there belong to accounts, or accounts' domain traits hold it), so it is not internal.
    case customerDomain(String, admin: Admin, evidence: CustomerEvidence)
    /// Nothing ties the address to our team.
    case notInternal

    public var isInternal: Bool {
        switch self {
        case .admin, .adminDomain: return true
        case .customerDomain, .notInternal: return false
        }
    }

    /// The admin behind the verdict, if any.
    public var admin: Admin? {
        switch self {
        case .admin(let admin), .adminDomain(_, let admin), .customerDomain(_, let admin, _): return admin
        case .notInternal: return nil
        }
    }
}

/// What shows that Vitally holds a domain as a customer's.
public enum CustomerEvidence: Sendable, Equatable {
    /// This many Vitally users at the domain belong to accounts.
    case users(Int)
    /// These accounts hold the domain in a domain trait (`domain`, `website`, ...).
    case traits([DomainHolder])
    /// These organizations hold the domain in a domain trait: an organization-first tenant keeps
    /// the customer's domain there, its accounts' traits empty (vitally-api.md, field notes of 2026-12-06).
    case organizationTraits([DomainHolder])
}

/// An account (or, for `organizationTraits`, an organization) whose trait `key` holds a domain.
public struct DomainHolder: Sendable, Equatable {
    /// The account's or organization's name.
    public var account: String
    public var key: String

    public init(account: String, key: String) {
        self.account = account
        self.key = key
    }
}

/// Our own team: Vitally admins and their email domains, so internal attendees are not
/// mistaken for customers. Only admins whose `licenseStatus` is `active` count: auto-created
/// seats (integrations, people who were only mentioned) and deactivated ones often sit at a
/// customer's domain.
public actor TeamDirectory {
    struct Team {
        var emails: [String: Admin] = [:]
        var domains: [String: Admin] = [:]
        var listed = false
    }

    let client: VitallyClient
    private let loaded = SharedRead<Team>()
    private var customerUsersByDomain: [String: Task<Int, any Error>] = [:]

    public init(client: VitallyClient) { self.client = client }

    /// Admins with `licenseStatus` active. A missing status counts as active: older payloads
    /// (vitally-api.md §6.4) may not carry it.
    static func isActive(_ admin: Admin) -> Bool {
        guard let status = admin.licenseStatus?.lowercased(), !status.isEmpty else { return true }
        return status == "active"
    }

    /// `GET /resources/admins` is not in the current docs (Airbyte uses it); when it fails,
    /// fall back to `admins/search?email=` per attendee.
    /// Concurrent callers (a calendar's attendees) share one read.
    func load() async throws -> Team {
        try await loaded.get { try await self.read() }
    }

    private func read() async throws -> Team {
        var team = Team()
        do {
            for admin in try await client.admins().collect() where Self.isActive(admin) {
                guard let email = admin.email?.lowercased() else { continue }
                if team.emails[email] == nil { team.emails[email] = admin }
                if let domain = Domain.ofEmail(email), !Domain.isFreeMail(domain), team.domains[Domain.registrable(domain)] == nil {
                    team.domains[Domain.registrable(domain)] = admin
                }
            }
            team.listed = true
        } catch let error as VitallyError where error.code == .notFound || error.code == .forbidden || error.code == .badRequest {
            team.listed = false
        }
        return team
    }

    /// How many Vitally users at the domain belong to accounts, admins' own addresses aside: one
    /// search per domain, shared by concurrent callers; a failed one is asked again next time.
    private func customerUsers(at domain: String, team: Team) async throws -> Int {
        let task = customerUsersByDomain[domain] ?? Task { [client] in
            let users = try await client.searchUsers(.emailSubdomain(domain))
            return users.filter { !$0.accountIds.isEmpty && team.emails[$0.email?.lowercased() ?? ""] == nil }.count
        }
        customerUsersByDomain[domain] = task
        do {
            return try await task.value
        } catch {
            customerUsersByDomain[domain] = nil
            throw error
        }
    }

    /// Whether the address is ours, and why. An admin's domain stays a customer's when Vitally
    /// users there belong to accounts, or when an account of `accounts` (the matcher's scan,
    /// cached) or one of the tenant's organizations holds it in a domain trait.
    public func verdict(for email: String, accounts: AccountDirectory? = nil) async throws -> TeamVerdict {
        let team = try await load()
        let lower = email.lowercased()
        if let admin = team.emails[lower] { return .admin(admin) }
        if let domain = Domain.ofEmail(lower), let admin = team.domains[Domain.registrable(domain)] {
            let registrable = Domain.registrable(domain)
            let customers = try await customerUsers(at: registrable, team: team)
            if customers > 0 { return .customerDomain(registrable, admin: admin, evidence: .users(customers)) }
            if let accounts {
                let holders = try await accounts.load().accounts(forDomain: registrable).map { summary in
                    DomainHolder(account: summary.name, key: summary.domains.first { Domain.registrable($0.domain) == registrable }?.key ?? "?")
                }
                if !holders.isEmpty { return .customerDomain(registrable, admin: admin, evidence: .traits(holders)) }
                let organizations = try await organizationHolders(of: registrable, in: accounts)
                if !organizations.isEmpty { return .customerDomain(registrable, admin: admin, evidence: .organizationTraits(organizations)) }
            }
            return .adminDomain(registrable, admin: admin)
        }
        if !team.listed, let admin = try await client.searchAdmin(email: email), Self.isActive(admin) { return .admin(admin) }
        return .notInternal
    }

    /// Organizations whose domain traits hold `domain` (the scan matching's rule 4 reads too); none
    /// when the token may not read organizations, as rule 4 leaves the account rules' answer standing.
    private func organizationHolders(of domain: String, in accounts: AccountDirectory) async throws -> [DomainHolder] {
        let scan: OrganizationDirectory.Scan
        do {
            scan = try await accounts.organizations.load()
        } catch let error as VitallyError where error.code == .forbidden {
            return []
        }
        return scan.organizations(forDomain: domain).map { DomainHolder(account: $0.entry.organization.displayName, key: $0.hit.key) }
    }

    /// Whether the address belongs to one of our active admins or to their company domain.
    public func isInternal(_ email: String) async throws -> Bool { try await verdict(for: email).isInternal }

    /// The domains that make an address internal (before the customer-domain check).
    public func domains() async throws -> Set<String> { Set(try await load().domains.keys) }

    /// Whether `GET /resources/admins` could be read (else `domains()` is empty because it is unknown).
    public func isListed() async throws -> Bool { try await load().listed }
}
