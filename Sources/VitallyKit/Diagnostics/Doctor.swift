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
    /// Resources the read-access check found refused (403): not counted later in the same run,
    /// so no finding contradicts another.
    var refused: Set<String> = []

    public init(context: DoctorContext) { self.context = context }

    /// The lists a brief reads, with one small request each.
    static let resources: [(name: String, path: String)] = [
        ("accounts", "/resources/accounts"), ("users", "/resources/users"), ("notes", "/resources/notes"),
        ("tasks", "/resources/tasks"), ("NPS responses", "/resources/npsResponses"),
        ("conversations", "/resources/conversations"), ("projects", "/resources/projects"),
        ("meetings", "/resources/meetings"), ("organizations", "/resources/organizations"), ("admins", "/resources/admins"),
        ("customFields", "/resources/customFields?model=accounts"),
    ]

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
                        // customFields takes no limit (a bare array); the others are probed with one row.
                        let parts = resource.path.split(separator: "?", maxSplits: 1).map(String.init)
                        let query = parts.count > 1 ? URLEncoding.parseQuery(parts[1]) : [QueryItem("limit", "1")]
                        _ = try await context.client.getJSON(parts[0], query: query)
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
            let churned = try await context.client.firstPage("/resources/accounts", query: [QueryItem("status", "churned")], limit: 1, as: Account.self)
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

    func attendee(_ email: String, title: String?) async -> DoctorCheck {
        let id = "7:\(email)"
        let match: AttendeeMatch
        do {
            match = try await context.matcher.match(email, title: title)
        } catch let error as VitallyError {
            return DoctorCheck(id, "attendee \(email)", .fail, "matching failed: \(error.description)", cause: .matchingFailed)
        } catch {
            return DoctorCheck(id, "attendee \(email)", .fail, "matching failed: \(error)")
        }
        let trace = match.trace
        if match.isPartial, !match.isMatched {
            let failed = match.failures.map { "\($0.request) (\($0.error.code.rawValue))" }.joined(separator: ", ")
            return DoctorCheck(id, "attendee \(email)", .warn, "could not check every rule: \(failed) failed, and no other rule matched",
                               cause: .lookupsFailed(match.failures.map(\.error)), trace: trace, inconclusive: true)
        }
        if match.isInternal {
            return DoctorCheck(id, "attendee \(email)", .warn, "internal attendee: \(match.domain ?? "") is your team's domain, so no customer data is expected", trace: trace)
        }
        guard match.isMatched else {
            return DoctorCheck(
                id, "attendee \(email)", .fail, "no account matched: this attendee gets no Vitally data in briefs",
                cause: .attendeeUnmatched(email: email, domain: match.domain, freeMail: match.isFreeMail), trace: trace)
        }
        var warnings: [String] = []
        var concerns: [AttendeeConcern] = []
        if match.isAmbiguous {
            warnings.append("ambiguous: \(match.accounts.count) accounts (\(match.accounts.map(\.name).joined(separator: ", ")))")
            concerns.append(.ambiguous)
        }
        if match.accounts.contains(where: \.churned) {
            warnings.append("matched a churned account (the brief flags it)")
            concerns.append(.churned)
        }
        if match.isFreeMail { warnings.append("free-mail address: matched only because it is a known user") }
        if match.isPartial {
            let what = match.failures.map { failure in failure.rule.map { "rule \($0.number)" } ?? "the admin list" }
            warnings.append("\(what.joined(separator: ", ")) could not be checked (\(match.failures.map(\.error.code.rawValue).joined(separator: ", ")))")
        }
        if match.confidence < 0.6 {
            warnings.append("\(match.confidenceLabel) confidence (\(match.rule?.rawValue ?? ""))")
            concerns.append(.lowConfidence)
        }
        var notes: [String] = []
        var unread: [VitallyError] = []
        for account in match.accounts.prefix(3) {
            let probe = await levels(accountId: account.id)
            let data = await dataGaps(accountId: account.id)
            unread += probe.unread + data.unread.map(\.error)
            // Notes on the organization reach the brief: not a gap.
            let gaps = data.gaps.filter { probe.organizationOnly == nil || $0 != "no notes" }
            if !gaps.isEmpty {
                warnings.append("\(account.name) has \(gaps.joined(separator: ", "))")
                concerns.append(.thinData(account: account.name))
            }
            // Only what was checked and read: a refused list, or one whose read failed, is neither present nor missing.
            let failed = Set(data.unread.map(\.what))
            let held = ["a health score", "notes", "users"].filter { !failed.contains($0) && ($0 == "a health score" || !refused.contains($0)) }
            let has = held.count == 1 ? held[0] : held.dropLast().joined(separator: ", ") + " and " + (held.last ?? "")
            let read = held.isEmpty ? "could not be read" : "has " + has
            notes.append("\(account.name): " + (gaps.isEmpty ? read : gaps.joined(separator: ", ")))
            notes += probe.notes
            if let organization = probe.organizationOnly {
                warnings.append("data at organization level only (\(organization))")
                concerns.append(.organizationLevelOnly(account: account.name, organization: organization))
            }
            if let request = probe.unrecognised {
                warnings.append("unrecognised response shape from \(request)")
                concerns.append(.unrecognisedShape(account: account.name, request: request))
            }
        }
        if !unread.isEmpty {
            var requests: [String] = []
            for error in unread where !requests.contains("GET " + error.path) { requests.append("GET " + error.path) }
            let codes = Set(unread.map(\.code.rawValue)).sorted().joined(separator: ", ")
            warnings.append("could not read \(requests.joined(separator: ", ")) (\(codes)), so what the account holds is not fully known")
            concerns.append(.unread(unread))
        }
        let names = match.accounts.map(\.name).joined(separator: ", ")
        let detail = "-> \(names) by \(match.rule?.rawValue ?? "?")" + (warnings.isEmpty ? "" : "; " + warnings.joined(separator: "; "))
        return DoctorCheck(id, "attendee \(email)", warnings.isEmpty ? .pass : .warn, detail,
                           cause: concerns.isEmpty ? nil : .attendeeConcerns(concerns), trace: trace, notes: notes,
                           inconclusive: !unread.isEmpty)
    }

    /// The health-score shape, and notes and tasks counts at account and organization level
    /// (one page each: "50+" when there are more); `unread` holds the reads that failed.
    func levels(accountId: String) async -> (notes: [String], organizationOnly: String?, unrecognised: String?, unread: [VitallyError]) {
        var lines: [String] = []
        var unrecognised: String?
        var unread: [VitallyError] = []
        do {
            let entries = try await context.client.healthScores(accountId: accountId)
            lines.append("health-score breakdown: \(entries.count) row\(entries.count == 1 ? "" : "s") in a known shape")
        } catch let error as VitallyError {
            if error.code == .unrecognisedShape { unrecognised = "GET " + error.path } else { unread.append(error) }
            lines.append("health-score breakdown: " + (error.code == .unrecognisedShape ? "unrecognised response shape" : error.description))
        } catch {}
        /// One page's count, or the error that stopped it: a failed read is not "none".
        func count(_ path: String) async -> Result<Int, VitallyError>? {
            do {
                return .success(try await context.client.firstPage(path, limit: 50, as: Note.self).results.count)
            } catch let error as VitallyError {
                return .failure(error)
            } catch {
                return nil
            }
        }
        func text(_ n: Result<Int, VitallyError>?) -> String {
            switch n {
            case .success(let n)?: return n >= 50 ? "50+" : "\(n)"
            case .failure(let error)?: return "could not be read (\(error.code.rawValue))"
            case nil: return "not read"
            }
        }
        // A list refused above is not counted here: "403 on notes" and "notes 5" cannot both be true.
        func count(_ list: String, at base: String) async -> Result<Int, VitallyError>? {
            refused.contains(list) ? nil : await count(base + "/" + list)
        }
        func text(_ list: String, _ n: Result<Int, VitallyError>?) -> String {
            refused.contains(list) ? "\(list) not counted (403 above)" : "\(list) \(text(n))"
        }
        func failure(_ n: Result<Int, VitallyError>?) -> VitallyError? { if case .failure(let error)? = n { return error } else { return nil } }
        func value(_ n: Result<Int, VitallyError>?) -> Int { if case .success(let n)? = n { return n } else { return 0 } }
        let account = try? await context.client.account(id: accountId)
        let base = "/resources/accounts/\(VitallyClient.segment(accountId))"
        async let accountNotes = count("notes", at: base)
        async let accountTasks = count("tasks", at: base)
        let (notes, tasks) = await (accountNotes, accountTasks)
        unread += [notes, tasks].compactMap(failure)
        var line = "\(text("notes", notes)), \(text("tasks", tasks)) on the account"
        var organizationOnly: String?
        if let orgId = account?.organizationId, !orgId.isEmpty {
            let orgBase = "/resources/organizations/\(VitallyClient.segment(orgId))"
            async let orgNotes = count("notes", at: orgBase)
            async let orgTasks = count("tasks", at: orgBase)
            let (on, ot) = await (orgNotes, orgTasks)
            unread += [on, ot].compactMap(failure)
            let name = (try? await context.client.organization(id: orgId)).map { $0.name.isEmpty ? orgId : $0.name } ?? orgId
            line += "; \(text("notes", on)), \(text("tasks", ot)) on its organization \(name)"
            if value(notes) + value(tasks) == 0, value(on) + value(ot) > 0 { organizationOnly = name }
        } else {
            line += "; no organization"
        }
        lines.append(line)
        return (lines, organizationOnly, unrecognised, unread)
    }

    /// What a brief would miss for this account, and what could not be read to tell (`what` is
    /// "a health score", "notes" or "users"): a failed read is neither a gap nor data present.
    func dataGaps(accountId: String) async -> (gaps: [String], unread: [(what: String, error: VitallyError)]) {
        var gaps: [String] = []
        var unread: [(what: String, error: VitallyError)] = []
        do {
            let account = try await context.client.account(id: accountId)
            if account.healthScore == nil {
                // A score on its organization reaches the brief, labelled: not a gap.
                var organization: Organization?
                var organizationUnread = false
                if let orgId = account.organizationId, !orgId.isEmpty {
                    do {
                        organization = try await context.client.organization(id: orgId)
                    } catch let error as VitallyError {
                        // Unknown, not absent: the organization may hold the score.
                        unread.append(("a health score", error))
                        organizationUnread = true
                    }
                }
                if !organizationUnread, Customer(account: account, organization: organization).healthScore.value == nil { gaps.append("no health score") }
            }
        } catch let error as VitallyError {
            unread.append(("a health score", error))
        } catch {}
        let base = "/resources/accounts/\(VitallyClient.segment(accountId))"
        do {
            if !refused.contains("notes"), try await context.client.firstPage(base + "/notes", limit: 1, as: Note.self).results.isEmpty {
                gaps.append("no notes")
            }
        } catch let error as VitallyError {
            unread.append(("notes", error))
        } catch {}
        do {
            if !refused.contains("users"), try await context.client.firstPage(base + "/users", limit: 1, as: User.self).results.isEmpty {
                gaps.append("no users")
            }
        } catch let error as VitallyError {
            unread.append(("users", error))
        } catch {}
        return (gaps, unread)
    }
}
