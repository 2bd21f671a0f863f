import Foundation

/// Check 7, per attendee: how it matched, and what a brief would find (or miss) on its accounts.
extension Doctor {
    /// A match below this confidence is worth making certain.
    package static let lowConfidence = 0.6
    /// How many rows one count reads: a full page is shown as "at least".
    package static let countPage = 50

    func attendee(_ email: String, title: String?) async -> DoctorCheck {
        let id = "7:\(email)"
        let match: AttendeeMatch
        do {
            match = try await context.matcher.match(email, title: title)
        } catch {
            let error = error as? VitallyError ?? VitallyError(.connection, cause: "\(error)")
            return DoctorCheck(id, .attendee, .fail, .matchingFailed(error))
        }
        let trace = match.trace
        if match.isPartial, !match.isMatched {
            return DoctorCheck(id, .attendee, .warn, .lookupsFailed(match.failures), trace: trace, inconclusive: true)
        }
        if match.isInternal { return DoctorCheck(id, .attendee, .warn, .internalAttendee(domain: match.domain), trace: trace) }
        guard match.isMatched else {
            return DoctorCheck(id, .attendee, .fail, .unmatched(email: email, domain: match.domain, freeMail: match.isFreeMail), trace: trace)
        }
        var probes: [AccountProbe] = []
        var unread: [VitallyError] = []
        for account in match.accounts.prefix(3) {
            let probe = await probe(account)
            unread += probe.unread
            probes.append(probe.probe)
        }
        let reading = AttendeeReading(
            accounts: match.accounts.map(\.name), rule: match.rule, ambiguous: match.isAmbiguous,
            churned: match.accounts.contains(where: \.churned), freeMail: match.isFreeMail,
            unchecked: match.isPartial ? match.failures : [], confidence: match.confidence, confidenceLabel: match.confidenceLabel,
            lowConfidence: match.confidence < Self.lowConfidence, probes: probes, unread: unread)
        return DoctorCheck(id, .attendee, reading.doubtful ? .warn : .pass, .matched(reading), trace: trace, inconclusive: !unread.isEmpty)
    }

    /// One matched account: its gaps, what it holds, its breakdown and counts; `unread` holds the
    /// reads that failed, in the order they were made.
    func probe(_ account: MatchedAccount) async -> (probe: AccountProbe, unread: [VitallyError]) {
        let levels = await levels(accountId: account.id)
        let data = await dataGaps(accountId: account.id)
        // Notes on the organization reach the brief: not a gap.
        let gaps = data.gaps.filter { levels.organizationOnly == nil || $0 != .notes }
        // Only what was checked and read: a refused list, or one whose read failed, is neither present nor missing.
        let failed = Set(data.unread.map(\.what))
        let held = [BriefData.healthScore, .notes, .users].filter { !failed.contains($0) && ($0 == .healthScore || !refused.contains($0.rawValue)) }
        let probe = AccountProbe(
            account: account.name, gaps: gaps, held: held, breakdown: levels.breakdown, notes: levels.notes, tasks: levels.tasks,
            organization: levels.organization, organizationOnly: levels.organizationOnly, unrecognised: levels.unrecognised)
        return (probe, levels.unread + data.unread.map(\.error))
    }

    /// The health-score breakdown, and notes and tasks counts at account and organization level
    /// (one page each); `unread` holds the reads that failed.
    func levels(accountId: String) async -> (
        breakdown: BreakdownRead?, notes: ListCount, tasks: ListCount, organization: OrganizationCounts?,
        organizationOnly: String?, unrecognised: String?, unread: [VitallyError]
    ) {
        var breakdown: BreakdownRead?
        var unrecognised: String?
        var unread: [VitallyError] = []
        do {
            breakdown = .rows(try await context.client.healthScores(accountId: accountId).count)
        } catch let error as VitallyError {
            if error.code == .unrecognisedShape {
                unrecognised = "GET " + error.path
                breakdown = .unrecognised
            } else {
                unread.append(error)
                breakdown = .failed(error)
            }
        } catch {}
        // A list refused above is not counted here: "403 on notes" and "notes 5" cannot both be true.
        func count(_ list: ActivityList, of owner: ListOwner) async -> ListCount {
            guard !refused.contains(list.rawValue) else { return .refused }
            do {
                return .counted(try await context.client.firstPage(list, of: owner, limit: Self.countPage, as: Note.self).results.count)
            } catch let error as VitallyError {
                return .failed(error)
            } catch {
                return .notRead
            }
        }
        func failure(_ count: ListCount) -> VitallyError? { if case .failed(let error) = count { return error } else { return nil } }
        func value(_ count: ListCount) -> Int { if case .counted(let n) = count { return n } else { return 0 } }
        let account = try? await context.client.account(id: accountId)
        async let accountNotes = count(.notes, of: .account(accountId))
        async let accountTasks = count(.tasks, of: .account(accountId))
        let (notes, tasks) = await (accountNotes, accountTasks)
        unread += [notes, tasks].compactMap(failure)
        var organization: OrganizationCounts?
        var organizationOnly: String?
        if let orgId = account?.organizationId, !orgId.isEmpty {
            async let orgNotes = count(.notes, of: .organization(orgId))
            async let orgTasks = count(.tasks, of: .organization(orgId))
            let (on, ot) = await (orgNotes, orgTasks)
            unread += [on, ot].compactMap(failure)
            let name = Customer.organizationLabel(orgId, (try? await Customer.readOrganization(orgId, with: context.client))?.organization)
            organization = OrganizationCounts(name: name, notes: on, tasks: ot)
            if value(notes) + value(tasks) == 0, value(on) + value(ot) > 0 { organizationOnly = name }
        }
        return (breakdown, notes, tasks, organization, organizationOnly, unrecognised, unread)
    }

    /// What a brief would miss for this account, and what could not be read to tell: a failed
    /// read is neither a gap nor data present.
    func dataGaps(accountId: String) async -> (gaps: [BriefData], unread: [(what: BriefData, error: VitallyError)]) {
        var gaps: [BriefData] = []
        var unread: [(what: BriefData, error: VitallyError)] = []
        do {
            let account = try await context.client.account(id: accountId)
            if account.healthScore == nil {
                // A score on its organization reaches the brief, labelled: not a gap.
                let (organization, error) = try await Customer.readOrganization(account.organizationId, with: context.client)
                if let error {
                    // Unknown, not absent: the organization may hold the score.
                    unread.append((.healthScore, error))
                } else if Customer(account: account, organization: organization).healthScore.value == nil {
                    gaps.append(.healthScore)
                }
            }
        } catch let error as VitallyError {
            unread.append((.healthScore, error))
        } catch {}
        // A list refused in the read-access check is not asked again.
        func probe<T: VitallyModel>(_ list: ActivityList, _ what: BriefData, as type: T.Type) async {
            guard !refused.contains(list.rawValue) else { return }
            do {
                if try await context.client.firstPage(list, of: .account(accountId), limit: 1, as: type).results.isEmpty { gaps.append(what) }
            } catch let error as VitallyError {
                unread.append((what, error))
            } catch {}
        }
        await probe(.notes, .notes, as: Note.self)
        await probe(.users, .users, as: User.self)
        return (gaps, unread)
    }
}
