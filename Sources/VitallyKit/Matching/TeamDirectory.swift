import Foundation

/// Whether an address is on our own team, and which admin says so.
public enum TeamVerdict: Sendable, Equatable {
    /// The address is an active admin's own.
    case admin(Admin)
    /// The address shares its domain with an active admin.
    case adminDomain(String, admin: Admin)
    /// An active admin has an address at the domain, but Vitally also holds it as a customer's
    /// (`customerUsers` users there belong to accounts), so it is not treated as internal.
    case customerDomain(String, admin: Admin, customerUsers: Int)
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
    private var loaded: Team?
    private var customerUsersByDomain: [String: Int] = [:]

    public init(client: VitallyClient) { self.client = client }

    /// Admins with `licenseStatus` active. A missing status counts as active: older payloads
    /// (vitally-api.md §6.4) may not carry it.
    static func isActive(_ admin: Admin) -> Bool {
        guard let status = admin.licenseStatus?.lowercased(), !status.isEmpty else { return true }
        return status == "active"
    }

    /// `GET /resources/admins` is not in the current docs (Airbyte uses it); when it fails,
    /// fall back to `admins/search?email=` per attendee.
    func load() async throws -> Team {
        if let loaded { return loaded }
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
        loaded = team
        return team
    }

    /// How many Vitally users at the domain belong to accounts, admins' own addresses aside.
    private func customerUsers(at domain: String, team: Team) async throws -> Int {
        if let known = customerUsersByDomain[domain] { return known }
        let users = try await client.searchUsers(.emailSubdomain(domain))
        let count = users.filter { !$0.accountIds.isEmpty && team.emails[$0.email?.lowercased() ?? ""] == nil }.count
        customerUsersByDomain[domain] = count
        return count
    }

    /// Whether the address is ours, and why.
    public func verdict(for email: String) async throws -> TeamVerdict {
        let team = try await load()
        let lower = email.lowercased()
        if let admin = team.emails[lower] { return .admin(admin) }
        if let domain = Domain.ofEmail(lower), let admin = team.domains[Domain.registrable(domain)] {
            let registrable = Domain.registrable(domain)
            let customers = try await customerUsers(at: registrable, team: team)
            return customers > 0 ? .customerDomain(registrable, admin: admin, customerUsers: customers) : .adminDomain(registrable, admin: admin)
        }
        if !team.listed, let admin = try await client.searchAdmin(email: email), Self.isActive(admin) { return .admin(admin) }
        return .notInternal
    }

    /// Whether the address belongs to one of our active admins or to their company domain.
    public func isInternal(_ email: String) async throws -> Bool { try await verdict(for: email).isInternal }

    /// The domains that make an address internal (before the customer-domain check).
    public func domains() async throws -> Set<String> { Set(try await load().domains.keys) }
}
