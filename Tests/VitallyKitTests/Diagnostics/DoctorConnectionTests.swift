import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// `doctor` measures the connection it used: a throttled, flaky or slow tenant is never "all passed".
@Suite struct DoctorConnectionTests {
    func connection(_ report: DoctorReport) throws -> DoctorCheck { try #require(report.checks.first { $0.title == "connection" }) }

    @Test func aThrottledTenantWarnsWithThe429sAndTheHeaders() async throws {
        let report = try await DoctorTests().doctor({ $0.rateLimitPerMinute = 8 }, emails: ["pat.lee@acme.com"])
        let check = try connection(report)
        #expect(check.status == .warn || check.status == .fail, "\(check)")
        #expect(check.detail.contains("× 429, waited"), "\(check.detail)")
        #expect(check.detail.contains("RateLimit-Limit 8"), "\(check.detail)")
        #expect((report.connection?.rateLimited ?? 0) > 0 && (report.connection?.waitedSeconds ?? 0) > 0)
        guard case .connection(let findings)? = check.cause else { Issue.record("no connection cause"); return }
        #expect(findings.contains { if case .rateLimited = $0 { return true } else { return false } })
        #expect(report.warnings > 0 || report.failed)
    }

    @Test func aFlakyTenantNamesItsRetriesAndTheirCauses() async throws {
        let report = try await DoctorTests().doctor({ $0.failRate = 0.5 }, emails: ["pat.lee@acme.com"])
        let check = try connection(report)
        #expect(check.status == .warn || check.status == .fail, "\(check)")
        #expect(check.detail.contains("retries ("), "\(check.detail)")
        #expect(check.detail.contains("HTTP 503 ×") || check.detail.contains("connection lost ×"), "\(check.detail)")
        #expect(!(report.connection?.retries.isEmpty ?? true))
    }

    @Test func aSlowTenantWarnsAboveTheMedianThreshold() async throws {
        let report = try await DoctorTests().doctor({ $0.latencyMilliseconds = 1_100 })
        let check = try connection(report)
        #expect(check.status == .warn, "\(check)")
        #expect(check.detail.contains("latency median 1.1 s"), "\(check.detail)")
        #expect(report.warnings > 0)
        guard case .connection(let findings)? = check.cause else { Issue.record("no connection cause"); return }
        #expect(findings.contains { if case .slow(let median) = $0 { return median > ConnectionThresholds.slowMedianSeconds } else { return false } })
    }

    @Test func aHealthyConnectionPassesWithItsNumbers() async throws {
        let report = try await DoctorTests().doctor()
        let check = try connection(report)
        #expect(check.status == .pass, "\(check)")
        #expect(check.detail.contains("no 429; no retries"), "\(check.detail)")
        #expect(report.succeeded)
    }

    @Test func aCancelledDoctorIsInconclusiveNeverFail() async throws {
        var options = SimulatorOptions(token: testToken, anchor: testAnchor)
        options.latencyMilliseconds = 400
        let simulator = try await SimulatorServer.start(options)
        defer { Task { await simulator.stop() } }
        let credentials = Credentials(subdomain: "acme", token: testToken, baseURL: simulator.baseURL, source: .environment)
        let endpoint = try credentials.endpoint()
        let limiter = RateLimiter()
        let client = VitallyClient(transport: RetryingTransport(base: LiveTransport(endpoint: endpoint, token: testToken), limiter: limiter))
        let matcher = AttendeeMatcher(client: client, directory: AccountDirectory(client: client, tenant: "acme"), team: TeamDirectory(client: client))
        let doctor = Doctor(context: DoctorContext(credentials: credentials, endpoint: endpoint, replayFile: nil, client: client,
                                                   limiter: limiter, matcher: matcher))
        let run = Task { await doctor.run(emails: ["pat.lee@acme.com"], title: nil) }
        try await Task.sleep(nanoseconds: 1_500_000_000)
        run.cancel()
        let report = await run.value
        #expect(!report.failed, "\(report.checks.filter { $0.status == .fail })")
        #expect(report.inconclusive)
        #expect(report.checks.contains { $0.cause == .cancelled })
        #expect(!report.checks.contains { $0.detail.contains("matching failed") })
    }
}

/// Findings never contradict each other in one run.
@Suite struct DoctorConsistencyTests {
    @Test func aForbiddenResourceIsNotCountedInTheSameRun() async throws {
        let report = try await DoctorTests().doctor({ $0.forbiddenResources = ["notes", "tasks"] }, emails: ["pat.lee@acme.com"])
        let access = try #require(report.checks.first { $0.title == "read access" })
        #expect(access.status == .fail && access.detail.contains("403 on notes, tasks"))
        let attendee = try #require(report.checks.first { $0.title.hasPrefix("attendee") })
        let lines = attendee.notes.joined(separator: "\n")
        #expect(lines.contains("notes not counted (403 above), tasks not counted (403 above) on the account"), "\(lines)")
        #expect(!lines.contains("notes 5") && !lines.contains("has a health score, notes"), "\(lines)")
    }

    /// A read that failed after retries is not a finding about the account: flaky reads of an
    /// account's users, notes and health scores once left the attendee PASS, "has a health score,
    /// notes and users", and the notes count "unreadable" (as if refused), beside the connection's
    /// FAIL for those very requests.
    @Test func aFailedReadOfTheAccountsDataIsNotCalledPresentAndTheAttendeeIsNotPass() async throws {
        let report = try await DoctorTests().doctor({
            $0.failRate = 1
            $0.failPattern = RequestPattern("/resources/accounts/*/*")
        }, emails: ["pat.lee@acme.com"])
        let attendee = try #require(report.checks.first { $0.title.hasPrefix("attendee") })
        let lines = attendee.notes.joined(separator: "\n")
        #expect(attendee.status == .warn && attendee.inconclusive, "\(attendee)")
        #expect(attendee.detail.contains("could not read") && attendee.detail.contains("/users"), "\(attendee.detail)")
        #expect(!lines.contains("has a health score, notes") && !lines.contains("unreadable"), "\(lines)")
        #expect(lines.contains("notes could not be read"), "\(lines)")
        #expect(report.checks.first { $0.title == "connection" }?.status == .fail)
    }

    /// The data-location check read its pages with `try?` and vanished when one failed after
    /// retries: a flaky tenant's report simply lacked the line. It now says it could not check, and why.
    @Test func aDataLocationThatCouldNotBeReadSaysSoInsteadOfVanishing() async throws {
        let report = try await DoctorTests().doctor({
            $0.failRate = 1
            $0.failPattern = RequestPattern("/resources/organizations?limit=100")
        })
        let location = try #require(report.checks.first { $0.title == "data location" }, "\(report.checks.map(\.title))")
        #expect(location.status == .warn && location.inconclusive, "\(location)")
        #expect(location.detail.contains("could not check") && location.detail.contains("GET /resources/organizations"), "\(location.detail)")
    }
}
