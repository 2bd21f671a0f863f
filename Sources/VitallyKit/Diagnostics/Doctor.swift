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

    /// The lists a brief reads, with one small request each.
    /// customFields takes no limit (a bare array); the others are probed with one row.
    static let resources: [(name: String, path: String, query: [QueryItem])] = [
        ("accounts", "accounts"), ("users", "users"), ("notes", "notes"), ("tasks", "tasks"), ("NPS responses", "npsResponses"),
        ("conversations", "conversations"), ("projects", "projects"), ("meetings", "meetings"), ("organizations", "organizations"),
        ("admins", "admins"),
    ].map { ($0.0, VitallyPath.resource($0.1), [QueryItem("limit", "1")]) }
        + [("customFields", VitallyPath.resource("customFields"), [QueryItem("model", "accounts")])]

    /// Every check but the connection's (`run`, in Doctor+Connection.swift, adds it).
    func runChecks(emails: [String], title: String?) async -> DoctorReport {
        var checks: [DoctorCheck] = []
        func skipRest(from id: Int, because reason: String) {
            let titles = ["credentials", "host", "token", "read access", "rate limit", "tenant data", "attendees"]
            for (offset, name) in titles.enumerated() where offset + 1 >= id {
                checks.append(DoctorCheck("\(offset + 1)", name, .skip, "not run: \(reason)"))
            }
        }

        // 1. Credentials.
        if let file = context.replayFile {
            checks.append(DoctorCheck("1", "credentials", .pass, "answers come from the recording \(file) (no token needed)"))
        } else if let credentials = context.credentials {
            checks.append(DoctorCheck("1", "credentials", .pass, "token present, from \(credentials.source.rawValue)"))
        } else if let problem = context.configurationProblem {
            checks.append(DoctorCheck("1", "credentials", .fail, problem, cause: .unusableConfiguration))
            skipRest(from: 2, because: "no usable credentials")
            return DoctorReport(checks: checks)
        } else {
            checks.append(DoctorCheck("1", "credentials", .fail, "no token: not connected", cause: .notConnected))
            skipRest(from: 2, because: "no credentials")
            return DoctorReport(checks: checks)
        }

        // 2 and 3: one small read tells whether the host answers and the token is accepted.
        let host = context.endpoint?.baseURL ?? "(unknown host)"
        let probe = "\(host)\(VitallyPath.accounts)?limit=1"
        var firstAccount: Account?
        do {
            let page = try await context.client.firstPage(VitallyPath.accounts, limit: 1, as: Account.self)
            firstAccount = page.results.first
            checks.append(DoctorCheck("2", "host", .pass, "\(region()) \(probe) answered"))
            checks.append(DoctorCheck("3", "token", .pass, "accepted by \(context.endpoint?.host ?? "the recorded host")"))
        } catch let error as VitallyError {
            switch error.code {
            case .connection, .timeout:
                checks.append(DoctorCheck("2", "host", .fail, "\(probe): \(error.cause ?? error.code.rawValue)", cause: hostCause))
                skipRest(from: 3, because: "the host did not answer")
                return DoctorReport(checks: checks)
            case .unauthorized, .forbidden, .rateLimited:
                // The host answered; the token is what it refused.
                checks.append(DoctorCheck("2", "host", .pass, "\(region()) \(probe) answered"))
                checks.append(tokenRefused(error.code))
                skipRest(from: 4, because: error.code == .rateLimited ? "rate-limited" : "the token was refused")
                return DoctorReport(checks: checks)
            default:
                checks.append(DoctorCheck("2", "host", .fail, "\(probe): \(error.description)", cause: hostCause))
                skipRest(from: 3, because: "the host gave an unexpected answer")
                return DoctorReport(checks: checks)
            }
        } catch {
            checks.append(DoctorCheck("2", "host", .fail, "\(probe): \(error)", cause: hostCause))
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
            checks.append(DoctorCheck("7", "attendees", .skip, "no attendee emails given", cause: .noAttendees))
        } else {
            for email in emails { checks.append(await doctor.attendee(email, title: title)) }
        }
        return DoctorReport(checks: checks)
    }

    func tokenRefused(_ code: VitallyError.Code) -> DoctorCheck {
        switch code {
        case .unauthorized:
            return DoctorCheck(
                "3", "token", .fail, "401: the token is invalid, expired, or from another workspace",
                cause: .tokenRejected(subdomain: context.credentials?.subdomain, endpoint: context.endpoint))
        case .forbidden:
            return DoctorCheck("3", "token", .fail, "403 on accounts: the key was revoked or cannot read accounts", cause: .keyRevoked)
        default:
            return DoctorCheck("3", "token", .warn, "rate-limited (429) even after waiting: cannot tell yet", cause: .stillRateLimited,
                               inconclusive: true)
        }
    }

    func region() -> String {
        guard context.replayFile == nil, let endpoint = context.endpoint else { return "recorded host" }
        return endpoint.isCustom ? "custom host" : "\(endpoint.region.rawValue.uppercased()) host"
    }

    /// The endpoint that did not answer, or nil when the recording holds the failure.
    var hostCause: DoctorCause { .hostUnreachable(context.endpoint) }

    func readAccess(accountId: String?) async -> (check: DoctorCheck, refused: [String]) {
        var refused: [String] = []
        var failed: [String] = []
        await withTaskGroup(of: (String, VitallyError?).self) { group in
            for resource in Doctor.resources.dropFirst() {
                group.addTask {
                    do {
                        _ = try await context.client.getJSON(resource.path, query: resource.query)
                        return (resource.name, nil)
                    } catch let error as VitallyError {
                        return (resource.name, error)
                    } catch {
                        return (resource.name, VitallyError(.connection, cause: "\(error)"))
                    }
                }
            }
            if let accountId {
                group.addTask {
                    do {
                        _ = try await context.client.healthScores(accountId: accountId)
                        return ("health scores", nil)
                    } catch let error as VitallyError {
                        return ("health scores", error)
                    } catch {
                        return ("health scores", VitallyError(.connection, cause: "\(error)"))
                    }
                }
            }
            for await (name, error) in group {
                guard let error else { continue }
                if error.code == .forbidden || error.code == .unauthorized { refused.append(name) } else { failed.append("\(name) (\(error.status.map { "HTTP \($0)" } ?? error.code.rawValue))") }
            }
        }
        let order = Doctor.resources.map(\.name) + ["health scores"]
        refused.sort { (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0) }
        if !refused.isEmpty {
            return (DoctorCheck(
                "4", "read access", .fail,
                "403 on \(refused.joined(separator: ", ")): the key cannot read \(refused.count == 1 ? "it" : "them")",
                cause: .readAccessRefused), refused)
        }
        if !failed.isEmpty {
            return (DoctorCheck("4", "read access", .warn, "could not read \(failed.joined(separator: ", "))", cause: .readFailed,
                                inconclusive: true), [])
        }
        let what = Doctor.resources.map(\.name) + (accountId == nil ? [] : ["health scores"])
        return (DoctorCheck("4", "read access", .pass, "read \(what.joined(separator: ", "))"), [])
    }

    func rateLimit() async -> DoctorCheck {
        guard let seen = await context.limiter.lastSeen, let remaining = seen.remaining else {
            return DoctorCheck("5", "rate limit", .warn, "no RateLimit-* headers seen", cause: .noRateLimitHeaders)
        }
        let limit = seen.limit ?? 1000
        let text = "\(remaining) of \(limit) requests left in the window, resets in \(Wording.score((seen.resetSeconds ?? 0).rounded())) s"
        if remaining == 0 { return DoctorCheck("5", "rate limit", .fail, text, cause: .rateLimitExhausted) }
        if Double(remaining) * 5 < Double(limit) { return DoctorCheck("5", "rate limit", .warn, text, cause: .rateLimitLow) }
        return DoctorCheck("5", "rate limit", .pass, text)
    }

    func tenantData(hasActive: Bool) async -> DoctorCheck {
        if hasActive { return DoctorCheck("6", "tenant data", .pass, "the tenant has active accounts") }
        do {
            let churned = try await context.client.firstPage(VitallyPath.accounts, query: [QueryItem("status", "churned")], limit: 1, as: Account.self)
            if !churned.results.isEmpty {
                return DoctorCheck("6", "tenant data", .warn, "only churned accounts: no active account to brief on", cause: .onlyChurnedAccounts)
            }
            return DoctorCheck("6", "tenant data", .fail, "the tenant has no accounts at all", cause: .noAccounts)
        } catch let error as VitallyError {
            return DoctorCheck("6", "tenant data", .warn, "could not check churned accounts: \(error.description)", inconclusive: true)
        } catch {
            return DoctorCheck("6", "tenant data", .warn, "could not check churned accounts: \(error)", inconclusive: true)
        }
    }
}
