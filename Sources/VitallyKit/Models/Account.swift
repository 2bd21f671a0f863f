import Foundation

/// A customer account (`/resources/accounts`). Domains live in `traits`, not in a field.
public struct Account: VitallyModel, Equatable {
    public var id: String
    public var externalId: String?
    public var name: String
    public var traits: JSONObject
    public var organizationId: String?
    public var accountOwnerId: String?
    public var mrr: Double?
    public var nextRenewalDate: Date?
    public var churnedAt: Date?
    public var firstSeenTimestamp: Date?
    public var lastSeenTimestamp: Date?
    public var lastInboundMessageTimestamp: Date?
    public var lastOutboundMessageTimestamp: Date?
    public var trialEndDate: Date?
    public var usersCount: Int?
    public var npsDetractorCount: Int?
    public var npsPassiveCount: Int?
    public var npsPromoterCount: Int?
    public var npsScore: Double?
    /// 0-10.
    public var healthScore: Double?
    public var csmId: String?
    public var accountExecutiveId: String?
    public var keyRoles: [KeyRole]
    public var segments: [NamedRef]
    public var createdAt: Date?
    public var updatedAt: Date?
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        externalId = json["externalId"]?.string
        name = json["name"]?.string ?? ""
        traits = json["traits"]?.object ?? JSONObject()
        organizationId = json["organizationId"]?.string
        accountOwnerId = json["accountOwnerId"]?.string
        mrr = json["mrr"]?.double
        nextRenewalDate = json["nextRenewalDate"]?.date
        churnedAt = json["churnedAt"]?.date
        firstSeenTimestamp = json["firstSeenTimestamp"]?.date
        lastSeenTimestamp = json["lastSeenTimestamp"]?.date
        lastInboundMessageTimestamp = json["lastInboundMessageTimestamp"]?.date
        lastOutboundMessageTimestamp = json["lastOutboundMessageTimestamp"]?.date
        trialEndDate = json["trialEndDate"]?.date
        usersCount = json["usersCount"]?.int
        npsDetractorCount = json["npsDetractorCount"]?.int
        npsPassiveCount = json["npsPassiveCount"]?.int
        npsPromoterCount = json["npsPromoterCount"]?.int
        npsScore = json["npsScore"]?.double
        healthScore = json["healthScore"]?.double
        csmId = json["csmId"]?.string
        accountExecutiveId = json["accountExecutiveId"]?.string
        keyRoles = json.list("keyRoles", KeyRole.init(json:))
        segments = json.list("segments", NamedRef.init(json:))
        createdAt = json["createdAt"]?.date
        updatedAt = json["updatedAt"]?.date
        raw = json
    }

    public var isChurned: Bool { churnedAt != nil }

    /// The team member who owns the account: its `accountOwnerId`, else its CSM.
    public var ownerId: String? { accountOwnerId ?? csmId }
}

/// A key role on an account: a label ("CSM") held by a team member.
public struct KeyRole: Sendable, Equatable {
    public var label: String
    public var member: Admin?
    public init(json: JSONValue) {
        label = json["keyRole"]?["label"]?.string ?? ""
        member = json.nonNull("vitallyUser").map(Admin.init(json:))
    }
}

/// A parent organization (`/resources/organizations`).
public struct Organization: VitallyModel, Equatable {
    public var id: String
    public var externalId: String?
    public var name: String
    public var traits: JSONObject
    public var accountsCount: Int?
    public var usersCount: Int?
    public var healthScore: Double?
    public var mrr: Double?
    public var nextRenewalDate: Date?
    public var churnedAt: Date?
    public var npsScore: Double?
    public var npsDetractorCount: Int?
    public var npsPassiveCount: Int?
    public var npsPromoterCount: Int?
    public var segments: [NamedRef]
    public var keyRoles: [KeyRole]
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        externalId = json["externalId"]?.string
        name = json["name"]?.string ?? ""
        traits = json["traits"]?.object ?? JSONObject()
        accountsCount = json["accountsCount"]?.int
        usersCount = json["usersCount"]?.int
        healthScore = json["healthScore"]?.double
        mrr = json["mrr"]?.double
        nextRenewalDate = json["nextRenewalDate"]?.date
        churnedAt = json["churnedAt"]?.date
        npsScore = json["npsScore"]?.double
        npsDetractorCount = json["npsDetractorCount"]?.int
        npsPassiveCount = json["npsPassiveCount"]?.int
        npsPromoterCount = json["npsPromoterCount"]?.int
        segments = json.list("segments", NamedRef.init(json:))
        keyRoles = json.list("keyRoles", KeyRole.init(json:))
        raw = json
    }

    /// The name to label its values with: its id when it has no name.
    public var displayName: String { name.isEmpty ? id : name }

    /// The team member who owns the organization: `organizationOwnerId` (newer docs), else
    /// `accountOwnerId` (older schemas), else its CSM (vitally-api.md, open question 11).
    public var ownerId: String? {
        raw["organizationOwnerId"]?.string ?? raw["accountOwnerId"]?.string ?? raw["csmId"]?.string
    }
}
