import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// One scenario per cause of "no Vitally data in briefs"; each must be named, with no token in the output.
@Suite struct DoctorTests {
    func doctor(
        _ configure: (inout SimulatorOptions) -> Void = { _ in }, token: String = testToken, baseURL: String? = nil,
        region: VitallyRegion = .us, emails: [String] = [], title: String? = nil
    ) async throws -> DoctorReport {
        var options = SimulatorOptions(token: testToken, anchor: testAnchor)
        configure(&options)
        let simulator = try await SimulatorServer.start(options)
        defer { Task { await simulator.stop() } }
        let credentials = Credentials(subdomain: "acme", token: token, region: region, baseURL: baseURL ?? simulator.baseURL, source: .environment)
        let endpoint = try credentials.endpoint()
        let limiter = RateLimiter()
        let client = VitallyClient(transport: RetryingTransport(
            base: LiveTransport(endpoint: endpoint, token: token, timeoutSeconds: 3), limiter: limiter, clock: VirtualRetryClock()))
        let matcher = AttendeeMatcher(client: client, directory: AccountDirectory(client: client, tenant: "acme"), team: TeamDirectory(client: client))
        let report = await Doctor(context: DoctorContext(credentials: credentials, endpoint: endpoint, replayFile: nil, client: client,
                                                         limiter: limiter, matcher: matcher)).run(emails: emails, title: title)
        let text = String(describing: report.checks)
        for form in Redactor.forms(of: token) { #expect(!text.contains(form), "token leaked into doctor output") }
        return report
    }

    func status(_ report: DoctorReport, _ id: String) -> CheckStatus? { report.checks.first { $0.id == id }?.status }

    @Test func aHealthyTenantPasses() async throws {
        let report = try await doctor(emails: ["pat.lee@acme.com"])
        #expect(!report.failed)
        #expect(report.checks.map(\.status).allSatisfy { $0 == .pass })
        #expect(report.firstFailure == nil && report.warnings == 0)
    }

    @Test func aWrongTokenIsNamedWithTheRegionHint() async throws {
        let report = try await doctor(token: "sk_test_wrong_000111")
        #expect(status(report, "3") == .fail)
        #expect(report.firstFailure?.name == .token)
        guard case .tokenRejected(let subdomain, let endpoint)? = report.firstFailure?.outcome else {
            Issue.record("a 401 should be .tokenRejected, not \(String(describing: report.firstFailure?.outcome))")
            return
        }
        #expect(subdomain == "acme" && endpoint?.region == .us)
    }

    @Test func aRevokedTokenIs403() async throws {
        let report = try await doctor({ $0.revokedTokens = ["sk_test_revoked_222"] }, token: "sk_test_revoked_222")
        #expect(status(report, "3") == .fail)
        #expect(report.firstFailure?.outcome == .keyRevoked)
    }

    @Test func aResourceWithoutReadAccessIsNamed() async throws {
        let report = try await doctor({ $0.forbiddenResources = ["notes", "npsResponses"] })
        #expect(status(report, "4") == .fail)
        #expect(report.firstFailure?.outcome == .readRefused(resources: ["notes", "npsResponses"]))
    }

    @Test func anUnreachableHostIsNamed() async throws {
        let report = try await withUnusedLoopbackPort { port in try await doctor(baseURL: "http://127.0.0.1:\(port)") }
        #expect(status(report, "2") == .fail)
        #expect(report.firstFailure?.name == .host)
        guard case .hostUnreachable(_, _, let error, let endpoint)? = report.firstFailure?.outcome else {
            Issue.record("no unreachable host: \(String(describing: report.firstFailure?.outcome))")
            return
        }
        #expect(error.code == .connection && error.cause?.contains("refused") == true && endpoint != nil)
    }

    @Test func aRateLimitedTenantIsNamed() async throws {
        // Eight requests a minute: doctor's own probe and its seven reads use the whole budget.
        let report = try await doctor({ $0.rateLimitPerMinute = 8 })
        #expect(status(report, "5") == .fail)
        #expect(report.firstFailure?.name == .rateLimit)
        guard case .rateLimit(let remaining, let limit, _)? = report.firstFailure?.outcome else {
            Issue.record("no rate limit: \(String(describing: report.firstFailure?.outcome))")
            return
        }
        #expect(remaining == 0 && limit == 8)
    }

    @Test func aTenantAnsweringOnly429IsInconclusiveNeverClean() async throws {
        let report = try await doctor({ $0.rateLimitPerMinute = 0 }, emails: ["pat.lee@acme.com"])
        #expect(status(report, "3") == .warn)
        #expect(!report.succeeded)
        #expect(report.inconclusive)
        #expect(report.firstInconclusive?.name == .token)
        #expect(report.firstInconclusive?.outcome == .stillRateLimited)
    }

    @Test func anEmptyTenantIsNamed() async throws {
        let report = try await doctor({ $0.emptyTenant = true })
        #expect(status(report, "6") == .fail)
        #expect(report.firstFailure?.outcome == .noAccounts)
    }

    @Test func anUnmatchedDomainIsTheCause() async throws {
        let report = try await doctor(emails: ["ops@nowhere-example.com"])
        let check = try #require(report.checks.last { $0.name == .attendee })
        #expect(check.status == .fail)
        #expect(check.trace.count == MatchRule.allCases.count && check.trace.allSatisfy { $0.outcome == .nothing })
        #expect(report.firstFailure?.attendee == "ops@nowhere-example.com")
        #expect(check.outcome == .unmatched(email: "ops@nowhere-example.com", domain: "nowhere-example.com", freeMail: false))
    }

    @Test func freeMailWithAndWithoutAUser() async throws {
        let report = try await doctor(emails: ["jane.doe@gmail.com", "stranger@gmail.com"])
        #expect(report.checks.first { $0.attendee == "jane.doe@gmail.com" }?.status == .warn)
        let stranger = try #require(report.checks.first { $0.attendee == "stranger@gmail.com" })
        #expect(stranger.status == .fail)
        #expect(stranger.outcome == .unmatched(email: "stranger@gmail.com", domain: "gmail.com", freeMail: true))
    }

    @Test func churnedAmbiguousTraitOnlyAndInternalAttendees() async throws {
        let report = try await doctor(emails: ["gavin@hooli.com", "tony@stark.com", "cfo@umbrella-health.com", "sam@brightwave.io", "x@vandelay.com"])
        func reading(_ email: String) -> AttendeeReading? {
            if case .matched(let reading)? = report.checks.first(where: { $0.attendee == email })?.outcome { return reading } else { return nil }
        }
        #expect(reading("gavin@hooli.com")?.churned == true)
        #expect(reading("tony@stark.com")?.ambiguous == true)
        #expect(reading("cfo@umbrella-health.com")?.rule == .accountDomainTrait)
        #expect(report.checks.first { $0.attendee == "sam@brightwave.io" }?.outcome == .internalAttendee(domain: "brightwave.io"))
        #expect(reading("x@vandelay.com")?.probes.first?.gaps == [.healthScore, .notes, .users])
        #expect(!report.failed)
    }

    @Test func probesWhatABriefDependsOnAndNamesOrganizationAndShapeCauses() async throws {
        let report = try await doctor(emails: ["miles@cyberdyne.com", "norman@oscorp.com"])
        let read = try #require(report.checks.first { $0.id == "4" })
        #expect(read.status == .pass)
        guard case .readAll(let resources) = read.outcome else { Issue.record("not read: \(read.outcome)"); return }
        for probe in ["customFields", "admins", "meetings", "organizations"] { #expect(resources.contains(probe)) }
        let miles = try #require(report.checks.first { $0.id == "7:miles@cyberdyne.com" })
        #expect(miles.status == .warn)
        guard case .matched(let cyberdyne) = miles.outcome, let probe = cyberdyne.probes.first else {
            Issue.record("not matched: \(miles.outcome)")
            return
        }
        #expect(probe.account == "Cyberdyne Systems" && probe.organizationOnly == "Cyberdyne Holdings")
        #expect(probe.notes == .counted(0) && probe.tasks == .counted(0))
        #expect(probe.organization == OrganizationCounts(name: "Cyberdyne Holdings", notes: .counted(3), tasks: .counted(2)))
        let norman = try #require(report.checks.first { $0.id == "7:norman@oscorp.com" })
        guard case .matched(let oscorp) = norman.outcome, let shape = oscorp.probes.last else {
            Issue.record("not matched: \(norman.outcome)")
            return
        }
        #expect(shape.account == "Oscorp" && shape.unrecognised?.hasSuffix("/healthScores") == true && shape.breakdown == .unrecognised)
    }

    @Test func aForbiddenCustomFieldsProbeIsNamed() async throws {
        let report = try await doctor({ $0.forbiddenResources = ["customFields"] })
        let read = try #require(report.checks.first { $0.id == "4" })
        #expect(read.status == .fail && read.outcome == .readRefused(resources: ["customFields"]))
    }
}
