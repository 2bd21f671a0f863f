import Foundation

/// A value as the account holds it and as its organization holds it. Real tenants often keep
/// health, MRR, renewal, NPS, segments and traits on the organization only (vitally-api.md,
/// field notes of 2026-12-06), so neither side alone is "the customer's" value.
public struct Sourced<Value: Sendable>: Sendable {
    public var account: Value?
    public var organization: Value?

    public init(account: Value?, organization: Value?) {
        self.account = account
        self.organization = organization
    }

    /// The value to act on: the account's, else its organization's.
    public var value: Value? { account ?? organization }
    /// True when only the organization holds a value.
    public var isFromOrganization: Bool { account == nil && organization != nil }

    /// In words (see `Customer.describe`): `organization` names it when both hold a value, `from`
    /// labels the organization's value when only it holds one.
    package func describe(organization name: String, from: String, _ format: (Value) -> String) -> String? {
        switch (account, organization) {
        case (let own?, let org?): return "\(format(own)) · organization \(name): \(format(org))"
        case (let own?, nil): return format(own)
        case (nil, let org?): return "\(format(org)) · \(from)"
        case (nil, nil): return nil
        }
    }
}

/// The account as a customer: its own values, else its organization's, each labelled with where
/// it came from. The one home of the rule "account value, else its organization's value, labelled";
/// `health`, `accounts show`, `timeline` and the brief all read through it.
public struct Customer: Sendable {
    public let account: Account
    public let organization: Organization?
    /// Why the organization the account names could not be read (its request and status); nil
    /// when it was read or the account names none. Its values are then unknown, not absent.
    public var organizationUnread: String?

    public init(account: Account, organization: Organization?, organizationUnread: String? = nil) {
        self.account = account
        self.organizationUnread = organizationUnread
        // An organization the account does not name is not its organization.
        self.organization = organization.flatMap { $0.id == account.organizationId || account.organizationId == nil ? $0 : nil }
    }

    /// The organization's name for labels ("from organization Hooli").
    public var organizationName: String? { organization?.displayName }

    public var healthScore: Sourced<Double> { Sourced(account: account.healthScore, organization: organization?.healthScore) }
    public var mrr: Sourced<Double> { Sourced(account: account.mrr, organization: organization?.mrr) }
    public var nextRenewalDate: Sourced<Date> {
        Sourced(account: account.nextRenewalDate, organization: organization?.nextRenewalDate)
    }
    public var npsScore: Sourced<Double> { Sourced(account: account.npsScore, organization: organization?.npsScore) }
    /// The NPS score with its promoters, passives and detractors.
    public var nps: Sourced<NPSSummary> {
        Sourced(account: account.npsScore.map { NPSSummary(score: $0, account.npsPromoterCount, account.npsPassiveCount, account.npsDetractorCount) },
                organization: organization.flatMap { org in
                    org.npsScore.map { NPSSummary(score: $0, org.npsPromoterCount, org.npsPassiveCount, org.npsDetractorCount) }
                })
    }
    /// Empty lists count as no value.
    public var segments: Sourced<[NamedRef]> {
        Sourced(account: account.segments.nilIfEmpty, organization: organization?.segments.nilIfEmpty)
    }

    /// One trait, from either side.
    public func trait(_ key: String) -> Sourced<JSONValue> {
        Sourced(account: account.traits[key].flatMap { $0.isNull ? nil : $0 },
                organization: organization?.traits[key].flatMap { $0.isNull ? nil : $0 })
    }

    /// Every trait key of the account, then the organization's keys the account lacks.
    public var traitKeys: [String] {
        var keys = account.traits.map(\.key)
        for (key, _) in organization?.traits ?? JSONObject() where !keys.contains(key) { keys.append(key) }
        return keys
    }

    /// One line for a customer whose organization could not be read: its values are unknown, not absent.
    public var unreadOrganizationLine: String? {
        organizationUnread.map { Self.unreadOrganizationLine(account.organizationId, $0) }
    }

    /// The line for organization `id` that could not be read, and why.
    package static func unreadOrganizationLine(_ id: String?, _ why: String) -> String {
        "its organization \(id ?? "?") could not be read, so its health, MRR, renewal and NPS are unknown: \(why)"
    }

    /// The label of a value that came from the organization.
    public var fromOrganization: String { "from organization \(organizationName ?? account.organizationId ?? "?")" }

    /// A value in words: the account's alone; the organization's labelled
    /// (`3.2/10 (poor) · from organization Hooli`); both when both hold one
    /// (`7.4/10 · organization Hooli: 6.8/10`). Nil when neither holds one.
    package func describe<T>(_ value: Sourced<T>, _ format: (T) -> String) -> String? {
        value.describe(organization: organizationName ?? "?", from: fromOrganization, format)
    }

    /// Where a value came from, for JSON: "account", "organization", "both" or null.
    package static func source<T>(_ value: Sourced<T>) -> JSONValue { JSONValue(value.source) }
}

extension Customer {
    /// Reads the organization an account names (`id`, nil or empty when it names none) with
    /// `client`. A read that fails comes back as its error, for the caller to word: the
    /// organization's values are then unknown, not absent. Errors that are not `VitallyError`s are
    /// thrown. The one home of "read the account's organization" for the shell, the brief and `doctor`.
    package static func readOrganization(_ id: String?, with client: VitallyClient) async throws -> (organization: Organization?, error: VitallyError?) {
        guard let id, !id.isEmpty else { return (nil, nil) }
        do {
            return (try await client.organization(id: id), nil)
        } catch let error as VitallyError {
            return (nil, error)
        }
    }

    /// What an account's organization `id` is called in a line: its name, else the id (no name, or not read).
    package static func organizationLabel(_ id: String, _ organization: Organization?) -> String {
        organization.map { $0.name.isEmpty ? id : $0.name } ?? id
    }
}

/// An NPS score and its response counts by category.
public struct NPSSummary: Sendable, Equatable, Encodable {
    public var score: Double
    public var promoters: Int
    public var passives: Int
    public var detractors: Int

    init(score: Double, _ promoters: Int?, _ passives: Int?, _ detractors: Int?) {
        self.score = score
        self.promoters = promoters ?? 0
        self.passives = passives ?? 0
        self.detractors = detractors ?? 0
    }
}

extension Array {
    /// Nil for an empty array.
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}

extension Sourced: Encodable where Value: Encodable {
    private enum CodingKeys: String, CodingKey { case value, source, account, organization }

    /// `{"value", "source", "account", "organization"}`: the value acted on, where it came from
    /// ("account", "organization", "both" or null) and each side's own.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(source, forKey: .source)
        try container.encode(account, forKey: .account)
        try container.encode(organization, forKey: .organization)
    }
}
