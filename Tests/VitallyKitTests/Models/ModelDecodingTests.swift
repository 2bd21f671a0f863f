import Foundation
import Testing
import VitallyKit

@Suite struct ModelDecodingTests {
    @Test func decodesEveryModelTheSimulatorServes() async throws {
        try await withSimulator { client, _ in
            let acme = try await client.account(id: "acme-001")
            #expect(acme.name == "Acme Corp")
            #expect(acme.traits["domain"]?.string == "acme.com")
            #expect(acme.healthScore == 7.4)
            #expect(acme.keyRoles.first?.label == "CSM")
            #expect(acme.segments.map(\.name) == ["Enterprise"])
            #expect(acme.nextRenewalDate != nil)
            let scores = try await client.healthScores(accountId: acme.id)
            #expect(scores.first?.name == "Overall")
            #expect(scores.count == 5)
            let users = try await client.accountList(.users, accountId: acme.id, as: User.self).collect()
            #expect(users.count == 4)
            #expect(users.allSatisfy { $0.accountIds == [acme.id] })
            let notes = try await client.accountList(.notes, accountId: acme.id, as: Note.self).collect()
            #expect(notes.count == 5)
            #expect(notes.allSatisfy { $0.author?.email?.hasSuffix("@brightwave.io") == true })
            let tasks = try await client.accountList(.tasks, accountId: acme.id, as: VitallyTask.self).collect()
            #expect(tasks.count == 6)
            #expect(tasks.filter { $0.isOverdue(now: testAnchor) }.count == 1)
            #expect(tasks.filter { !$0.isOpen }.count == 3)
            let nps = try await client.accountList(.npsResponses, accountId: acme.id, as: NPSResponse.self).collect()
            #expect(nps.map(\.category).contains(.detractor))
            let conversations = try await client.accountList(.conversations, accountId: acme.id, as: Conversation.self).collect()
            #expect(conversations.count == 2)
            #expect(conversations.allSatisfy { $0.messages.isEmpty })
            let detail = try await client.object(VitallyPath.resource("conversations/") + conversations[0].id, as: Conversation.self)
            #expect(detail.messages.count == 2)
            let projects = try await client.accountList(.projects, accountId: acme.id, as: Project.self).collect()
            #expect(projects.first?.isComplete == true)
            let meetings = try await client.accountList(.meetings, accountId: acme.id, as: Meeting.self).collect()
            #expect(meetings.count == 3)
            let org = try await client.organization(id: acme.organizationId ?? "")
            #expect(org.name == "Acme Holdings")
            #expect(try await client.organizationAccounts(id: org.id).collect().count == 2)
            let fields = try await client.customFields(model: "accounts")
            #expect(fields.contains { $0.path == "vitally.custom.companyDomain" })
            let admin = try await client.searchAdmin(email: "dana@brightwave.io")
            #expect(admin?.name == "Dana Reyes")
            #expect(try await client.searchAdmin(email: "nobody@brightwave.io") == nil)
            let byEmail = try await client.searchUsers(.email("jane.doe@gmail.com"))
            #expect(byEmail.count == 1)
            let objects = try await client.customObjects().collect()
            let instances = try await client.list(VitallyPath.resource("customObjects/\(objects[0].id)/instances"), as: CustomObjectRecord.self).collect()
            #expect(!instances.isEmpty)
            let found = try await client.searchInstances(of: objects[0], .customerId(acme.id))
            #expect(found.instances.count == 1)
            #expect(try await client.list(VitallyPath.resource("noteCategories"), as: VitallyKit.Category.self).collect().count == 4)
            #expect(try await client.list(VitallyPath.resource("taskCategories"), as: VitallyKit.Category.self).collect().count == 3)
            #expect(try await client.admins().collect().count == 8)
        }
    }

    @Test func toleratesNullsNumbersForIdsAndMissingFields() throws {
        let json = try JSONParser.parse(
            #"{"id": 12345, "externalId": 987, "name": null, "mrr": "4200.5", "healthScore": null,"#
                + #" "traits": {"domain": "acme.com", "nested": {"a": [1, 2]}}, "keyRoles": null, "extra": {"x": 1},"#
                + #" "nextRenewalDate": "2025-12-31T00:00:00Z", "lastSeenTimestamp": "2025-06-02T16:58:10.123Z","#
                + #" "trialEndDate": "2026-01-15", "churnedAt": "not a date"}"#)
        let account = Account(json: json)
        #expect(account.id == "12345")
        #expect(account.externalId == "987")
        #expect(account.name == "")
        #expect(account.mrr == 4200.5)
        #expect(account.healthScore == nil)
        #expect(account.keyRoles.isEmpty)
        #expect(account.traits["nested"]?["a"]?[1]?.int == 2)
        #expect(account.nextRenewalDate == VitallyDate.parse("2025-12-31"))
        #expect(account.lastSeenTimestamp.map(VitallyDate.format) == "2025-06-02T16:58:10.123Z")
        #expect(account.trialEndDate.map(VitallyDate.formatDay) == "2026-01-15")
        #expect(account.churnedAt == nil)
    }

    @Test func readsUsersWithOnlyEmbeddedAccounts() throws {
        let user = User(json: try JSONParser.parse(#"{"id":"u1","externalId":12345,"accounts":[{"id":"a1"}],"email":"x@y.com"}"#))
        #expect(user.accountIds == ["a1"])
        #expect(user.externalId == "12345")
    }

    @Test(arguments: [
        ("2020-12-11T20:16:27.370Z", "2020-12-11T20:16:27.370Z"),
        ("2020-12-11T20:16:27Z", "2020-12-11T20:16:27.000Z"),
        ("2020-12-11T22:16:27+02:00", "2020-12-11T20:16:27.000Z"),
        ("2021-01-01", "2021-01-01T00:00:00.000Z"),
    ])
    func parsesEveryDateForm(input: String, expected: String) {
        #expect(VitallyDate.parse(input).map(VitallyDate.format) == expected)
    }

    @Test func readsHealthScoresInEitherShape() throws {
        let list = HealthScoreEntry.entries(from: try JSONParser.parse(#"{"results":[{"id":"h","name":"Overall","score":7.4}],"next":null}"#))
        #expect(list.map(\.score) == [7.4])
        let object = HealthScoreEntry.entries(from: try JSONParser.parse(#"{"Product usage": 6.5, "Support": {"score": 8}}"#))
        #expect(object.map(\.name) == ["Product usage", "Support"])
        #expect(object.map(\.score) == [6.5, 8])
    }
}
