import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// What the simulated tenant holds, read over HTTP as the shell reads it.
@Suite struct SimulatorDataTests {
    @Test func aKnownContactBelongsToTheAccountItsEmailDomainNames() async throws {
        try await withServer { simulator in
            let users = try await fetch(simulator, "/resources/users/search?email=pat.lee%40acme.com")
            #expect(users.status == 200)
            let pat = try #require(users.json?["results"]?.array?.first)
            #expect(pat["name"]?.string == "Pat Lee")
            let accountId = try #require(pat["accountIds"]?.array?.first?.string)
            let account = try await fetch(simulator, "/resources/accounts/" + accountId)
            #expect(account.status == 200)
            #expect(account.json?["name"]?.string == "Acme Corp")
            #expect(try await fetch(simulator, "/resources/users/search?email=nobody%40nowhere-example.com").json?["results"]?.array?.isEmpty == true)
        }
    }

    @Test(arguments: HealthScoreShape.allCases)
    func healthScoresComeInTheShapeAsked(shape: HealthScoreShape) async throws {
        try await withServer({ $0.healthScoreShape = shape }) { simulator in
            let users = try await fetch(simulator, "/resources/users/search?email=pat.lee%40acme.com")
            let accountId = try #require(users.json?["results"]?.array?.first?["accountIds"]?.array?.first?.string)
            let answer = try await fetch(simulator, "/resources/accounts/\(accountId)/healthScores")
            #expect(answer.status == 200)
            let json = try #require(answer.json)
            switch shape {
            case .results: #expect(json["results"]?.array?.isEmpty == false)
            case .bareArray: #expect(json.array?.isEmpty == false)
            case .keyedByName: #expect(json.object?.isEmpty == false && json["results"] == nil)
            case .unrecognised: #expect(json["breakdown"]?.array?.isEmpty == false)
            }
        }
    }

    @Test func anEmptyTenantHasNoAccountsAndAnUnknownPathIs404() async throws {
        try await withServer({ $0.emptyTenant = true }) { simulator in
            let accounts = try await fetch(simulator, "/resources/accounts")
            #expect(accounts.status == 200)
            #expect(accounts.json?["results"]?.array?.isEmpty == true)
            #expect(try await fetch(simulator, "/resources/noSuchThing").status == 404)
        }
    }

    @Test func epochDatesAndNumericIdsAreServedWhenAsked() async throws {
        try await withServer({ $0.numericIds = true; $0.epochDates = true }) { simulator in
            let page = try await fetch(simulator, "/resources/accounts?limit=3")
            let first = try #require(page.json?["results"]?.array?.first)
            #expect(isNumber(first["id"]))
            #expect(isNumber(first["createdAt"]))
        }
    }
}

/// Whether a JSON value arrived as a number (not a string holding one).
func isNumber(_ value: JSONValue?) -> Bool {
    if case .number? = value { return true }
    return false
}
