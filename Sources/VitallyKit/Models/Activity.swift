import Foundation

/// A note on an account (`/resources/notes`); `note` is HTML.
public struct Note: VitallyModel, Equatable {
    public var id: String
    public var subject: String?
    public var note: String?
    public var noteDate: Date?
    public var author: Admin?
    public var category: NamedRef?
    public var tags: [String]
    public var accountId: String?
    /// Set on notes that belong to an organization rather than (or as well as) an account.
    public var organizationId: String?
    /// The integration that created it (`hubspot`, `gong`, …), nil for notes typed in Vitally.
    public var source: String?
    public var archivedAt: Date?
    public var createdAt: Date?
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        organizationId = json["organizationId"]?.string
        source = json["source"]?.string
        subject = json["subject"]?.string
        note = json["note"]?.string
        noteDate = json["noteDate"]?.date
        author = json.nonNull("author").map(Admin.init(json:))
        category = json.nonNull("category").map(NamedRef.init(json:))
        tags = json.strings("tags")
        accountId = json["accountId"]?.string
        archivedAt = json["archivedAt"]?.date
        createdAt = json["createdAt"]?.date
        raw = json
    }

    /// When the note happened: `noteDate`, else when it was created.
    public var date: Date? { noteDate ?? createdAt }
}

/// A task (`/resources/tasks`). Open means neither completed nor archived.
public struct VitallyTask: VitallyModel, Equatable {
    public var id: String
    public var name: String
    public var description: String?
    /// Date-only in the API (`2025-06-15`), read as midnight UTC.
    public var dueDate: Date?
    public var completedAt: Date?
    public var archivedAt: Date?
    public var assignedTo: Admin?
    public var accountId: String?
    /// Vitally's docs call `organizationId` "required (when applicable)": tasks may live on the organization.
    public var organizationId: String?
    public var source: String?
    public var tags: [String]
    public var createdAt: Date?
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        organizationId = json["organizationId"]?.string
        source = json["source"]?.string
        name = json["name"]?.string ?? ""
        description = json["description"]?.string
        dueDate = json["dueDate"]?.date
        completedAt = json["completedAt"]?.date
        archivedAt = json["archivedAt"]?.date
        assignedTo = json.nonNull("assignedTo").map(Admin.init(json:))
        accountId = json["accountId"]?.string
        tags = json.strings("tags")
        createdAt = json["createdAt"]?.date
        raw = json
    }

    public var isOpen: Bool { completedAt == nil && archivedAt == nil }

    /// Open and due before the day that holds `now`.
    public func isOverdue(now: Date) -> Bool {
        guard isOpen, let dueDate else { return false }
        return dueDate < VitallyDate.startOfDay(now)
    }
}

/// An NPS response (`/resources/npsResponses`), score 0-10.
public struct NPSResponse: VitallyModel, Equatable {
    public var id: String
    public var userId: String?
    public var user: User?
    public var score: Double?
    public var feedback: String?
    public var respondedAt: Date?
    public var dismissedAt: Date?
    /// Set on responses listed with `target=organizations`.
    public var organizationId: String?
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        organizationId = json["organizationId"]?.string
        userId = json["userId"]?.string
        user = json.nonNull("user").map(User.init(json:))
        score = json["score"]?.double
        feedback = json["feedback"]?.string
        respondedAt = json["respondedAt"]?.date
        dismissedAt = json["dismissedAt"]?.date
        raw = json
    }

    /// detractor (0-6), passive (7-8) or promoter (9-10); nil without a score.
    public var category: NPSCategory? { NPSCategory(score: score) }
}

/// A conversation (`/resources/conversations`); only the detail carries `messages`.
public struct Conversation: VitallyModel, Equatable {
    public var id: String
    public var subject: String?
    public var status: String?
    public var rating: String?
    public var source: String?
    public var messages: [Message]
    public var createdAt: Date?
    public var updatedAt: Date?
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        subject = json["subject"]?.string
        status = json["status"]?.string
        rating = json["rating"]?.string
        source = json["source"]?.string
        messages = json.list("messages", Message.init(json:))
        createdAt = json["createdAt"]?.date
        updatedAt = json["updatedAt"]?.date
        raw = json
    }

    public var isOpen: Bool { status?.lowercased() == "open" }
    public var isUnhappy: Bool { rating?.lowercased() == "unsatisfied" }
}

/// One message in a conversation.
public struct Message: VitallyModel, Equatable {
    public var id: String
    public var type: String?
    public var message: String?
    public var timestamp: Date?
    var fromType: String?
    var fromId: String?
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        type = json["type"]?.string
        message = json["message"]?.string
        timestamp = json["timestamp"]?.date
        fromType = json["from"]?["type"]?.string
        fromId = json["from"]?["id"]?.string
        raw = json
    }
}
