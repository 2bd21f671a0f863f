import Foundation

/// Check 7, per attendee: how it matched, and what a brief would find (or miss) on its accounts.
extension Doctor {
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
        func count(_ list: ActivityList, of owner: ListOwner) async -> Result<Int, VitallyError>? {
            do {
                return .success(try await context.client.firstPage(list, of: owner, limit: 50, as: Note.self).results.count)
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
        func count(_ list: ActivityList, at owner: ListOwner) async -> Result<Int, VitallyError>? {
            refused.contains(list.rawValue) ? nil : await count(list, of: owner)
        }
        func text(_ list: String, _ n: Result<Int, VitallyError>?) -> String {
            refused.contains(list) ? "\(list) not counted (403 above)" : "\(list) \(text(n))"
        }
        func failure(_ n: Result<Int, VitallyError>?) -> VitallyError? { if case .failure(let error)? = n { return error } else { return nil } }
        func value(_ n: Result<Int, VitallyError>?) -> Int { if case .success(let n)? = n { return n } else { return 0 } }
        let account = try? await context.client.account(id: accountId)
        async let accountNotes = count(.notes, at: .account(accountId))
        async let accountTasks = count(.tasks, at: .account(accountId))
        let (notes, tasks) = await (accountNotes, accountTasks)
        unread += [notes, tasks].compactMap(failure)
        var line = "\(text("notes", notes)), \(text("tasks", tasks)) on the account"
        var organizationOnly: String?
        if let orgId = account?.organizationId, !orgId.isEmpty {
            async let orgNotes = count(.notes, at: .organization(orgId))
            async let orgTasks = count(.tasks, at: .organization(orgId))
            let (on, ot) = await (orgNotes, orgTasks)
            unread += [on, ot].compactMap(failure)
            let name = Customer.organizationLabel(orgId, (try? await Customer.readOrganization(orgId, with: context.client))?.organization)
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
                let (organization, error) = try await Customer.readOrganization(account.organizationId, with: context.client)
                if let error {
                    // Unknown, not absent: the organization may hold the score.
                    unread.append(("a health score", error))
                } else if Customer(account: account, organization: organization).healthScore.value == nil {
                    gaps.append("no health score")
                }
            }
        } catch let error as VitallyError {
            unread.append(("a health score", error))
        } catch {}
        // A list refused in the read-access check is not asked again.
        func probe<T: VitallyModel>(_ list: ActivityList, as type: T.Type) async {
            guard !refused.contains(list.rawValue) else { return }
            do {
                if try await context.client.firstPage(list, of: .account(accountId), limit: 1, as: type).results.isEmpty { gaps.append("no \(list.rawValue)") }
            } catch let error as VitallyError {
                unread.append((list.rawValue, error))
            } catch {}
        }
        await probe(.notes, as: Note.self)
        await probe(.users, as: User.self)
        return (gaps, unread)
    }
}
