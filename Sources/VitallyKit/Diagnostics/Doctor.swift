import Foundation

/// What `doctor` knows about the session before it asks Vitally anything.
public struct DoctorContext: Sendable {
    public var credentials: Credentials?
    public var endpoint: VitallyEndpoint?
    /// Set when answers come from a recording.
    public var replayFile: String?
    public var client: VitallyClient
    public var limiter: RateLimiter
    public var matcher: AttendeeMatcher
    /// Why the configured credentials could not be used (a malformed `VITALLY_SUBDOMAIN`, an unsafe config file).
    public var configurationProblem: String?

    public init(credentials: Credentials?, endpoint: VitallyEndpoint?, replayFile: String?, client: VitallyClient,
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
public struct Doctor: Sendable {
    public let context: DoctorContext

    public init(context: DoctorContext) { self.context = context }

    /// The lists a brief reads, with one small request each.
    static let resources: [(name: String, path: String)] = [
        ("accounts", "/resources/accounts"), ("users", "/resources/users"), ("notes", "/resources/notes"),
        ("tasks", "/resources/tasks"), ("NPS responses", "/resources/npsResponses"),
        ("conversations", "/resources/conversations"), ("projects", "/resources/projects"),
    ]

    public func run(emails: [String], title: String?) async -> DoctorReport {
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
            checks.append(DoctorCheck("1", "credentials", .fail, problem,
                                      fix: "correct it, or run 'connect SUBDOMAIN' to test and save working credentials"))
            skipRest(from: 2, because: "no usable credentials")
            return DoctorReport(checks: checks)
        } else {
            checks.append(DoctorCheck("1", "credentials", .fail, "no token: not connected",
                                      fix: "run 'connect SUBDOMAIN' (token from Settings > Integrations > Vitally REST API) or set VITALLY_SUBDOMAIN and VITALLY_TOKEN"))
            skipRest(from: 2, because: "no credentials")
            return DoctorReport(checks: checks)
        }

        // 2 and 3: one small read tells whether the host answers and the token is accepted.
        let host = context.endpoint?.baseURL ?? "(unknown host)"
        let probe = "\(host)/resources/accounts?limit=1"
        var firstAccount: Account?
        do {
            let page = try await context.client.firstPage("/resources/accounts", limit: 1, as: Account.self)
            firstAccount = page.results.first
            checks.append(DoctorCheck("2", "host", .pass, "\(region()) \(probe) answered"))
            checks.append(DoctorCheck("3", "token", .pass, "accepted by \(context.endpoint?.host ?? "the recorded host")"))
        } catch let error as VitallyError {
            switch error.code {
            case .connection, .timeout:
                checks.append(DoctorCheck("2", "host", .fail, "\(probe): \(error.cause ?? error.code.rawValue)",
                                          fix: hostFix()))
                skipRest(from: 3, because: "the host did not answer")
                return DoctorReport(checks: checks)
            case .unauthorized, .forbidden, .rateLimited:
                // The host answered; the token is what it refused.
                checks.append(DoctorCheck("2", "host", .pass, "\(region()) \(probe) answered"))
                checks.append(tokenRefused(error.code))
                skipRest(from: 4, because: error.code == .rateLimited ? "rate-limited" : "the token was refused")
                return DoctorReport(checks: checks)
            default:
                checks.append(DoctorCheck("2", "host", .fail, "\(probe): \(error.description)", fix: hostFix()))
                skipRest(from: 3, because: "the host gave an unexpected answer")
                return DoctorReport(checks: checks)
            }
        } catch {
            checks.append(DoctorCheck("2", "host", .fail, "\(probe): \(error)", fix: hostFix()))
            return DoctorReport(checks: checks)
        }

        // 4. Read access to each resource a brief uses.
        checks.append(await readAccess(accountId: firstAccount?.id))

        // 5. Rate-limit headroom.
        checks.append(await rateLimit())

        // 6. The tenant has data.
        checks.append(await tenantData(hasActive: firstAccount != nil))

        // 7. Each attendee.
        if emails.isEmpty {
            checks.append(DoctorCheck("7", "attendees", .skip, "no attendee emails given", fix: "run 'doctor EMAIL...' with the meeting's attendees"))
        } else {
            for email in emails { checks.append(await attendee(email, title: title)) }
        }
        return DoctorReport(checks: checks)
    }

    func tokenRefused(_ code: VitallyError.Code) -> DoctorCheck {
        switch code {
        case .unauthorized:
            return DoctorCheck("3", "token", .fail, "401: the token is invalid, expired, or from another workspace", fix: tokenFix())
        case .forbidden:
            return DoctorCheck("3", "token", .fail, "403 on accounts: the key was revoked or cannot read accounts",
                               fix: "create a new key in Vitally (Settings > Integrations > Vitally REST API) and 'connect' again")
        default:
            return DoctorCheck("3", "token", .warn, "rate-limited (429) even after waiting: cannot tell yet",
                               fix: "wait a minute, then run doctor again")
        }
    }

    func region() -> String {
        guard context.replayFile == nil, let endpoint = context.endpoint else { return "recorded host" }
        return endpoint.isCustom ? "custom host" : "\(endpoint.region.rawValue.uppercased()) host"
    }

    func hostFix() -> String {
        guard let endpoint = context.endpoint else { return "the recording holds a connection error; re-record once the network works" }
        if endpoint.isCustom { return "check that \(endpoint.baseURL) is up and reachable (VITALLY_BASE_URL / --base-url)" }
        if endpoint.region == .us {
            return "check the subdomain (the 'acme' of https://acme.vitally.io), that the tenant is not in the EU (--region eu), and that the network or proxy allows \(endpoint.host)"
        }
        return "check that the network or proxy allows \(endpoint.host); if the tenant is in the US, use --region us with its subdomain"
    }

    func tokenFix() -> String {
        var fix = "copy a fresh Secret Token from Vitally (Settings > Integrations > Vitally REST API) and run 'connect' again"
        if let subdomain = context.credentials?.subdomain, context.endpoint?.region == .us {
            fix += "; check the subdomain '\(subdomain)' too (a typo reaches a host that refuses the token)"
        }
        // A token from the other data center is refused the same way; worth a hint even behind a proxy.
        if let endpoint = context.endpoint {
            fix += endpoint.region == .us ? "; if the tenant is in the EU data center, the token is only valid there: connect with --region eu"
                : "; if the tenant is in the US data center, connect with --region us and its subdomain"
        }
        return fix
    }

    func readAccess(accountId: String?) async -> DoctorCheck {
        var refused: [String] = []
        var failed: [String] = []
        await withTaskGroup(of: (String, VitallyError?).self) { group in
            for resource in Doctor.resources.dropFirst() {
                group.addTask {
                    do {
                        _ = try await context.client.getJSON(resource.path, query: [QueryItem("limit", "1")])
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
            return DoctorCheck("4", "read access", .fail, "403 on \(refused.joined(separator: ", ")): the key cannot read \(refused.count == 1 ? "it" : "them")",
                               fix: "use a key with read access to every resource (a new key from Settings > Integrations > Vitally REST API)")
        }
        if !failed.isEmpty {
            return DoctorCheck("4", "read access", .warn, "could not read \(failed.joined(separator: ", "))", fix: "run doctor again; if it persists, check Vitally's status")
        }
        let what = Doctor.resources.map(\.name) + (accountId == nil ? [] : ["health scores"])
        return DoctorCheck("4", "read access", .pass, "read \(what.joined(separator: ", "))")
    }

    func rateLimit() async -> DoctorCheck {
        guard let seen = await context.limiter.lastSeen, let remaining = seen.remaining else {
            return DoctorCheck("5", "rate limit", .warn, "no RateLimit-* headers seen", fix: "nothing to do unless requests start failing with 429")
        }
        let limit = seen.limit ?? 1000
        let text = "\(remaining) of \(limit) requests left in the window, resets in \(Int(seen.resetSeconds ?? 0)) s"
        if remaining == 0 { return DoctorCheck("5", "rate limit", .fail, text, fix: "another integration is using the whole budget; wait for the reset or reduce that load") }
        if remaining * 5 < limit { return DoctorCheck("5", "rate limit", .warn, text, fix: "briefs may be slow or fail with 429 until the window resets") }
        return DoctorCheck("5", "rate limit", .pass, text)
    }

    func tenantData(hasActive: Bool) async -> DoctorCheck {
        if hasActive { return DoctorCheck("6", "tenant data", .pass, "the tenant has active accounts") }
        do {
            let churned = try await context.client.firstPage("/resources/accounts", query: [QueryItem("status", "churned")], limit: 1, as: Account.self)
            if !churned.results.isEmpty {
                return DoctorCheck("6", "tenant data", .warn, "only churned accounts: no active account to brief on",
                                   fix: "check that the CRM sync into Vitally still runs")
            }
            return DoctorCheck("6", "tenant data", .fail, "the tenant has no accounts at all",
                               fix: "check that this is the right workspace and that an integration syncs accounts into Vitally")
        } catch let error as VitallyError {
            return DoctorCheck("6", "tenant data", .warn, "could not check churned accounts: \(error.description)")
        } catch {
            return DoctorCheck("6", "tenant data", .warn, "could not check churned accounts: \(error)")
        }
    }

    func attendee(_ email: String, title: String?) async -> DoctorCheck {
        let id = "7:\(email)"
        let match: AttendeeMatch
        do {
            match = try await context.matcher.match(email, title: title)
        } catch let error as VitallyError {
            return DoctorCheck(id, "attendee \(email)", .fail, "matching failed: \(error.description)", fix: "fix the checks above, then run doctor again")
        } catch {
            return DoctorCheck(id, "attendee \(email)", .fail, "matching failed: \(error)")
        }
        let trace = match.trace.map { "\($0.rule.number)) \($0.rule.rawValue): \($0.outcome.rawValue)" + ($0.tried == "-" ? "" : " — \($0.tried)") + ": \($0.found)" }
        if match.isInternal {
            return DoctorCheck(id, "attendee \(email)", .warn, "internal attendee: \(match.domain ?? "") is your team's domain, so no customer data is expected", notes: trace)
        }
        guard match.isMatched else {
            let fix = match.isFreeMail
                ? "add \(email) as a user of the right account in Vitally (free-mail addresses only match as known users), or give --title with the company name"
                : "add a user at \(match.domain ?? "the domain") to the account, or put the domain in an account trait such as 'domain'"
            return DoctorCheck(id, "attendee \(email)", .fail, "no account matched: this attendee gets no Vitally data in briefs", fix: fix, notes: trace)
        }
        var warnings: [String] = []
        var fixes: [String] = []
        if match.isAmbiguous {
            warnings.append("ambiguous: \(match.accounts.count) accounts (\(match.accounts.map(\.name).joined(separator: ", ")))")
            fixes.append("add the attendee as a user of the right account, or keep the domain on one account only")
        }
        if match.accounts.contains(where: \.churned) {
            warnings.append("matched a churned account (the brief flags it)")
            fixes.append("check whether the customer has a newer, active account")
        }
        if match.isFreeMail { warnings.append("free-mail address: matched only because it is a known user") }
        if match.confidence < 0.6 {
            warnings.append("\(match.confidenceLabel) confidence (\(match.rule?.rawValue ?? ""))")
            fixes.append("add the attendee as a user of the account to make the match certain")
        }
        var notes = trace
        for account in match.accounts.prefix(3) {
            let gaps = await dataGaps(accountId: account.id)
            if !gaps.isEmpty {
                warnings.append("\(account.name) has \(gaps.joined(separator: ", "))")
                fixes.append("the brief will be thin until Vitally has that data for \(account.name)")
            }
            notes.append("\(account.name): " + (gaps.isEmpty ? "has a health score, notes and users" : gaps.joined(separator: ", ")))
        }
        let names = match.accounts.map(\.name).joined(separator: ", ")
        let detail = "-> \(names) by \(match.rule?.rawValue ?? "?")" + (warnings.isEmpty ? "" : "; " + warnings.joined(separator: "; "))
        return DoctorCheck(id, "attendee \(email)", warnings.isEmpty ? .pass : .warn, detail,
                           fix: fixes.isEmpty ? nil : fixes.joined(separator: "; "), notes: notes)
    }

    /// What a brief would miss for this account.
    func dataGaps(accountId: String) async -> [String] {
        var gaps: [String] = []
        if let account = try? await context.client.account(id: accountId), account.healthScore == nil { gaps.append("no health score") }
        if let notes = try? await context.client.firstPage("/resources/accounts/\(VitallyClient.segment(accountId))/notes", limit: 1, as: Note.self), notes.results.isEmpty {
            gaps.append("no notes")
        }
        if let users = try? await context.client.firstPage("/resources/accounts/\(VitallyClient.segment(accountId))/users", limit: 1, as: User.self), users.results.isEmpty {
            gaps.append("no users")
        }
        return gaps
    }
}
