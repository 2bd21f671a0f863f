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
        #expect(report.firstFailure?.title == "token")
        #expect(report.firstFailure?.detail.contains("401") == true)
        guard case .tokenRejected(let subdomain, let endpoint)? = report.firstFailure?.cause else {
            Issue.record("a 401 should be .tokenRejected, not \(String(describing: report.firstFailure?.cause))")
            return
        }
        #expect(subdomain == "acme" && endpoint?.region == .us)
    }

    @Test func aRevokedTokenIs403() async throws {
        let report = try await doctor({ $0.revokedTokens = ["sk_test_revoked_222"] }, token: "sk_test_revoked_222")
        #expect(status(report, "3") == .fail)
        #expect(report.firstFailure?.detail.contains("revoked") == true)
        #expect(report.firstFailure?.cause == .keyRevoked)
    }

    @Test func aResourceWithoutReadAccessIsNamed() async throws {
        let report = try await doctor({ $0.forbiddenResources = ["notes", "npsResponses"] })
        #expect(status(report, "4") == .fail)
        #expect(report.firstFailure?.detail.contains("403 on notes, NPS responses") == true)
        #expect(report.firstFailure?.cause == .readAccessRefused)
    }

    @Test func anUnreachableHostIsNamed() async throws {
        let report = try await withUnusedLoopbackPort { port in try await doctor(baseURL: "http://127.0.0.1:\(port)") }
        #expect(status(report, "2") == .fail)
        #expect(report.firstFailure?.title == "host")
        #expect(report.firstFailure?.detail.contains("refused") == true)
    }

    @Test func aRateLimitedTenantIsNamed() async throws {
        // Eight requests a minute: doctor's own probe and its seven reads use the whole budget.
        let report = try await doctor({ $0.rateLimitPerMinute = 8 })
        #expect(status(report, "5") == .fail)
        #expect(report.firstFailure?.title == "rate limit")
        #expect(report.firstFailure?.detail.hasPrefix("0 of 8 requests left") == true)
        #expect(report.firstFailure?.cause == .rateLimitExhausted)
    }

    @Test func aTenantAnsweringOnly429IsInconclusiveNeverClean() async throws {
        let report = try await doctor({ $0.rateLimitPerMinute = 0 }, emails: ["pat.lee@acme.com"])
        #expect(status(report, "3") == .warn)
        #expect(!report.succeeded)
        #expect(report.inconclusive)
        #expect(report.firstInconclusive?.title == "token")
        #expect(report.firstInconclusive?.detail.contains("rate-limited (429)") == true)
    }

    @Test func anEmptyTenantIsNamed() async throws {
        let report = try await doctor({ $0.emptyTenant = true })
        #expect(status(report, "6") == .fail)
        #expect(report.firstFailure?.detail.contains("no accounts at all") == true)
        #expect(report.firstFailure?.cause == .noAccounts)
    }

    @Test func anUnmatchedDomainIsTheCause() async throws {
        let report = try await doctor(emails: ["ops@nowhere-example.com"])
        let check = try #require(report.checks.last { $0.title.hasPrefix("attendee") })
        #expect(check.status == .fail)
        #expect(check.trace.count == MatchRule.allCases.count && check.trace.allSatisfy { $0.outcome == .nothing })
        #expect(report.firstFailure?.title == "attendee ops@nowhere-example.com")
        #expect(check.cause == .attendeeUnmatched(email: "ops@nowhere-example.com", domain: "nowhere-example.com", freeMail: false))
    }

    @Test func freeMailWithAndWithoutAUser() async throws {
        let report = try await doctor(emails: ["jane.doe@gmail.com", "stranger@gmail.com"])
        #expect(report.checks.first { $0.title == "attendee jane.doe@gmail.com" }?.status == .warn)
        let stranger = try #require(report.checks.first { $0.title == "attendee stranger@gmail.com" })
        #expect(stranger.status == .fail)
        #expect(stranger.cause == .attendeeUnmatched(email: "stranger@gmail.com", domain: "gmail.com", freeMail: true))
    }

    @Test func churnedAmbiguousTraitOnlyAndInternalAttendees() async throws {
        let report = try await doctor(emails: ["gavin@hooli.com", "tony@stark.com", "cfo@umbrella-health.com", "sam@brightwave.io", "x@vandelay.com"])
        func check(_ email: String) -> DoctorCheck? { report.checks.first { $0.title == "attendee \(email)" } }
        #expect(check("gavin@hooli.com")?.detail.contains("churned") == true)
        #expect(check("tony@stark.com")?.detail.contains("ambiguous") == true)
        #expect(check("cfo@umbrella-health.com")?.detail.contains("account domain trait") == true)
        #expect(check("sam@brightwave.io")?.detail.contains("internal") == true)
        #expect(check("x@vandelay.com")?.detail.contains("no health score, no notes, no users") == true)
        #expect(!report.failed)
    }

    @Test func probesWhatABriefDependsOnAndNamesOrganizationAndShapeCauses() async throws {
        let report = try await doctor(emails: ["miles@cyberdyne.com", "norman@oscorp.com"])
        let read = try #require(report.checks.first { $0.id == "4" })
        #expect(read.status == .pass)
        for probe in ["customFields", "admins", "meetings", "organizations"] { #expect(read.detail.contains(probe)) }
        let miles = try #require(report.checks.first { $0.id == "7:miles@cyberdyne.com" })
        #expect(miles.status == .warn)
        #expect(miles.cause == .attendeeConcerns([.organizationLevelOnly(account: "Cyberdyne Systems", organization: "Cyberdyne Holdings")]))
        #expect(miles.notes.contains { $0.contains("notes 0, tasks 0 on the account; notes 3, tasks 2 on its organization Cyberdyne Holdings") })
        let norman = try #require(report.checks.first { $0.id == "7:norman@oscorp.com" })
        guard case .attendeeConcerns(let concerns)? = norman.cause, case .unrecognisedShape(let account, let request)? = concerns.last else {
            Issue.record("no unrecognised-shape cause: \(String(describing: norman.cause))")
            return
        }
        #expect(account == "Oscorp" && request.hasSuffix("/healthScores"))
    }

    @Test func aForbiddenCustomFieldsProbeIsNamed() async throws {
        let report = try await doctor({ $0.forbiddenResources = ["customFields"] })
        let read = try #require(report.checks.first { $0.id == "4" })
        #expect(read.status == .fail && read.detail.contains("customFields"))
    }
}
