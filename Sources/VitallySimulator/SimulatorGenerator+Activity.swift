import Foundation
import VitallyKit

extension SimulatorGenerator {
    mutating func addActivity(spec: AccountSpec, accountId: String, accountName: String, users: [JSONValue]) {
        let organizationId = spec.organization.flatMap { organizationIds[$0] }
        for n in 0..<spec.notes {
            let daysAgo = Double(n * 9 + random.int(0...6)) + random.unit()
            addNote(daysAgo: daysAgo, spec: spec, ownerName: accountName, accountId: accountId, organizationId: nil,
                    source: n == 1 ? "hubspot" : nil, archived: n < spec.archivedNotes, dealt: spec.scenario && n < 6)
        }
        if let organizationId {
            for n in 0..<spec.orgNotes {
                let daysAgo = Double(n * 11 + random.int(0...4)) + random.unit()
                addNote(daysAgo: daysAgo, spec: spec, ownerName: spec.organization ?? accountName, accountId: nil,
                        organizationId: organizationId, source: n == 0 ? "gong" : nil, archived: n == 2, dealt: spec.scenario && n < 6)
            }
        }
        let taskPlan: [(kind: Int, organization: Bool)] =
            Array(repeating: (0, false), count: spec.openTasks) + Array(repeating: (1, false), count: spec.overdueTasks)
            + Array(repeating: (2, false), count: spec.doneTasks)
            + (organizationId == nil ? [] : Array(repeating: (0, true), count: spec.orgOpenTasks)
                + Array(repeating: (1, true), count: spec.orgOverdueTasks))
        // Tasks embed their account, organization and completer as notes embed theirs (Airbyte's tasks schema).
        let organizationRef: JSONValue = organizationId.map { ["id": .string($0), "name": JSONValue(spec.organization)] } ?? .null
        // A scenario account's first names come from the shared deck; the rest from its own, so none repeats early.
        var own = TextDeck(SimulatorText.taskNames)
        for (number, (kind, onOrganization)) in taskPlan.enumerated() {
            let taskName = spec.scenario && number < 6 ? text.tasks.deal(&text.random) : own.deal(&text.random)
            let due: Int = kind == 0 ? random.int(2...30) : kind == 1 ? -random.int(3...25) : -random.int(10...60)
            let created = Double(random.int(20...70))
            let completed: JSONValue = kind == 2 ? stamp(daysAgo: Double(-due) - 1) : .null
            let assignee = adminRef(spec.csm)
            set.tasks.append(
                .object(
                    JSONObject([
                        ("id", .string(random.uuid())), ("createdAt", stamp(daysAgo: created)),
                        ("updatedAt", stamp(daysAgo: kind == 2 ? Double(-due) - 1 : created - 1)),
                        ("externalId", .null), ("name", .string(taskName)),
                        ("description", "<p>Owner to follow up.</p>"), ("dueDate", day(inDays: due)),
                        ("completedAt", completed), ("completedById", kind == 2 ? (assignee["id"] ?? .null) : .null),
                        ("assignedToId", assignee["id"] ?? .null), ("assignedTo", assignee),
                        ("categoryId", .null), ("projects", []), ("tags", []), ("archivedAt", .null),
                        ("meetingId", .null), ("source", kind == 2 ? "salesforce" : .null),
                        ("accountId", onOrganization ? .null : .string(accountId)),
                        ("account", onOrganization ? .null : ["id": .string(accountId), "name": .string(accountName)]),
                        ("organizationId", JSONValue(onOrganization ? organizationId : nil)),
                        ("organization", onOrganization ? organizationRef : .null),
                        ("completedBy", kind == 2 ? assignee : .null), ("category", .null), ("traits", [:]),
                    ])))
        }
        for user in users {
            guard let score = user["npsLastScore"]?.double else { continue }
            let when = stamp(daysAgo: 40)
            set.npsResponses.append(
                .object(
                    JSONObject([
                        ("id", .string(random.uuid())), ("createdAt", when), ("updatedAt", when), ("externalId", .null),
                        ("userId", user["id"] ?? .null),
                        ("user", ["id": user["id"] ?? .null, "name": user["name"] ?? .null, "email": user["email"] ?? .null]),
                        ("score", .number(score)), ("feedback", user["npsLastFeedback"] ?? .null),
                        ("respondedAt", when), ("dismissedAt", .null),
                    ])))
        }
        for (index, conversation) in spec.conversations.enumerated() {
            addConversation(conversation, index: index, accountId: accountId, accountName: accountName, users: users)
        }
        if let onboarding = spec.onboarding { addOnboarding(onboarding, accountId: accountId, accountName: accountName) }
        for m in 0..<spec.meetings {
            let daysAgo = Double(m * 21 + random.int(1...10))
            let start = anchor.addingTimeInterval(-daysAgo * 86400 + 15 * 3600)
            set.meetings.append(
                .object(
                    JSONObject([
                        ("id", .string(random.uuid())), ("externalId", .string("gcal-\(random.int(10000...99999))")),
                        ("title", .string("\(accountName) \(m == 0 ? "QBR" : "sync")")), ("description", .null),
                        ("location", .null), ("startDate", .string(VitallyDate.formatDay(start))),
                        ("endDate", .string(VitallyDate.formatDay(start))),
                        ("startDateTime", .string(VitallyDate.format(start))),
                        ("endDateTime", .string(VitallyDate.format(start.addingTimeInterval(3600)))),
                        ("startTimeZone", "utc"), ("endTimeZone", "utc"), ("externalStatus", .null),
                        ("conferenceSolution", "Google Meet"), ("source", "google"),
                        ("summary", .string(m == 0 ? "Reviewed goals and adoption." : "Weekly check-in.")),
                        ("keyPoints", .array([.string(m == 0 ? "Renewal timeline" : "Open tickets")])),
                        ("riskAssessment", .null), ("participants", []), ("accountIds", [.string(accountId)]),
                        ("organizationIds", []), ("traits", [:]), ("archivedAt", .null),
                        ("createdAt", stamp(daysAgo: daysAgo + 7)), ("updatedAt", stamp(daysAgo: daysAgo - 0.1)),
                    ])))
        }
        if random.chance(0.25) || spec.name == "Acme Corp" {
            let created = stamp(daysAgo: 200)
            set.customObjectInstances[Self.contractsId, default: []].append(
                .object(
                    JSONObject([
                        ("id", .string(random.uuid())), ("createdAt", created), ("updatedAt", created),
                        ("name", .string("\(accountName) MSA")), ("externalId", .null), ("customObjectId", .string(Self.contractsId)),
                        ("customerId", .string(accountId)), ("organizationId", .null),
                        ("traits", ["vitally.custom.contractValue": .number((spec.mrr ?? 0) * 12)]), ("archivedAt", .null),
                    ])))
        }
    }

    /// One note on an account, or on an organization when `accountId` is nil.
    mutating func addNote(
        daysAgo: Double, spec: AccountSpec, ownerName: String, accountId: String?, organizationId: String?,
        source: String?, archived: Bool, dealt: Bool
    ) {
        let author = adminRef(spec.csm)
        let category = set.noteCategories[random.int(0...(set.noteCategories.count - 1))]
        let (subject, body) = text.note(owner: ownerName, dealt: dealt)
        let accountRef: JSONValue = accountId.map { ["id": .string($0), "name": .string(ownerName)] } ?? .null
        let orgRef: JSONValue = organizationId.map { ["id": .string($0), "name": .string(ownerName)] } ?? .null
        set.notes.append(
            .object(
                JSONObject([
                    ("id", .string(random.uuid())), ("createdAt", stamp(daysAgo: daysAgo)),
                    ("updatedAt", stamp(daysAgo: daysAgo - 0.01)), ("externalId", .null),
                    ("subject", .string(subject)),
                    ("note", .string(body)),
                    ("noteDate", stamp(daysAgo: daysAgo)), ("tags", .array([.string(Self.slug(subject))])),
                    ("users", []), ("authorId", author["id"] ?? .null), ("author", author),
                    ("categoryId", category["id"] ?? .null), ("category", category),
                    ("accountId", JSONValue(accountId)), ("account", accountRef), ("organizationId", JSONValue(organizationId)),
                    ("organization", orgRef), ("meetingDescription", .null),
                    ("archivedAt", archived ? stamp(daysAgo: max(daysAgo - 1, 0)) : .null),
                    ("source", JSONValue(source)),
                    ("traits", ["vitally.custom.sentiment": .string(spec.health.map { $0 < 4 ? "At risk" : "Healthy" } ?? "Unknown")]),
                ])))
    }

    mutating func addConversation(
        _ conversation: (subject: String, status: String, rating: String?), index: Int, accountId: String,
        accountName: String, users: [JSONValue]
    ) {
        let id = random.uuid()
        let daysAgo = Double(index * 6 + random.int(1...5))
        let userId = users.first?["id"] ?? .null
        let admin = adminRef(3)
        let messages: [JSONValue] = [
            .object(
                JSONObject([
                    ("id", .string(random.uuid())), ("type", "inbound"), ("externalId", .null), ("conversationId", .string(id)),
                    ("message", .string("<p>\(conversation.subject): can you help?</p>")),
                    ("timestamp", stamp(daysAgo: daysAgo)), ("from", ["type": "user", "id": userId]),
                    ("to", [["type": "admin", "id": admin["id"] ?? .null]]), ("cc", []), ("bcc", []),
                ])),
            .object(
                JSONObject([
                    ("id", .string(random.uuid())), ("type", "outbound"), ("externalId", .null), ("conversationId", .string(id)),
                    ("message", "<p>Thanks, we're looking into it.</p>"), ("timestamp", stamp(daysAgo: daysAgo - 0.2)),
                    ("from", ["type": "admin", "id": admin["id"] ?? .null]), ("to", [["type": "user", "id": userId]]),
                    ("cc", []), ("bcc", []),
                ])),
        ]
        set.conversations.append(
            .object(
                JSONObject([
                    ("id", .string(id)), ("createdAt", stamp(daysAgo: daysAgo)), ("updatedAt", stamp(daysAgo: daysAgo - 0.2)),
                    ("externalId", .string("zd-\(random.int(1000...9999))")), ("externalUrl", .null),
                    ("subject", .string(conversation.subject)), ("status", .string(conversation.status)),
                    ("rating", JSONValue(conversation.rating)), ("source", "zendesk"),
                    ("traits", ["zendesk.status": .string(conversation.status == "open" ? "pending" : "solved")]),
                    ("messages", .array(messages)), ("accounts", [["id": .string(accountId), "name": .string(accountName)]]),
                    ("users", users.isEmpty ? [] : [["id": userId]]), ("admins", [["id": admin["id"] ?? .null]]),
                ])))
    }

    mutating func addOnboarding(_ onboarding: (done: Bool, late: Bool), accountId: String, accountName: String) {
        let start = random.int(30...120)
        let duration = 45
        let targetEnd = -start + duration
        let status = onboarding.done ? "ps-complete" : "ps-active"
        set.projects.append(
            .object(
                JSONObject([
                    ("id", .string(random.uuid())), ("createdAt", stamp(daysAgo: Double(start + 3))),
                    ("updatedAt", stamp(daysAgo: Double(max(start - 20, 1)))), ("name", .string("Onboarding @ \(accountName)")),
                    ("accountId", .string(accountId)), ("organizationId", .null), ("templateId", "tpl-onb"),
                    ("durationInDays", .number(Double(duration))), ("targetStartDate", day(inDays: -start)),
                    ("actualStartDate", day(inDays: -start + 2)),
                    ("targetCompletionDate", day(inDays: onboarding.late ? -5 : (onboarding.done ? targetEnd : max(targetEnd, 10)))),
                    ("actualCompletionDate", onboarding.done ? day(inDays: targetEnd - 3) : .null),
                    ("ownedByVitallyUserId", adminRef(0)["id"] ?? .null), ("projectCategoryId", "pc-onb"),
                    ("projectStatusId", .string(status)), ("archivedAt", .null),
                    ("traits", ["vitally.custom.progress": .number(onboarding.done ? 100 : (onboarding.late ? 40 : 65))]),
                ])))
    }
}
