import Foundation

/// What `doctor` knows about the session before it asks Vitally anything.
package struct DoctorContext: Sendable {
    package var credentials: Credentials?
    package var endpoint: VitallyEndpoint?
    /// Set when answers come from a recording.
    package var replayFile: String?
    package var client: VitallyClient
    package var limiter: RateLimiter
    package var matcher: AttendeeMatcher
    /// Why the configured credentials could not be used (a malformed `VITALLY_SUBDOMAIN`, an unsafe config file).
    package var configurationProblem: String?

    package init(credentials: Credentials?, endpoint: VitallyEndpoint?, replayFile: String?, client: VitallyClient,
                limiter: RateLimiter, matcher: AttendeeMatcher, configurationProblem: String? = nil) {
        self.configurationProblem = configurationProblem
        self.credentials = credentials
        self.endpoint = endpoint
        self.replayFile = replayFile
        self.client = client
        self.limiter = limiter
        self.matcher = matcher
    }
}

/// Walks the causes of "no Vitally data in briefs" and "connection failed" in order.
package struct Doctor: Sendable {
    package let context: DoctorContext
    /// Resources the read-access check found refused (403): not counted later in the same run,
    /// so no finding contradicts another.
    var refused: Set<String> = []

    package init(context: DoctorContext) { self.context = context }

    /// The lists a brief reads, with one small request each, named by their path (the shell words
    /// `npsResponses` and `healthScores`). customFields takes no limit (a bare array); the others
    /// are probed with one row.
    static let resources: [(name: String, path: String, query: [QueryItem])] = [
        "accounts", "users", "notes", "tasks", "npsResponses", "conversations", "projects", "meetings", "organizations", "admins",
    ].map { ($0, VitallyPath.resource($0), [QueryItem("limit", "1")]) }
        + [("customFields", VitallyPath.resource("customFields"), [QueryItem("model", "accounts")])]
    /// The health-score breakdown's name among the resources.
    static let healthScores = "healthScores"

    /// Every check but the connection's (`run`, in Doctor+Connection.swift, adds it).
    func runChecks(emails: [String], title: String?) async -> DoctorReport {
        var checks: [DoctorCheck] = []
        func skipRest(from id: Int, because reason: SkipReason) {
            let names: [DoctorCheckName] = [.credentials, .host, .token, .readAccess, .rateLimit, .tenantData, .attendees]
            for (offset, name) in names.enumerated() where offset + 1 >= id {
                checks.append(DoctorCheck("\(offset + 1)", name, .skip, .notRun(reason)))
            }
        }

        // 1. Credentials.
        if let file = context.replayFile {
            checks.append(DoctorCheck("1", .credentials, .pass, .replaying(file: file)))
        } else if let credentials = context.credentials {
            checks.append(DoctorCheck("1", .credentials, .pass, .tokenPresent(source: credentials.source)))
        } else if let problem = context.configurationProblem {
            checks.append(DoctorCheck("1", .credentials, .fail, .unusableConfiguration(problem: problem)))
            skipRest(from: 2, because: .noUsableCredentials)
            return DoctorReport(checks: checks)
        } else {
            checks.append(DoctorCheck("1", .credentials, .fail, .notConnected))
            skipRest(from: 2, because: .noCredentials)
            return DoctorReport(checks: checks)
        }

        // 2 and 3: one small read tells whether the host answers and the token is accepted.
        let base = context.endpoint?.baseURL
        let probe = "\(VitallyPath.accounts)?limit=1"
        var firstAccount: Account?
        let answered = DoctorCheck("2", .host, .pass, .hostAnswered(host: hostKind(), baseURL: base, request: probe))
        do {
            let page = try await context.client.firstPage(VitallyPath.accounts, limit: 1, as: Account.self)
            firstAccount = page.results.first
            checks.append(answered)
            checks.append(DoctorCheck("3", .token, .pass, .tokenAccepted(host: context.endpoint?.host)))
        } catch {
            let error = error as? VitallyError ?? VitallyError(.connection, cause: "\(error)")
            switch error.code {
            case .unauthorized, .forbidden, .rateLimited:
                // The host answered; the token is what it refused.
                checks.append(answered)
                checks.append(tokenRefused(error.code))
                skipRest(from: 4, because: error.code == .rateLimited ? .rateLimited : .tokenRefused)
            default:
                checks.append(DoctorCheck("2", .host, .fail, .hostUnreachable(baseURL: base, request: probe, error: error, endpoint: context.endpoint)))
                skipRest(from: 3, because: [.connection, .timeout].contains(error.code) ? .hostDidNotAnswer : .unexpectedAnswer)
            }
            return DoctorReport(checks: checks)
        }

        // 4. Read access to each resource a brief uses.
        let access = await readAccess(accountId: firstAccount?.id)
        checks.append(access.check)
        var doctor = self
        doctor.refused = Set(access.refused)

        // 5. Rate-limit headroom.
        checks.append(await rateLimit())

        // 6. The tenant has data.
        checks.append(await tenantData(hasActive: firstAccount != nil))
        if let location = await dataLocation() { checks.append(location) }

        // 7. Each attendee.
        if emails.isEmpty {
            checks.append(DoctorCheck("7", .attendees, .skip, .noAttendees))
        } else {
            for email in emails { checks.append(await doctor.attendee(email, title: title)) }
        }
        return DoctorReport(checks: checks)
    }

    func tokenRefused(_ code: VitallyError.Code) -> DoctorCheck {
        switch code {
        case .unauthorized:
            return DoctorCheck("3", .token, .fail, .tokenRejected(subdomain: context.credentials?.subdomain, endpoint: context.endpoint))
        case .forbidden:
            return DoctorCheck("3", .token, .fail, .keyRevoked)
        default:
            return DoctorCheck("3", .token, .warn, .stillRateLimited, inconclusive: true)
        }
    }

    func hostKind() -> HostKind {
        guard context.replayFile == nil, let endpoint = context.endpoint else { return .recorded }
        return endpoint.isCustom ? .custom : .region(endpoint.region)
    }

    func readAccess(accountId: String?) async -> (check: DoctorCheck, refused: [String]) {
        var refused: [String] = []
        var failed: [ReadFailure] = []
        await withTaskGroup(of: (String, VitallyError?).self) { group in
            for resource in Doctor.resources.dropFirst() {
                group.addTask {
                    do {
                        _ = try await context.client.getJSON(resource.path, query: resource.query)
                        return (resource.name, nil)
                    } catch {
                        return (resource.name, error as? VitallyError ?? VitallyError(.connection, cause: "\(error)"))
                    }
                }
            }
            if let accountId {
                group.addTask {
                    do {
                        _ = try await context.client.healthScores(accountId: accountId)
                        return (Doctor.healthScores, nil)
                    } catch {
                        return (Doctor.healthScores, error as? VitallyError ?? VitallyError(.connection, cause: "\(error)"))
                    }
                }
            }
            for await (name, error) in group {
                guard let error else { continue }
                if error.code == .forbidden || error.code == .unauthorized {
                    refused.append(name)
                } else {
                    failed.append(ReadFailure(resource: name, error: error))
                }
            }
        }
        let order = Doctor.resources.map(\.name) + [Doctor.healthScores]
        refused.sort { (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0) }
        if !refused.isEmpty { return (DoctorCheck("4", .readAccess, .fail, .readRefused(resources: refused)), refused) }
        if !failed.isEmpty { return (DoctorCheck("4", .readAccess, .warn, .readFailed(failed), inconclusive: true), []) }
        let read = Doctor.resources.map(\.name) + (accountId == nil ? [] : [Doctor.healthScores])
        return (DoctorCheck("4", .readAccess, .pass, .readAll(resources: read)), [])
    }

    func rateLimit() async -> DoctorCheck {
        guard let seen = await context.limiter.lastSeen, let remaining = seen.remaining else {
            return DoctorCheck("5", .rateLimit, .warn, .noRateLimitHeaders)
        }
        let limit = seen.limit ?? 1000
        let outcome = DoctorOutcome.rateLimit(remaining: remaining, limit: limit, resetSeconds: seen.resetSeconds ?? 0)
        if remaining == 0 { return DoctorCheck("5", .rateLimit, .fail, outcome) }
        if Double(remaining) * 5 < Double(limit) { return DoctorCheck("5", .rateLimit, .warn, outcome) }
        return DoctorCheck("5", .rateLimit, .pass, outcome)
    }

    func tenantData(hasActive: Bool) async -> DoctorCheck {
        if hasActive { return DoctorCheck("6", .tenantData, .pass, .activeAccounts) }
        do {
            let churned = try await context.client.firstPage(VitallyPath.accounts, query: [QueryItem("status", "churned")], limit: 1, as: Account.self)
            if !churned.results.isEmpty { return DoctorCheck("6", .tenantData, .warn, .onlyChurnedAccounts) }
            return DoctorCheck("6", .tenantData, .fail, .noAccounts)
        } catch {
            let error = error as? VitallyError ?? VitallyError(.connection, cause: "\(error)")
            return DoctorCheck("6", .tenantData, .warn, .churnedUnchecked(error), inconclusive: true)
        }
    }
}
