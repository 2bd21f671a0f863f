import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// `doctor` measures the connection it used: a throttled, flaky or slow tenant is never "all passed".
@Suite struct DoctorConnectionTests {
    func connection(_ report: DoctorReport) throws -> DoctorCheck { try #require(report.checks.first { $0.name == .connection }) }

    @Test func aThrottledTenantWarnsWithThe429sAndTheHeaders() async throws {
        let report = try await DoctorTests().doctor({ $0.rateLimitPerMinute = 8 }, emails: ["pat.lee@acme.com"])
        let check = try connection(report)
        #expect(check.status == .warn || check.status == .fail, "\(check)")
        #expect((report.connection?.rateLimited ?? 0) > 0 && (report.connection?.waitedSeconds ?? 0) > 0)
        guard case .connection(let met, let findings) = check.outcome else { Issue.record("no connection outcome"); return }
        #expect(met == report.connection && met.lastRateLimit?.limit == 8)
        #expect(findings.contains { if case .rateLimited(let count, let waited, _) = $0 { return count > 0 && waited > 0 } else { return false } })
        #expect(report.warnings > 0 || report.failed)
    }

    @Test func aFlakyTenantNamesItsRetriesAndTheirCauses() async throws {
        let report = try await DoctorTests().doctor({ $0.failRate = 0.5 }, emails: ["pat.lee@acme.com"])
        let check = try connection(report)
        #expect(check.status == .warn || check.status == .fail, "\(check)")
        #expect(!(report.connection?.retries.isEmpty ?? true))
        guard case .connection(_, let findings) = check.outcome else { Issue.record("no connection outcome"); return }
        #expect(findings.contains { if case .retried(let count) = $0 { return count > 0 } else { return false } }
            || findings.contains { if case .failed = $0 { return true } else { return false } }, "\(findings)")
    }

    @Test func aSlowTenantWarnsAboveTheMedianThreshold() async throws {
        let report = try await DoctorTests().doctor({ $0.latencyMilliseconds = 1_100 })
        let check = try connection(report)
        #expect(check.status == .warn, "\(check)")
        #expect(report.warnings > 0)
        guard case .connection(_, let findings) = check.outcome else { Issue.record("no connection outcome"); return }
        #expect(findings.contains { if case .slow(let median) = $0 { return median > ConnectionThresholds.slowMedianSeconds } else { return false } })
    }

    @Test func aHealthyConnectionPassesWithItsNumbers() async throws {
        let report = try await DoctorTests().doctor()
        let check = try connection(report)
        #expect(check.status == .pass, "\(check)")
        guard case .connection(let met, let findings) = check.outcome else { Issue.record("no connection outcome"); return }
        #expect(findings.isEmpty && met.rateLimited == 0 && met.retries.isEmpty && met.requests > 0, "\(met) \(findings)")
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
        #expect(report.checks.contains { $0.outcome == .cancelled || $0.name == .connection && $0.inconclusive })
        #expect(!report.checks.contains { if case .matchingFailed = $0.outcome { return true } else { return false } })
    }
}

/// Findings never contradict each other in one run.
@Suite struct DoctorConsistencyTests {
    @Test func aForbiddenResourceIsNotCountedInTheSameRun() async throws {
        let report = try await DoctorTests().doctor({ $0.forbiddenResources = ["notes", "tasks"] }, emails: ["pat.lee@acme.com"])
        let access = try #require(report.checks.first { $0.name == .readAccess })
        #expect(access.status == .fail && access.outcome == .readRefused(resources: ["notes", "tasks"]))
        let attendee = try #require(report.checks.first { $0.name == .attendee })
        guard case .matched(let reading) = attendee.outcome, let probe = reading.probes.first else { Issue.record("\(attendee)"); return }
        #expect(probe.notes == .refused && probe.tasks == .refused, "\(probe)")
        #expect(probe.held == [.healthScore, .users], "\(probe)")
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
        let attendee = try #require(report.checks.first { $0.name == .attendee })
        #expect(attendee.status == .warn && attendee.inconclusive, "\(attendee)")
        guard case .matched(let reading) = attendee.outcome, let probe = reading.probes.first else { Issue.record("\(attendee)"); return }
        #expect(reading.unread.contains { $0.path.hasSuffix("/users") }, "\(reading.unread)")
        #expect(!probe.held.contains(.notes) && !probe.held.contains(.users), "\(probe)")
        if case .failed = probe.notes {} else { Issue.record("the notes count is not a failed read: \(probe.notes)") }
        #expect(report.checks.first { $0.name == .connection }?.status == .fail)
    }

    /// The data-location check read its pages with `try?` and vanished when one failed after
    /// retries: a flaky tenant's report simply lacked the line. It now says it could not check, and why.
    @Test func aDataLocationThatCouldNotBeReadSaysSoInsteadOfVanishing() async throws {
        let report = try await DoctorTests().doctor({
            $0.failRate = 1
            $0.failPattern = RequestPattern("/resources/organizations?limit=100")
        })
        let location = try #require(report.checks.first { $0.name == .dataLocation }, "\(report.checks.map(\.name))")
        #expect(location.status == .warn && location.inconclusive, "\(location)")
        guard case .locationUnread(let errors) = location.outcome else { Issue.record("\(location.outcome)"); return }
        #expect(errors.contains { $0.method == "GET" && $0.path.hasPrefix("/resources/organizations") }, "\(errors)")
    }
}
