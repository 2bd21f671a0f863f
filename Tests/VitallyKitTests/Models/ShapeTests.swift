import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// The payload shapes public sources disagree on, served by the simulator over loopback.
@Suite struct ShapeTests {
    @Test(arguments: [HealthScoreShape.results, .bareArray, .keyedByName])
    func healthScoresInEveryKnownShape(shape: HealthScoreShape) async throws {
        try await withSimulator({ $0.healthScoreShape = shape }) { client, _ in
            let acme = try await client.account(id: "acme-001")
            let scores = try await client.healthScores(accountId: acme.id)
            #expect(scores.count == 5)
            #expect(scores.contains { $0.name == "Product usage" && $0.score != nil })
            #expect(scores.contains { $0.name == "Overall" && $0.score == 7.4 })
        }
    }

    @Test func anUnknownHealthShapeIsReportedNotReadAsEmpty() async throws {
        try await withSimulator({ $0.healthScoreShape = .unrecognised }) { client, _ in
            let acme = try await client.account(id: "acme-001")
            let error = await #expect(throws: VitallyError.self) { try await client.healthScores(accountId: acme.id) }
            #expect(error?.code == .unrecognisedShape)
            #expect(error?.path == "/resources/accounts/\(acme.id)/healthScores")
            #expect(error?.cause?.contains("keyed by score name") == true)
        }
        // The scenario account Oscorp answers in that shape even in the default tenant.
        try await withSimulator { client, _ in
            let oscorp = try await client.account(id: "oscorp")
            let error = await #expect(throws: VitallyError.self) { try await client.healthScores(accountId: oscorp.id) }
            #expect(error?.code == .unrecognisedShape)
        }
    }

    @Test func idsAsNumbersAndDatesAsEpochNumbers() async throws {
        try await withSimulator({ $0.numericIds = true; $0.epochDates = true }) { client, simulator in
            let acme = try await client.account(id: "acme-001")
            #expect(Int(acme.id) != nil)
            #expect(acme.raw["id"]?.string == acme.id)
            if case .number = acme.raw["createdAt"] {} else { Issue.record("createdAt was not served as a number") }
            #expect(acme.createdAt != nil)
            #expect(acme.nextRenewalDate.map { $0 > testAnchor } == true)
            #expect(acme.lastSeenTimestamp.map { abs($0.timeIntervalSince(testAnchor)) < 2 * 86400 } == true)
            let notes = try await client.accountList(.notes, accountId: acme.id, as: Note.self).collect()
            #expect(notes.count == 5)
            #expect(notes.allSatisfy { $0.date != nil && Int($0.id) != nil && $0.accountId == acme.id })
            var client50 = client
            client50.pageSize = 50
            let all = try await client50.accounts(status: .activeOrChurned, sortBy: "createdAt").collect()
            #expect(all.count == simulator.handler.api.data.accounts.count)
            #expect(Set(all.map(\.id)).count == all.count)
        }
    }

    @Test func epochSecondsAndMillisecondsBothRead() throws {
        let seconds = try JSONParser.parse("1763596800")
        let millis = try JSONParser.parse("1763596800000")
        #expect(seconds.date == VitallyDate.parse("2025-11-20"))
        #expect(millis.date == VitallyDate.parse("2025-11-20"))
        #expect(try JSONParser.parse("-5").date == nil)
        #expect(try JSONParser.parse("1e300").date == nil)
    }

    @Test func aListPageInAnUnknownShapeThrowsNamingTheRequest() async throws {
        let transport = ScriptedTransport([#"{"items":[{"id":"n1"}],"cursor":null}"#])
        let client = VitallyClient(transport: transport)
        let error = await #expect(throws: VitallyError.self) { try await client.list(VitallyPath.resource("notes"), as: Note.self).collect() }
        #expect(error?.code == .unrecognisedShape)
        #expect(error?.path.hasPrefix("/resources/notes?limit=100") == true)
        let object = ScriptedTransport([#"["not", "an", "account"]"#])
        let objectError = await #expect(throws: VitallyError.self) {
            try await VitallyClient(transport: object).account(id: "a1")
        }
        #expect(objectError?.code == .unrecognisedShape)
    }

    @Test func organizationLevelNotesTasksAndNPS() async throws {
        try await withSimulator { client, _ in
            let cyberdyne = try await client.account(id: "cyberdyne")
            let orgId = try #require(cyberdyne.organizationId)
            #expect(try await client.accountList(.notes, accountId: cyberdyne.id, as: Note.self).collect().isEmpty)
            #expect(try await client.accountList(.tasks, accountId: cyberdyne.id, as: VitallyTask.self).collect().isEmpty)
            let notes = try await client.organizationList(.notes, organizationId: orgId, as: Note.self).collect()
            #expect(notes.count == 3)
            #expect(notes.allSatisfy { $0.organizationId == orgId && $0.accountId == nil })
            let live = try await client.organizationList(.notes, organizationId: orgId, filter: ListFilter(archived: false), as: Note.self).collect()
            #expect(live.count == 2)
            let archived = try await client.organizationList(.notes, organizationId: orgId, filter: ListFilter(archived: true), as: Note.self).collect()
            #expect(archived.count == 1 && archived[0].archivedAt != nil)
            let gong = try await client.organizationList(.notes, organizationId: orgId, filter: ListFilter(source: "gong"), as: Note.self).collect()
            #expect(gong.count == 1 && gong[0].source == "gong")
            let tasks = try await client.organizationList(.tasks, organizationId: orgId, as: VitallyTask.self).collect()
            #expect(tasks.count == 2)
            #expect(tasks.filter { $0.isOverdue(now: testAnchor) }.count == 1)
            let orgNPS = try await client.list(VitallyPath.resource("npsResponses"), query: [QueryItem("target", "organization")], as: NPSResponse.self).collect()
            #expect(orgNPS.contains { $0.organizationId == orgId })
            #expect(orgNPS.allSatisfy { $0.organizationId != nil })
        }
    }

    @Test func notesFilterBySourceAndArchivedOnAnAccount() async throws {
        try await withSimulator { client, simulator in
            let acme = try await client.account(id: "acme-001")
            let hubspot = try await client.accountList(.notes, accountId: acme.id, filter: ListFilter(source: "hubspot"), as: Note.self).collect()
            #expect(hubspot.count == 1)
            let massive = try await client.account(id: "massive")
            let archived = try await client.accountList(.notes, accountId: massive.id, filter: ListFilter(archived: true), as: Note.self).collect()
            #expect(archived.count == 2)
            let log = await simulator.state.log
            #expect(log.contains { $0.query.contains(QueryItem("archived", "true")) })
        }
    }
}
