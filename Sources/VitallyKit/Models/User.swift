import Foundation

/// An end user at a customer (`/resources/users`), linked to accounts by `accountIds`.
public struct User: VitallyModel, Equatable {
    public var id: String
    public var externalId: String?
    public var name: String?
    public var email: String?
    public var traits: JSONObject
    public var lastSeenTimestamp: Date?
    public var npsLastScore: Double?
    public var npsLastFeedback: String?
    public var npsLastRespondedAt: Date?
    public var deactivatedAt: Date?
    public var accountIds: [String]
    public var organizationIds: [String]
    public var createdAt: Date?
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        externalId = json["externalId"]?.string
        name = json["name"]?.string
        email = json["email"]?.string
        traits = json["traits"]?.object ?? JSONObject()
        lastSeenTimestamp = json["lastSeenTimestamp"]?.date
        npsLastScore = json["npsLastScore"]?.double
        npsLastFeedback = json["npsLastFeedback"]?.string
        npsLastRespondedAt = json["npsLastRespondedAt"]?.date
        deactivatedAt = json["deactivatedAt"]?.date
        // Newer docs send `accountIds`; older payloads only embed `accounts`. Read both.
        var ids = json.strings("accountIds")
        for embedded in json["accounts"]?.array ?? [] {
            if let id = embedded["id"]?.string, !ids.contains(id) { ids.append(id) }
        }
        accountIds = ids
        var orgIds = json.strings("organizationIds")
        for embedded in json["organizations"]?.array ?? [] {
            if let id = embedded["id"]?.string, !orgIds.contains(id) { orgIds.append(id) }
        }
        organizationIds = orgIds
        createdAt = json["createdAt"]?.date
        raw = json
    }

    public var displayName: String { name ?? email ?? id }

    /// Seen within the last `ActivityWindow.days` days: what `users` counts as active.
    package func isActive(now: Date) -> Bool { ActivityWindow.isActive(lastSeen: lastSeenTimestamp, now: now) }
}
