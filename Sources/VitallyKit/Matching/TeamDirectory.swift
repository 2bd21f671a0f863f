import Foundation

/// Our own team: Vitally admins and their email domains, so internal attendees are not
/// mistaken for customers.
public actor TeamDirectory {
    let client: VitallyClient
    private var loaded: (emails: Set<String>, domains: Set<String>, listed: Bool)?

    public init(client: VitallyClient) { self.client = client }

    /// `GET /resources/admins` is not in the current docs (Airbyte uses it); when it fails,
    /// fall back to `admins/search?email=` per attendee.
    func load() async throws -> (emails: Set<String>, domains: Set<String>, listed: Bool) {
        if let loaded { return loaded }
        var result: (Set<String>, Set<String>, Bool) = ([], [], false)
        do {
            let admins = try await client.admins().collect()
            let emails = Set(admins.compactMap { $0.email?.lowercased() })
            let domains = Set(emails.compactMap(Domain.ofEmail).filter { !Domain.isFreeMail($0) })
            result = (emails, domains, true)
        } catch let error as VitallyError where error.code == .notFound || error.code == .forbidden || error.code == .badRequest {
            result = ([], [], false)
        }
        loaded = result
        return result
    }

    /// Whether the address belongs to one of our admins or to their company domain.
    public func isInternal(_ email: String) async throws -> Bool {
        let team = try await load()
        let lower = email.lowercased()
        if team.emails.contains(lower) { return true }
        if let domain = Domain.ofEmail(lower), team.domains.contains(Domain.registrable(domain)) || team.domains.contains(domain) {
            return true
        }
        if !team.listed { return try await client.searchAdmin(email: email) != nil }
        return false
    }

    public func domains() async throws -> Set<String> { try await load().domains }
}
