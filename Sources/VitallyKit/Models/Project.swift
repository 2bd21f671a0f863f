import Foundation

/// A project such as onboarding (`/resources/projects`); dates may be date-only.
public struct Project: VitallyModel, Equatable {
    public var id: String
    public var name: String
    public var accountId: String?
    public var targetStartDate: Date?
    public var actualStartDate: Date?
    public var targetCompletionDate: Date?
    public var actualCompletionDate: Date?
    public var durationInDays: Int?
    public var projectStatusId: String?
    public var archivedAt: Date?
    public var traits: JSONObject
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        name = json["name"]?.string ?? ""
        accountId = json["accountId"]?.string
        targetStartDate = json["targetStartDate"]?.date
        actualStartDate = json["actualStartDate"]?.date
        targetCompletionDate = json["targetCompletionDate"]?.date
        actualCompletionDate = json["actualCompletionDate"]?.date
        durationInDays = json["durationInDays"]?.int
        projectStatusId = json["projectStatusId"]?.string
        archivedAt = json["archivedAt"]?.date
        traits = json["traits"]?.object ?? JSONObject()
        raw = json
    }

    public var isComplete: Bool { actualCompletionDate != nil }
}

/// A calendar meeting synced into Vitally (`/resources/meetings`).
public struct Meeting: VitallyModel, Equatable {
    public var id: String
    public var title: String?
    public var startDateTime: Date?
    public var summary: String?
    public var keyPoints: [String]
    public var externalStatus: String?
    public var accountIds: [String]
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        title = json["title"]?.string
        startDateTime = json["startDateTime"]?.date ?? json["startDate"]?.date
        summary = json["summary"]?.string
        keyPoints = json.strings("keyPoints")
        externalStatus = json["externalStatus"]?.string
        accountIds = json.strings("accountIds")
        raw = json
    }
}

/// A trait definition (`/resources/customFields?model=`): its `path` is the trait key.
public struct CustomField: VitallyModel, Equatable {
    public var id: String
    public var label: String
    public var path: String
    public var type: String?
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        label = json["label"]?.string ?? ""
        path = json["path"]?.string ?? ""
        type = json["type"]?.string
        raw = json
    }
}

/// A custom object definition or one of its instances; both are mostly traits.
public struct CustomObjectRecord: VitallyModel, Equatable {
    public var id: String
    public var name: String?
    public var label: String?
    public var customerId: String?
    public var organizationId: String?
    public var traits: JSONObject
    /// A definition's fields (`customFields`), whose labels name its instances' traits.
    public var fields: [CustomField]
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        name = json["name"]?.string
        label = json["label"]?.string
        customerId = json["customerId"]?.string
        organizationId = json["organizationId"]?.string
        traits = json["traits"]?.object ?? JSONObject()
        fields = json.list("customFields", CustomField.init(json:))
        raw = json
    }

    /// The name Vitally shows: the label, else the name, else the id.
    public var displayName: String { label ?? name ?? id }
}

/// A note or task category (`{id, name}`).
public struct Category: VitallyModel, Equatable {
    public var id: String
    public var name: String
    public let raw: JSONValue
    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        name = json["name"]?.string ?? ""
        raw = json
    }
}
