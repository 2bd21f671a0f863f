import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// Each rule against the simulator's scenario accounts.
@Suite struct AttendeeMatcherTests {
    func matching(_ email: String, title: String? = nil) async throws -> AttendeeMatch {
        try await withSimulator { client, _ in
            let matcher = AttendeeMatcher(
                client: client, directory: AccountDirectory(client: client, tenant: "test"), team: TeamDirectory(client: client))
            return try await matcher.match(email, title: title)
        }
    }

    @Test func rule1FindsAKnownUser() async throws {
        let match = try await matching("Pat.Lee@acme.com")
        #expect(match.rule == .contact)
        #expect(match.accounts.map(\.name) == ["Acme Corp"])
        #expect(match.confidenceLabel == "high")
        #expect(match.user?.name == "Pat Lee")
        #expect(match.trace.map(\.outcome) == [.matched, .skipped, .skipped, .skipped, .skipped])
    }

    @Test func freeMailWithAVitallyUserMatchesByContact() async throws {
        let match = try await matching("jane.doe@gmail.com")
        #expect(match.isFreeMail)
        #expect(match.rule == .contact)
        #expect(match.accounts.map(\.name) == ["Pied Piper"])
    }

    @Test func freeMailWithoutAUserSkipsTheDomainRulesAndSaysWhy() async throws {
        let match = try await matching("someone.else@gmail.com")
        #expect(!match.isMatched)
        #expect(match.trace[1].outcome == .skipped && match.trace[1].finding == .freeMailDomain("gmail.com"))
        #expect(match.trace[2].outcome == .skipped)
        #expect(match.rule == nil && match.accounts.isEmpty)
    }

    @Test func rule2MatchesColleaguesAtTheSameDomain() async throws {
        let match = try await matching("new.person@acme.com")
        #expect(match.rule == .emailDomain)
        #expect(match.accounts.map(\.name) == ["Acme Corp"])
    }

    @Test func aSubdomainFallsBackToItsRegistrableDomain() async throws {
        let match = try await matching("someone@emea.acme.com")
        #expect(match.rule == .emailDomain)
        #expect(match.trace[1].attempt == .colleagueSearch(domains: ["emea.acme.com", "acme.com"]))
        #expect(match.accounts.map(\.name) == ["Acme Corp"])
    }

    @Test func rule3FindsADomainThatOnlyATraitHolds() async throws {
        let match = try await matching("ceo@umbrella-health.com")
        #expect(match.rule == .accountDomainTrait)
        #expect(match.accounts.map(\.name) == ["Umbrella Health"])
        #expect(match.accounts[0].because == .trait(key: "vitally.custom.companyDomain", domain: "umbrella-health.com"))
        #expect(match.trace[1].finding == .noColleagues(domains: ["umbrella-health.com"]))
        #expect(match.trace[0].finding == .noUser && match.trace[3].finding == .notNeeded(after: .accountDomainTrait))
    }

    @Test func rule3ComparesRegistrableDomainsOfWebsiteURLs() async throws {
        let match = try await matching("it@shop.initech.com")
        #expect(match.rule == .accountDomainTrait || match.rule == .emailDomain)
        #expect(match.accounts.map(\.name) == ["Initech"])
    }

    @Test func aSharedDomainIsAmbiguous() async throws {
        let match = try await matching("tony@stark.com")
        #expect(match.isAmbiguous)
        #expect(Set(match.accounts.map(\.name)) == ["Stark Industries", "Stark Industries EMEA"])
        #expect(match.confidenceLabel != "high")
    }

    @Test func aChurnedAccountMatchesButIsFlagged() async throws {
        let match = try await matching("gavin@hooli.com")
        #expect(match.accounts.first?.churned == true)
        #expect(match.trace.contains { trace in
            if case .userBelongs(_, let accounts) = trace.finding { return accounts.first?.churned == true }
            return false
        })
    }

    @Test func rule4CorrelatesTheCompanyName() async throws {
        let byLabel = try await matching("bruce@wayneenterprises.com")
        #expect(byLabel.rule == .companyName)
        #expect(byLabel.accounts.map(\.name) == ["Wayne Enterprises"])
        let byTitle = try await matching("guest@unknown-startup.io", title: "Wayne Enterprises renewal")
        #expect(byTitle.rule == .companyName)
        #expect(byTitle.confidenceLabel == "low")
        let none = try await matching("guest@unknown-startup.io", title: "Weekly sync")
        #expect(!none.isMatched)
        #expect(none.trace.count == MatchRule.allCases.count)
        #expect(none.trace.allSatisfy { $0.outcome == .nothing })
    }

    @Test func ourOwnTeamIsInternal() async throws {
        let match = try await matching("lee@brightwave.io")
        #expect(match.isInternal)
        #expect(!match.isMatched)
        let newHire = try await matching("new.hire@brightwave.io")
        #expect(newHire.isInternal)
    }

    @Test func matchesSeveralAttendeesAtOnceInOrder() async throws {
        try await withSimulator { client, _ in
            let matcher = AttendeeMatcher(client: client, directory: AccountDirectory(client: client, tenant: "t"), team: TeamDirectory(client: client))
            let results = try await matcher.match(["pat.lee@acme.com", "hank@globex.com", "x@nowhere.example"], title: nil)
            #expect(results.map { $0.accounts.first?.name } == ["Acme Corp", "Globex Inc", nil])
        }
    }
}

/// ACCOUNT arguments, answered by the matcher's own questions.
@Suite struct AccountLookupTests {
    func lookUp(_ text: String) async throws -> AccountResolution {
        try await withSimulator { client, _ in
            try await AttendeeMatcher(
                client: client, directory: AccountDirectory(client: client, tenant: "test"), team: TeamDirectory(client: client)
            ).account(for: text)
        }
    }

    @Test func anEmailADomainAndANameFindAcme() async throws {
        for (text, key) in [("pat.lee@acme.com", AccountKey.email("pat.lee@acme.com")), ("acme.com", .domain("acme.com")),
                            ("acme corp", .name("acme corp"))] {
            guard case .found(let account, let via) = try await lookUp(text) else {
                Issue.record("\(text) found no account")
                continue
            }
            #expect(account.name == "Acme Corp", "\(text)")
            #expect(via == key)
        }
    }

    @Test func nothingFoundSaysWhichKindOfArgumentItWas() async throws {
        guard case .notFound(let key) = try await lookUp("nobody@nowhere-example.com") else {
            Issue.record("an unknown address resolved")
            return
        }
        #expect(key == .domain("nowhere-example.com"))
        guard case .notFound(.empty) = try await lookUp("  ") else {
            Issue.record("a blank argument resolved")
            return
        }
    }
}

/// Rule 4: a domain that lives only on an organization, and a user who names only organizations.
@Suite struct OrganizationRuleTests {
    @Test func aDomainOnlyOnAnOrganizationMatchesItsAccountsWithItsRuleTraced() async throws {
        try await withSimulator { client, _ in
            let matcher = AttendeeMatcher(client: client, directory: AccountDirectory(client: client, tenant: "t"), team: TeamDirectory(client: client))
            let match = try await matcher.match("ops@dunmifsys.com", title: nil)
            #expect(match.rule == .organizationDomainTrait)
            #expect(match.accounts.map(\.name).sorted() == ["Dunder Mifflin Scranton", "Dunder Mifflin Stamford"])
            #expect(!match.isAmbiguous && match.confidenceLabel == "medium")
            #expect(match.trace.map(\.rule) == MatchRule.allCases)
            #expect(match.trace[2].outcome == .nothing && match.trace[3].outcome == .matched && match.trace[4].outcome == .skipped)
            #expect(match.accounts[0].because == .organizationTrait(organization: "Dunder Mifflin", key: "vitally.custom.website", domain: "dunmifsys.com"))
            guard case .organizationTraitScan(let count, let keys, "dunmifsys.com", false, nil) = match.trace[3].attempt else {
                Issue.record("rule 4 did not say what it scanned: \(match.trace[3].attempt)")
                return
            }
            #expect(count == 5 && keys.contains("vitally.custom.website"))
        }
    }

    @Test func aDomainNowhereSaysRule4FoundNothing() async throws {
        try await withSimulator { client, _ in
            let matcher = AttendeeMatcher(client: client, directory: AccountDirectory(client: client, tenant: "t"), team: TeamDirectory(client: client))
            let match = try await matcher.match("x@nowhere-example.com", title: nil)
            #expect(match.trace[3].rule == .organizationDomainTrait && match.trace[3].finding == .noOrganizationTrait(domain: "nowhere-example.com"))
        }
    }

    @Test func organizationsThatCannotBeReadLeaveTheOtherRulesStanding() async throws {
        try await withSimulator({ $0.forbiddenResources = ["organizations"] }) { client, _ in
            let matcher = AttendeeMatcher(client: client, directory: AccountDirectory(client: client, tenant: "t"), team: TeamDirectory(client: client))
            let match = try await matcher.match("guest@unknown-startup.io", title: "Wayne Enterprises renewal")
            #expect(match.rule == .companyName && match.accounts.map(\.name) == ["Wayne Enterprises"])
            guard case .organizationsUnreadable(let error) = match.trace[3].finding else {
                Issue.record("rule 4 did not say it could not check: \(match.trace[3].finding)")
                return
            }
            #expect(error.status == 403 && match.trace[3].outcome == .nothing)
        }
    }

    @Test func inTheOrganizationsShapeADomainTraitOnTheOrganizationMatches() async throws {
        try await withSimulator({ $0.shape = .organizations }) { client, _ in
            let matcher = AttendeeMatcher(client: client, directory: AccountDirectory(client: client, tenant: "t"), team: TeamDirectory(client: client))
            // Vandelay has a domain trait and no users: in this shape the trait is its organization's.
            let match = try await matcher.match("art@vandelay.com", title: nil)
            #expect(match.rule == .organizationDomainTrait && match.accounts.map(\.name) == ["Vandelay Industries"])
        }
    }
}
