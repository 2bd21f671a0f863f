import Foundation
import Testing
import VitallyKit
import VitallySimulator

@Suite struct BriefTests {
    @Test func gatheringRunsIndependentRequestsTogetherNotOneAfterAnother() async throws {
        let latency = 0.25
        try await withSimulator({ $0.latencyMilliseconds = Int(latency * 1000) }) { client, simulator in
            let account = try await client.account(id: "acme-001")
            await simulator.state.clearLog()
            let probe = InFlightProbe(base: client.transport)
            let gatherer = BriefGatherer(client: VitallyClient(transport: RetryingTransport(base: probe, clock: VirtualRetryClock())))
            let bundle = try await gatherer.gather(accountId: account.id)
            // Acme's four users; Acme Labs' one, listed by their organization Acme Holdings, names its
            // own account, so it is Acme Labs', not Acme Corp's (OrganizationItems).
            #expect(bundle.notes.count == 5 && bundle.users.count == 4 && bundle.healthScores.count == 5)
            #expect(bundle.organization?.name == "Acme Holdings")
            // Nine independent requests, then the organization's six, at most five in flight: the server sees five at once.
            #expect(await probe.peak == 5)
            let log = await simulator.state.log
            #expect(log.count == 15)
            let firstAnswer = log.map(\.answeredAt).min() ?? 0
            #expect(log.filter { $0.receivedAt < firstAnswer }.count == 5)
            // Wall time is the benchmark's business (vitally-bench); here the overlap is what is proven.
        }
    }

    @Test func aForbiddenListIsReportedNotFatal() async throws {
        try await withSimulator({ $0.forbiddenResources = ["notes"] }) { client, _ in
            // Per-account lists live under /resources/accounts, so forbid one through a fault instead.
            let account = try await client.account(id: "acme-001")
            let bundle = try await BriefGatherer(client: client).gather(accountId: account.id)
            #expect(!bundle.reports.contains { $0.outcome.isGap })
            #expect(!bundle.notes.isEmpty)
        }
        try await withSimulator { client, simulator in
            let account = try await client.account(id: "acme-001")
            await simulator.state.inject(.status(403), pathPrefix: "/resources/accounts/\(account.id)/notes")
            let bundle = try await BriefGatherer(client: client).gather(accountId: account.id)
            let notes = bundle.reports(for: .notes).first { $0.owner == .account(account.id) }
            guard case .forbidden(let request)? = notes?.outcome else {
                Issue.record("notes were not reported forbidden: \(String(describing: notes))")
                return
            }
            #expect(request.hasPrefix("GET /resources/accounts/\(account.id)/notes"))
            let brief = BriefComposer(now: testAnchor).compose(title: nil, meetingStart: nil, matches: [], bundles: [bundle])
            let coverage = try #require(brief.accounts[0].sections.first { $0.id == "coverage" })
            #expect(coverage.insights.contains { $0.text.hasPrefix("Notes not shown: Vitally refused GET /resources/accounts/") })
        }
    }

    @Test func organizationLevelNotesAndTasksAreReadAndLabelled() async throws {
        try await withSimulator { client, _ in
            let account = try await client.account(id: "cyberdyne")
            let bundle = try await BriefGatherer(client: client).gather(accountId: account.id)
            #expect(bundle.organization?.name == "Cyberdyne Holdings")
            #expect(bundle.notes.count == 3 && bundle.tasks.count == 2)
            #expect(bundle.organizationItemIds.count >= 5)
            let brief = BriefComposer(now: testAnchor).compose(title: nil, meetingStart: nil, matches: [], bundles: [bundle])
            let team = try #require(brief.accounts[0].sections.first { $0.id == "team" })
            #expect(team.insights.contains { $0.text.hasPrefix("Note ") && $0.text.contains("[Cyberdyne Holdings]") })
            #expect(team.insights.contains { $0.text.hasPrefix("Task [Cyberdyne Holdings]: ") })
            let coverage = try #require(brief.accounts[0].sections.first { $0.id == "coverage" })
            #expect(coverage.insights.contains { $0.text == "Notes: only at Cyberdyne Holdings (none on the account itself)" })
            #expect(coverage.insights.contains { $0.text == "No conversations: Vitally returned 0 items for the account" })
        }
    }

    @Test func aBriefIsBoundedAndSaysWhereItStoppedAndWhatItCouldNotRead() async throws {
        try await withSimulator { client, simulator in
            let massive = try await client.account(id: "massive")
            await simulator.state.clearLog()
            let bundle = try await BriefGatherer(client: client).gather(accountId: massive.id)
            let log = await simulator.state.log
            #expect(log.count == 9)  // one page per list, whatever the account's size (130 conversations, 140 notes)
            #expect(bundle.conversations.count == 50 && bundle.notes.count == 50)
            #expect(bundle.reports(for: .conversations).first?.outcome == .capped(read: 50, atLeast: 51))
            let brief = BriefComposer(now: testAnchor).compose(title: nil, meetingStart: nil, matches: [], bundles: [bundle])
            let coverage = try #require(brief.accounts[0].sections.first { $0.id == "coverage" })
            #expect(coverage.insights.contains { $0.text == "Conversations: newest 50 of at least 51 read" })

            let oscorp = try await client.account(id: "oscorp")
            let shaped = try await BriefGatherer(client: client).gather(accountId: oscorp.id)
            #expect(shaped.reports(for: .healthScores).first?.outcome == .unrecognisedShape(request: "GET /resources/accounts/\(oscorp.id)/healthScores"))
            let text = BriefComposer(now: testAnchor).compose(title: nil, meetingStart: nil, matches: [], bundles: [shaped])
                .accounts[0].sections.flatMap(\.insights).map(\.text)
            #expect(text.contains("Health scores not shown: unrecognised response shape from GET /resources/accounts/\(oscorp.id)/healthScores"))

            var capped = BriefGatherer(client: client)
            capped.accountsWithLists = 1
            let two = try await capped.gather(accountIds: [massive.id, oscorp.id])
            #expect(two[1].reports.allSatisfy { $0.outcome == .notFetched(cap: 1) })
        }
    }

    @Test func tasksAskForOpenOnesAtTheAccountAndItsOrganization() async throws {
        try await withSimulator { client, simulator in
            let cyberdyne = try await client.account(id: "cyberdyne")
            await simulator.state.clearLog()
            let bundle = try await BriefGatherer(client: client).gather(accountId: cyberdyne.id)
            let taskRequests = await simulator.state.log.filter { $0.path.hasSuffix("/tasks") }
            #expect(taskRequests.count == 2)
            #expect(taskRequests.allSatisfy { $0.query.contains(QueryItem("status", "open")) })
            #expect(bundle.reports(for: .tasks).allSatisfy { $0.openFilter == .honoured })
            #expect(bundle.tasks.allSatisfy(\.isOpen) && bundle.tasks.count == 2)
        }
    }

    @Test func composingIsPureAndFlagsEveryRisk() throws {
        let now = VitallyDate.parse("2026-11-20T12:00:00Z")!
        var bundle = AccountBundle(account: Account(json: try JSONParser.parse(#"""
            {"id":"a1","externalId":"soylent","name":"Soylent","healthScore":2.1,"mrr":1800,
             "nextRenewalDate":"2026-12-11T00:00:00.000Z","lastSeenTimestamp":"2026-10-01T00:00:00.000Z","npsDetractorCount":2,
             "traits":{"vitally.custom.lifecycleStage":"At risk","vitally.custom.plan":"Growth","domain":"soylent.com"},
             "keyRoles":[{"keyRole":{"label":"CSM"},"vitallyUser":{"id":"d","name":"Dana Reyes"}}]}
            """#)))
        bundle.tasks = [VitallyTask(json: ["id": "t", "name": "Send quote", "dueDate": "2026-11-01"])]
        bundle.conversations = [Conversation(json: ["id": "c", "subject": "Export broken", "status": "open", "rating": "Unsatisfied"])]
        bundle.projects = [Project(json: ["id": "p", "name": "Onboarding", "targetCompletionDate": "2026-11-10", "traits": ["vitally.custom.progress": 40]])]
        let brief = BriefComposer(now: now).compose(title: "Soylent sync", meetingStart: nil, matches: [], bundles: [bundle])
        let again = BriefComposer(now: now).compose(title: "Soylent sync", meetingStart: nil, matches: [], bundles: [bundle])
        #expect(brief.accounts.map(\.sections) == again.accounts.map(\.sections))
        let risks = try #require(brief.accounts[0].sections.first { $0.id == "risks" }).insights
        let texts = risks.map(\.text)
        #expect(texts.contains("Low health score: 2.1/10"))
        #expect(texts.contains("Renewal in 21 days (2026-12-11)"))
        #expect(texts.contains { $0.hasPrefix("2 NPS detractors") })
        #expect(texts.contains("1 overdue task; oldest: Send quote (due 2026-11-01, 19 days ago)"))
        #expect(texts.contains("No product activity for 50 days (last seen 2026-10-01)"))
        #expect(texts.contains { $0.contains("1 unsatisfied") })
        #expect(risks.first?.severity == .critical)
        let journey = try #require(brief.accounts[0].sections.first { $0.id == "journey" }).insights.map(\.text)
        #expect(journey.contains("Lifecycle stage: At risk"))
        #expect(journey.contains("Onboarding: target 2026-11-10 missed (10 days ago), 40% done"))
        let attributes = try #require(brief.accounts[0].sections.first { $0.id == "attributes" }).insights.map(\.text)
        #expect(attributes == ["Plan: Growth"])
    }

    @Test func readsTheNextEventOfACalendarInvite() throws {
        let ics = """
            BEGIN:VCALENDAR\r
            BEGIN:VEVENT\r
            DTSTART:20261101T100000Z\r
            SUMMARY:Old sync\r
            ATTENDEE:mailto:old@acme.com\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART:20261203T150000Z\r
            SUMMARY:Acme QBR\\, renewal\r
            ATTENDEE;CN=Pat Lee;RSVP=TRUE:mai\r
             lto:pat.lee@acme.com\r
            ATTENDEE;CN=Dana:mailto:dana@brightwave.io\r
            END:VEVENT\r
            END:VCALENDAR\r
            """
        let invite = try CalendarInvite.parse(ics, now: VitallyDate.parse("2026-11-20")!)
        #expect(invite.summary == "Acme QBR, renewal")
        #expect(invite.attendees == ["pat.lee@acme.com", "dana@brightwave.io"])
        #expect(invite.start == VitallyDate.parse("2026-12-03T15:00:00Z"))
        #expect(throws: VitallyError.self) { try CalendarInvite.parse("hello", now: Date()) }
    }
}
