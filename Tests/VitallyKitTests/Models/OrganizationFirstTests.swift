import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// The organization as a customer: values labelled by where they came from, items attributed by
/// the account they name, the breakdown read in every shape, and the simulator's other shape.
@Suite struct OrganizationFirstTests {
    @Test func theAccountsValueElseItsOrganizationsLabelledAndBothWhenBothHoldOne() throws {
        let org = Organization(json: try JSONParser.parse(#"{"id":"o1","name":"Hooli","healthScore":3.2,"mrr":900,"segments":[{"id":"s","name":"SMB"}]}"#))
        let bare = Account(json: try JSONParser.parse(#"{"id":"a1","name":"Hooli EU","organizationId":"o1","traits":{}}"#))
        let customer = Customer(account: bare, organization: org)
        #expect(customer.describe(customer.healthScore) { "\($0)/10" } == "3.2/10 · from organization Hooli")
        #expect(customer.healthScore.isFromOrganization && customer.segments.value?.map(\.name) == ["SMB"])
        let own = Account(json: try JSONParser.parse(#"{"id":"a1","name":"Hooli EU","organizationId":"o1","healthScore":7.5}"#))
        let both = Customer(account: own, organization: org)
        #expect(both.describe(both.healthScore) { "\($0)/10" } == "7.5/10 · organization Hooli: 3.2/10")
        #expect(both.describe(both.nextRenewalDate) { "\($0)" } == nil)
        // An organization the account does not name is not its organization.
        let other = Customer(account: Account(json: try JSONParser.parse(#"{"id":"a2","name":"X","organizationId":"o9"}"#)), organization: org)
        #expect(other.healthScore.value == nil)
    }

    @Test func anItemThatNamesAnAccountBelongsToItAndIsNeverCountedTwice() throws {
        let items = try [
            #"{"id":"n1","accountId":null,"organizationId":"o1"}"#, #"{"id":"n2","accountId":"a1"}"#,
            #"{"id":"n3","accountId":"a2"}"#, #"{"id":"n4","accountId":"a1"}"#, #"{"id":"n1","accountId":null}"#,
            #"{"id":"u1","accountIds":["a2","a1"]}"#,
        ].map { Note(json: try JSONParser.parse($0)) }
        let split = OrganizationItems(items, forAccount: "a1", known: ["n4"])
        #expect(split.organizationLevel.map(\.id) == ["n1"])
        #expect(split.account.map(\.id) == ["n2", "u1"])
        #expect(split.siblings.map(\.id) == ["n3"])
    }

    @Test(arguments: [
        (#"{"data":[{"name":"Usage","score":6}]}"#, ["Usage"]),
        (#"{"healthScores":[{"name":"Usage","score":6}]}"#, ["Usage"]),
        (#"{"score":7,"weight":1}"#, ["Score"]),
        (#"{"value":7.5,"name":"Overall"}"#, ["Overall"]),
        (#"{"Usage":6,"Support":{"score":8}}"#, ["Support", "Usage"]),
    ])
    func theBreakdownIsReadInEveryDocumentedShape(body: String, names: [String]) throws {
        let entries = try #require(HealthScoreEntry.parse(try JSONParser.parse(body)))
        #expect(entries.map(\.name).sorted() == names)
    }

    @Test func theOverallEntryIsFoundByMoreThanItsName() {
        let weighted = [
            HealthScoreEntry(id: "t", name: "Total", score: 6.1), HealthScoreEntry(id: "u", name: "Usage", score: 5, weight: 0.5),
            HealthScoreEntry(id: "s", name: "Support", score: 7.2, weight: 0.5),
        ]
        #expect(HealthScoreEntry.indicators(weighted, overall: nil).map(\.name) == ["Usage", "Support"])
        let unweighted = [
            HealthScoreEntry(id: "h", name: "Health score", score: 6.1), HealthScoreEntry(id: "u", name: "Usage", score: 5),
            HealthScoreEntry(id: "s", name: "Support", score: 7.2),
        ]
        #expect(HealthScoreEntry.indicators(unweighted, overall: 6.1).map(\.name) == ["Usage", "Support"])
        #expect(HealthScoreEntry.indicators(unweighted, overall: nil).count == 3)
        #expect(HealthScoreEntry.indicators([HealthScoreEntry(id: "o", name: "Overall", score: 4)], overall: 4).count == 1)
    }

    @Test func anInclusiveOrganizationListAttributesItemsToTheirAccounts() async throws {
        func gather(_ lists: OrganizationLists) async throws -> AccountBundle {
            try await withSimulator({ $0.organizationLists = lists }) { client, _ in
                try await BriefGatherer(client: client).gather(accountId: try await client.account(id: "acme-001").id)
            }
        }
        let exclusive = try await gather(.exclusive)
        let inclusive = try await gather(.inclusive)
        // Acme Labs' notes, tasks and user are in Acme Holdings' lists, but they are not Acme Corp's.
        #expect(inclusive.notes.map(\.id).sorted() == exclusive.notes.map(\.id).sorted())
        #expect(inclusive.tasks.map(\.id).sorted() == exclusive.tasks.map(\.id).sorted())
        #expect(inclusive.users.map(\.id).sorted() == exclusive.users.map(\.id).sorted())
        #expect(inclusive.organizationItemIds == exclusive.organizationItemIds && Set(inclusive.notes.map(\.id)).count == inclusive.notes.count)
        #expect(inclusive.notes.allSatisfy { $0.accountId == inclusive.account.id })
    }

    @Test func theOrganizationsShapeKeepsTheDataOnOrganizations() async throws {
        try await withSimulator({ $0.shape = .organizations; $0.errorBodies = .message }) { client, _ in
            let accounts = try await client.accounts(status: .activeOrChurned).collect()
            #expect(accounts.allSatisfy { $0.traits.isEmpty && $0.healthScore == nil && $0.mrr == nil && $0.organizationId != nil })
            let organizations = try await client.organizations().collect()
            #expect(organizations.count > 300 && organizations.filter { $0.healthScore != nil }.count > 300)
            let globex = try #require(organizations.first { $0.name == "Globex Inc" })
            #expect(globex.traits["hubspot.domain"]?.string == "globex.com" && globex.mrr == 2600)
            let fields = try await client.customFields(model: "organizations")
            #expect(fields.contains { $0.path == "vitally.custom.website" })
            // Errors are {"message": …} alone, and still read as the API's message.
            let raw = try await client.transport.send(HTTPRequest(method: "GET", path: "/resources/accounts/no-such-account"))
            #expect(raw.status == 404 && String(decoding: raw.body, as: UTF8.self) == #"{"message":"Account not found"}"#)
            do {
                _ = try await client.account(id: "no-such-account")
                Issue.record("a missing account was found")
            } catch let error as VitallyError {
                #expect(error.code == .notFound && error.bodyExcerpt == "Account not found")
            }
        }
    }

    @Test(arguments: InstancesEnvelope.allCases)
    func customObjectInstancesAreReadInBothEnvelopes(envelope: InstancesEnvelope) async throws {
        try await withSimulator({ $0.instancesEnvelope = envelope }) { client, simulator in
            let goals = try #require(try await client.customObjects().collect().first { $0.label == "Customer Goals" })
            let org = try #require(try await client.organizations().collect().first { $0.name == "Dunder Mifflin" })
            await simulator.state.clearLog()
            let found = try await client.searchInstances(of: goals, .organizationId(org.id))
            // Stamford's own goal carries the organization's id too: the search returns it (the brief attributes it).
            #expect(found.instances.map(\.name) == ["Reduce churn", "Roll out to Stamford", "Stamford on SSO"] && !found.more)
            #expect(found.labelled(found.instances[0]).map(\.label) == ["Due date", "Status"])
            // Exactly one criterion, and no limit, from or sortBy.
            #expect(await simulator.state.log.map(\.query) == [[QueryItem("organizationId", org.id)]])
        }
    }

    @Test func anUnknownInstancesShapeIsReportedNotReadAsNone() async throws {
        let transport = ScriptedTransport([#"{"instances":[]}"#])
        let client = VitallyClient(transport: transport)
        let object = CustomObjectRecord(json: ["id": "co-1", "label": "Goals"])
        await #expect(throws: VitallyError.self) { try await client.searchInstances(of: object, .customerId("a1")) }
    }
}
