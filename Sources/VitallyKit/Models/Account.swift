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
        raw = json
    }
}

/// One line of `/accounts/:id/healthScores`. The real shape is undocumented, so both a
/// list of `{name, score}` rows and an object keyed by indicator are read.
public struct HealthScoreEntry: Sendable, Equatable {
    public var id: String
    public var name: String
    public var score: Double?
    public var weight: Double?
    public var updatedAt: Date?

    public init(id: String, name: String, score: Double?, weight: Double? = nil, updatedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.score = score
        self.weight = weight
        self.updatedAt = updatedAt
    }

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        name = json["name"]?.string ?? json["label"]?.string ?? json["healthScoreName"]?.string ?? "Score"
        score = json["score"]?.double ?? json["value"]?.double
        weight = json["weight"]?.double
        updatedAt = json["updatedAt"]?.date
    }

    /// What `parse` accepts, for the notice when a payload is none of these.
    static let expectedShape = "{results: [...]}, a bare array, or an object keyed by score name"

    /// Accepts `{results:[...]}`, a bare array, or `{"Product usage": 7.1, ...}` (values numbers,
    /// nulls or `{score}` objects); nil for anything else, so an unknown shape is never read as empty.
    public static func parse(_ json: JSONValue) -> [HealthScoreEntry]? {
        if let rows = json["results"]?.array ?? json.array {
            guard rows.allSatisfy({ $0.object != nil }) else { return nil }
            return rows.map(HealthScoreEntry.init(json:))
        }
        guard let object = json.object, object["results"] == nil else { return nil }
        var entries: [HealthScoreEntry] = []
        for (key, value) in object {
            if value.isNull { continue }
            if let score = value.double, case .number = value {
                entries.append(HealthScoreEntry(id: key, name: key, score: score))
            } else if value.object != nil, value["score"] != nil || value["value"] != nil {
                var entry = HealthScoreEntry(json: value)
                if entry.name == "Score" { entry.name = key }
                if entry.id.isEmpty { entry.id = key }
                entries.append(entry)
            } else {
                return nil
            }
        }
        return entries
    }

    /// `parse`, with an unknown shape read as no rows.
    public static func entries(from json: JSONValue) -> [HealthScoreEntry] { parse(json) ?? [] }
}
