import Foundation

/// Where a tenant keeps its customers' data: on accounts, or on organizations with the accounts'
/// fields left empty (the shape public evidence describes for real tenants). Information, never a failure.
package struct DataLocation: Sendable, Equatable, Encodable {
    /// One field counted on both sides of a sample.
    package struct Count: Sendable, Equatable, Encodable {
        package var field: String
        package var accounts: Int
        package var organizations: Int
    }

    package var accountsRead: Int
    package var organizationsRead: Int
    /// True when a side had more than the one page read.
    package var sampled: Bool
    package var counts: [Count]

    /// The fields both sides are counted on: health, MRR, renewal, NPS, segments, traits (the
    /// shell shows the first four fields either side holds).
    static let fields: [(name: String, holds: @Sendable (JSONValue) -> Bool)] = [
        ("health", { $0.nonNull("healthScore") != nil }), ("MRR", { $0.nonNull("mrr") != nil }),
        ("renewal", { $0.nonNull("nextRenewalDate") != nil }), ("NPS", { $0.nonNull("npsScore") != nil }),
        ("segments", { !($0["segments"]?.array ?? []).isEmpty }), ("traits", { !($0["traits"]?.object ?? JSONObject()).isEmpty }),
    ]

    init(accounts: [JSONValue], organizations: [JSONValue], sampled: Bool) {
        accountsRead = accounts.count
        organizationsRead = organizations.count
        self.sampled = sampled
        counts = Self.fields.map { field in
            Count(field: field.name, accounts: accounts.filter(field.holds).count, organizations: organizations.filter(field.holds).count)
        }
    }

    /// The data lives on the organization: organizations hold health (or MRR) proportionally more
    /// often than accounts do, and most accounts lack it.
    package var livesOnOrganizations: Bool {
        guard accountsRead > 0, organizationsRead > 0 else { return false }
        return counts.prefix(2).contains { count in
            let onAccounts = Double(count.accounts) / Double(accountsRead)
            let onOrganizations = Double(count.organizations) / Double(organizationsRead)
            return onAccounts < 0.5 && onOrganizations > onAccounts
        }
    }
}

extension Doctor {
    /// Reads one page of accounts and one of organizations, and says where the data lives. Nil when
    /// either is refused (the read-access check already says why) or there are no accounts; a read
    /// that failed otherwise (after retries, a timeout) is an inconclusive WARN naming it.
    func dataLocation() async -> DoctorCheck? { await Self.dataLocation(client: context.client) }

    /// The data-location check on its own (the MCP server's instructions say where the data lives).
    package static func dataLocation(client: VitallyClient) async -> DoctorCheck? {
        async let accountPage = Self.attempt { try await client.firstPage(VitallyPath.accounts, limit: 100, as: Account.self) }
        async let organizationPage = Self.attempt { try await client.firstPage(VitallyPath.organizations, limit: 100, as: Organization.self) }
        let (accountRead, organizationRead) = await (accountPage, organizationPage)
        let failures = [accountRead.error, organizationRead.error].compactMap { $0 }.filter { $0.status != 403 }
        if !failures.isEmpty { return DoctorCheck("6", .dataLocation, .warn, .locationUnread(failures), inconclusive: true) }
        guard let accounts = accountRead.page, let organizations = organizationRead.page, !accounts.results.isEmpty else { return nil }
        guard !organizations.results.isEmpty else { return DoctorCheck("6", .dataLocation, .pass, .noOrganizations) }
        let sampled = (accounts.next != nil && !accounts.atEnd) || (organizations.next != nil && !organizations.atEnd)
        let location = DataLocation(accounts: accounts.results.map(\.raw), organizations: organizations.results.map(\.raw), sampled: sampled)
        return DoctorCheck("6", .dataLocation, .pass, .dataLocated(location))
    }
}

extension Doctor {
    /// A page, or the error that stopped it.
    static func attempt<T: Sendable>(_ read: @Sendable () async throws -> T) async -> (page: T?, error: VitallyError?) {
        do {
            return (try await read(), nil)
        } catch let error as VitallyError {
            return (nil, error)
        } catch {
            return (nil, nil)
        }
    }
}
