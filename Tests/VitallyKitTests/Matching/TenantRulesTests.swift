import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// Internal-team rules, complete scans and the customFields fallback, against the simulator.
@Suite struct TenantRulesTests {
    func matcher(_ client: VitallyClient) -> AttendeeMatcher {
        AttendeeMatcher(client: client, directory: AccountDirectory(client: client, tenant: "t"), team: TeamDirectory(client: client))
    }

    @Test func onlyActiveAdminsMakeADomainInternalAndMatchNamesThem() async throws {
        try await withSimulator { client, _ in
            let matcher = matcher(client)
            // globex.com only has an auto-created admin: its people stay customers.
            let hank = try await matcher.match("hank@globex.com", title: nil)
            #expect(!hank.isInternal)
            #expect(hank.accounts.map(\.name) == ["Globex Inc"])
            let dana = try await matcher.match("dana@brightwave.io", title: nil)
            #expect(dana.isInternal)
            #expect(dana.team.admin?.name == "Dana Reyes")
            guard case .admin = dana.team else {
                Issue.record("expected an admin verdict, got \(dana.team)")
                return
            }
            let newHire = try await matcher.match("new.hire@brightwave.io", title: nil)
            #expect(newHire.isInternal)
            #expect(newHire.team == .adminDomain("brightwave.io", admin: try #require(dana.team.admin)))
        }
    }

    @Test func aDomainVitallyHoldsAsACustomersIsNotInternal() async throws {
        try await withSimulator { client, _ in
            let matcher = matcher(client)
            // Ravi Shah (active admin, a contractor) has an initech.com address; Initech is a customer.
            let bill = try await matcher.match("bill@initech.com", title: nil)
            #expect(!bill.isInternal)
            #expect(bill.accounts.map(\.name) == ["Initech"])
            guard case .customerDomain(let domain, let admin, let evidence) = bill.team else {
                Issue.record("expected a customer-domain verdict, got \(bill.team)")
                return
            }
            #expect(domain == "initech.com" && admin.name == "Ravi Shah" && evidence == .users(1))
            let ravi = try await matcher.match("ravi@initech.com", title: nil)
            #expect(ravi.isInternal)
            #expect(ravi.team.admin?.name == "Ravi Shah")
        }
    }

    @Test func aDomainOnlyAnAccountTraitHoldsIsNotInternalEither() async throws {
        try await withSimulator { client, _ in
            let matcher = matcher(client)
            // Kai Tan, an active admin, has an umbrella-health.com address. No Vitally user is at
            // that domain (Umbrella's contact uses gmail), but the account's companyDomain trait holds it.
            let newcomer = try await matcher.match("someone.new@umbrella-health.com", title: nil)
            #expect(!newcomer.isInternal)
            #expect(newcomer.team == .customerDomain(
                "umbrella-health.com", admin: try #require(newcomer.team.admin), evidence: .traits([DomainHolder(account: "Umbrella Health", key: "vitally.custom.companyDomain")])))
            #expect(newcomer.team.admin?.name == "Kai Tan")
            #expect(newcomer.accounts.map(\.name) == ["Umbrella Health"])
            // The admin's own address is still the team's, and our own domain stays internal.
            #expect(try await matcher.match("kai@umbrella-health.com", title: nil).isInternal)
            let colleague = try await matcher.match("new.hire@brightwave.io", title: nil)
            #expect(colleague.isInternal && colleague.team == .adminDomain("brightwave.io", admin: try #require(colleague.team.admin)))
        }
    }

    @Test func theFirstScanSortsByCreatedAtAndARefreshByUpdatedAt() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("accounts.json")
        try await withSimulator { client, simulator in
            _ = try await AccountDirectory(client: client, tenant: "acme", cacheFile: cache).load()
            let first = await simulator.state.log.filter { $0.path == "/resources/accounts" }
            #expect(!first.isEmpty)
            #expect(first.allSatisfy { $0.query.contains(QueryItem("sortBy", "createdAt")) })
            await simulator.state.clearLog()
            let warm = AccountDirectory(client: client, tenant: "acme", cacheFile: cache)
            _ = try await warm.load()
            let refresh = await simulator.state.log.filter { $0.path == "/resources/accounts" }
            #expect(refresh.count == 1)
            #expect(!refresh.contains { $0.query.contains(QueryItem("sortBy", "createdAt")) })
        }
    }

    @Test func aFailingCustomFieldsFallsBackToWellKnownKeysAndSaysSo() async throws {
        try await withSimulator({ $0.forbiddenResources = ["customFields"] }) { client, _ in
            let directory = AccountDirectory(client: client, tenant: "t")
            let traits = try await directory.domainTraits()
            #expect(traits.customFieldsFailure?.status == 403)
            #expect(traits.keys == DomainTraits.wellKnownKeys)
            let matcher = AttendeeMatcher(client: client, directory: directory, team: TeamDirectory(client: client))
            // Umbrella Health's domain is only in vitally.custom.companyDomain, a well-known key.
            let match = try await matcher.match("someone.new@umbrella-health.com", title: nil)
            #expect(match.accounts.map(\.name) == ["Umbrella Health"])
            let rule3 = try #require(match.trace.first { $0.rule == .accountDomainTrait })
            guard case .traitScan(_, _, _, let failure) = rule3.attempt else {
                Issue.record("rule 3 did not scan traits: \(rule3.attempt)")
                return
            }
            #expect(failure?.status == 403)
        }
    }
}
