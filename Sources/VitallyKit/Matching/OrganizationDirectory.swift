import Foundation

/// The tenant's organizations, read once per session: for the "domain lives only on an
/// organization" rule, `organizations search` (Vitally has no name search) and the doctor's
/// data-location finding. The scan is bounded; `capped` says when it stopped early.
package actor OrganizationDirectory {
    /// An organization and the domains its traits hold.
    package struct Entry: Sendable, Equatable {
        package var organization: Organization
        package var domains: [DomainHit]
    }

    /// What one scan read.
    package struct Scan: Sendable {
        package var entries: [Entry]
        /// True when `limit` stopped the scan before Vitally's last page.
        package var capped: Bool
        package var limit: Int
        /// Set when `customFields?model=organizations` could not be read (well-known keys only).
        package var customFieldsFailure: VitallyError?
        package var keys: [String]

        /// Organizations whose domain traits share the registrable domain of `domain`.
        package func organizations(forDomain domain: String) -> [(entry: Entry, hit: DomainHit)] {
            let parent = Domain.registrable(domain)
            return entries.compactMap { entry in
                entry.domains.first { Domain.registrable($0.domain) == parent }.map { (entry, $0) }
            }
        }

        /// Name, externalId or id matches: exact ones when there are any, else names containing the text.
        package func organizations(named text: String) -> [Organization] {
            let needle = text.lowercased()
            let all = entries.map(\.organization)
            let exact = all.filter { $0.name.lowercased() == needle || $0.externalId?.lowercased() == needle || $0.id == text }
            return exact.isEmpty ? all.filter { $0.name.lowercased().contains(needle) } : exact
        }
    }

    /// Organizations read at most (100 a page): a tenant with more is searched in part, and says so.
    package static let scanLimit = 2_000

    let client: VitallyClient
    private let scan = SharedRead<Scan>()

    package init(client: VitallyClient) { self.client = client }

    /// The scan, read on first use; concurrent callers (a calendar's attendees) share one read.
    /// A `customFields` failure other than a cancellation falls back on the well-known keys, as for accounts.
    package func load() async throws -> Scan {
        try await scan.get { try await self.read() }
    }

    private func read() async throws -> Scan {
        var traits: DomainTraits
        do {
            traits = DomainTraits(customFields: try await client.customFields(model: "organizations"))
        } catch let error as VitallyError where error.code != .cancelled {
            traits = DomainTraits(fallbackAfter: error)
        }
        let limit = Self.scanLimit
        let organizations = try await client.organizations().collect(limit: limit + 1)
        let entries = organizations.prefix(limit).map { org in
            Entry(organization: org, domains: traits.domains(in: org.traits).map { DomainHit(key: $0.key, domain: $0.domain) })
        }
        return Scan(entries: Array(entries), capped: organizations.count > limit, limit: limit,
                    customFieldsFailure: traits.customFieldsFailure, keys: traits.keys)
    }
}
