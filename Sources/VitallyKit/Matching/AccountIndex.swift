import Foundation

/// What matching needs to know about one account, small enough to cache on disk.
package struct AccountSummary: Sendable, Equatable {
    package var id: String
    package var name: String
    package var externalId: String?
    package var churned: Bool
    package var updatedAt: String
    package var healthScore: Double?
    package var mrr: Double?
    /// Segment names, for cohorts.
    package var segments: [String]
    /// (trait key, normalised domain) pairs.
    package var domains: [DomainHit]
    package var organizationId: String?
    /// `Account.ownerId`: the account owner, else the CSM.
    package var ownerId: String?
    /// Domain-looking values in traits that matching does not read (`DomainTraits.unusedDomains`).
    package var unusedDomains: [DomainHit]

    package init(account: Account, traits: DomainTraits) {
        id = account.id
        name = account.name
        externalId = account.externalId
        churned = account.isChurned
        updatedAt = account.raw["updatedAt"]?.string ?? ""
        healthScore = account.healthScore
        mrr = account.mrr
        segments = account.segments.map(\.name)
        domains = traits.domains(of: account).map { DomainHit(key: $0.key, domain: $0.domain) }
        organizationId = account.organizationId
        ownerId = account.ownerId
        unusedDomains = traits.unusedDomains(in: account.traits)
    }

    init?(json: JSONValue) {
        guard let id = json["id"]?.string, let name = json["name"]?.string else { return nil }
        self.id = id
        self.name = name
        externalId = json["externalId"]?.string
        churned = json["churned"]?.bool ?? false
        updatedAt = json["updatedAt"]?.string ?? ""
        healthScore = json["healthScore"]?.double
        mrr = json["mrr"]?.double
        segments = (json["segments"]?.array ?? []).compactMap(\.string)
        domains = Self.hits(json["domains"])
        organizationId = json["organizationId"]?.string
        ownerId = json["ownerId"]?.string
        unusedDomains = Self.hits(json["unusedDomains"])
    }

    private static func hits(_ json: JSONValue?) -> [DomainHit] {
        (json?.array ?? []).compactMap { pair in
            guard let key = pair[0]?.string, let domain = pair[1]?.string else { return nil }
            return DomainHit(key: key, domain: domain)
        }
    }

    var json: JSONValue {
        [
            "id": .string(id), "name": .string(name), "externalId": JSONValue(externalId), "churned": .bool(churned),
            "updatedAt": .string(updatedAt), "healthScore": JSONValue(healthScore), "mrr": JSONValue(mrr),
            "segments": .array(segments.map { .string($0) }), "domains": .array(domains.map { [.string($0.key), .string($0.domain)] }),
            "organizationId": JSONValue(organizationId), "ownerId": JSONValue(ownerId),
            "unusedDomains": .array(unusedDomains.map { [.string($0.key), .string($0.domain)] }),
        ]
    }
}

/// A domain found in an account trait.
package struct DomainHit: Sendable, Equatable, Hashable {
    package var key: String
    package var domain: String
}

/// Every account of a tenant with lookups by id, name and registrable domain.
package struct AccountIndex: Sendable {
    package private(set) var accounts: [AccountSummary] = []
    private var byId: [String: Int] = [:]
    private var byDomain: [String: [Int]] = [:]
    private var byOrganization: [String: [Int]] = [:]
    /// The newest `updatedAt` seen: an incremental refresh stops there.
    private(set) var newestUpdatedAt = ""

    package init(_ accounts: [AccountSummary] = []) {
        for account in accounts { upsert(account) }
    }

    package var count: Int { accounts.count }

    mutating func upsert(_ summary: AccountSummary) {
        if let index = byId[summary.id] {
            for hit in accounts[index].domains { byDomain[Domain.registrable(hit.domain)]?.removeAll { $0 == index } }
            if let organization = accounts[index].organizationId { byOrganization[organization]?.removeAll { $0 == index } }
            accounts[index] = summary
            addToIndex(summary, at: index)
        } else {
            accounts.append(summary)
            byId[summary.id] = accounts.count - 1
            addToIndex(summary, at: accounts.count - 1)
        }
        if summary.updatedAt > newestUpdatedAt { newestUpdatedAt = summary.updatedAt }
    }

    private mutating func addToIndex(_ summary: AccountSummary, at position: Int) {
        for hit in summary.domains {
            let key = Domain.registrable(hit.domain)
            if !(byDomain[key]?.contains(position) ?? false) { byDomain[key, default: []].append(position) }
        }
        if let organization = summary.organizationId { byOrganization[organization, default: []].append(position) }
    }

    package func account(id: String) -> AccountSummary? { byId[id].map { accounts[$0] } }

    /// Accounts whose domain traits share the registrable domain of `domain`.
    package func accounts(forDomain domain: String) -> [AccountSummary] {
        (byDomain[Domain.registrable(domain)] ?? []).map { accounts[$0] }
    }

    /// The accounts of an organization, in scan order (what `organizations/:id/accounts` lists, without the request).
    package func accounts(inOrganization id: String) -> [AccountSummary] {
        (byOrganization[id] ?? []).map { accounts[$0] }
    }

    /// Case-insensitive name matches: exact ones when there are any, else those containing the text.
    package func accounts(named text: String) -> [AccountSummary] {
        let needle = text.lowercased()
        let exact = accounts.filter { $0.name.lowercased() == needle || $0.externalId?.lowercased() == needle }
        if !exact.isEmpty { return exact }
        return accounts.filter { $0.name.lowercased().contains(needle) }
    }

    /// Name or domain contains the text.
    package func search(_ text: String) -> [AccountSummary] {
        let needle = text.lowercased()
        return accounts.filter { summary in
            summary.name.lowercased().contains(needle) || summary.domains.contains { $0.domain.contains(needle) }
                || summary.externalId?.lowercased() == needle || summary.id == text
        }
    }

    /// The cache file's JSON.
    package func json(tenant: String, domainKeys: [String], scannedAt: Date) -> JSONValue {
        [
            "version": 3, "tenant": .string(tenant), "scannedAt": .string(VitallyDate.format(scannedAt)),
            "domainKeys": .array(domainKeys.map { .string($0) }), "accounts": .array(accounts.map(\.json)),
        ]
    }

    /// Reads a cache file written by `json(...)`; nil when it is not one (version 2 lacked the
    /// organization, owner and unused-domain fields the audit reads: it is rescanned).
    package static func from(json: JSONValue) -> (index: AccountIndex, domainKeys: [String])? {
        guard json["version"]?.int == 3, let rows = json["accounts"]?.array else { return nil }
        let index = AccountIndex(rows.compactMap(AccountSummary.init(json:)))
        return (index, (json["domainKeys"]?.array ?? []).compactMap(\.string))
    }
}
