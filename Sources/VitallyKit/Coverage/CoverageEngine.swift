import Foundation

/// Runs the attendee matcher over every meeting of a calendar, with bounded requests: each
/// attendee is matched once per meeting title through one `SharedAnswerTransport`, so a person
/// costs one contact search, a domain one colleague search, and the account scan is the
/// directory's cached one. Account names come from the users' embedded accounts (no GET per account).
package struct CoverageEngine: Sendable {
    let matcher: AttendeeMatcher
    let shared: SharedAnswerTransport
    /// Attendees matched at a time.
    var width = 8

    package init(client: VitallyClient, directory: AccountDirectory, team: TeamDirectory) {
        shared = SharedAnswerTransport(base: client.transport)
        var matcher = AttendeeMatcher(client: VitallyClient(transport: shared, pageSize: client.pageSize), directory: directory, team: team)
        matcher.fetchesAccounts = false
        self.matcher = matcher
    }

    /// The report for `meetings`. Each distinct attendee is matched once without a title; only those
    /// no title-free rule matched are matched again with each of their meetings' titles (the
    /// company-name rule reads the title; the rules before it do not, so their answer holds for
    /// every meeting). `progress` hears after each attendee.
    package func run(_ meetings: [CalendarMeeting], progress: @escaping @Sendable (CoverageProgress) -> Void = { _ in }) async throws -> CoverageReport {
        var emails: [String] = []
        var seen = Set<String>()
        for email in meetings.flatMap(\.attendees).map({ $0.trimmingWhitespace().lowercased() }) where seen.insert(email).inserted {
            emails.append(email)
        }
        let done = Counter()
        let total = emails.count
        progress(CoverageProgress(matched: 0, of: total))
        let first = try await emails.concurrentMap(width: width) { [matcher] email in
            let match = try await matcher.match(email, title: nil)
            progress(CoverageProgress(matched: await done.next(), of: total))
            return match
        }
        var byEmail: [String: AttendeeMatch] = [:]
        for (email, match) in zip(emails, first) { byEmail[email] = match }
        var pairs: [Pair] = []
        var asked = Set<Pair>()
        for meeting in meetings where meeting.title != nil {
            for email in meeting.attendees.map({ $0.trimmingWhitespace().lowercased() }) {
                guard let known = byEmail[email], !known.isInternal, known.rule == nil || known.rule == .companyName else { continue }
                let pair = Pair(email: email, title: meeting.title)
                if asked.insert(pair).inserted { pairs.append(pair) }
            }
        }
        // No new requests: the shared transport has every answer these need.
        let titled = try await pairs.concurrentMap(width: width) { [matcher] pair in try await matcher.match(pair.email, title: pair.title) }
        var byPair: [Pair: AttendeeMatch] = [:]
        for (pair, match) in zip(pairs, titled) { byPair[pair] = match }
        func match(_ email: String, _ title: String?) -> AttendeeMatch? { byPair[Pair(email: email, title: title)] ?? byEmail[email] }

        let perMeeting = meetings.map { meeting -> CoverageReport.MeetingResult in
            var external: [AttendeeMatch] = []
            var internalCount = 0
            var listed = Set<String>()
            for email in meeting.attendees {
                let key = email.trimmingWhitespace().lowercased()
                guard listed.insert(key).inserted, let match = match(key, meeting.title) else { continue }
                if match.isInternal { internalCount += 1 } else { external.append(match) }
            }
            let verdict: CoverageReport.MeetingResult.Verdict =
                external.isEmpty ? .internalOnly : external.contains(where: \.isMatched) ? .withData : .withoutData
            return CoverageReport.MeetingResult(meeting: meeting, external: external, internalCount: internalCount, verdict: verdict)
        }
        return try await summarize(perMeeting, requests: Self.tally(await shared.answers.sent()))
    }

    /// Contact searches (one per attendee), colleague searches (one per domain), and the rest.
    static func tally(_ requests: [HTTPRequest]) -> RequestTally {
        let contact = UserSearch.email("").item.name, colleagues = UserSearch.emailSubdomain("").item.name
        var tally = RequestTally()
        for request in requests {
            let names = Set(request.query.map(\.name))
            if names.contains(contact) { tally.attendees += 1 } else if names.contains(colleagues) { tally.domains += 1 } else { tally.other += 1 }
        }
        return tally
    }

    /// Attendees by rule, and the unmatched domains with the fix for each.
    func summarize(_ meetings: [CoverageReport.MeetingResult], requests: RequestTally) async throws -> CoverageReport {
        var matchedBy: [String: MatchRule] = [:]
        var externalPeople = Set<String>()
        var internalPeople = Set<String>()
        var partial: [String] = []
        var domains: [String: (meetings: Set<Int>, withoutData: Set<Int>, byTitle: Set<Int>, byDomainName: Set<Int>, attendees: [String],
                               freeMail: Bool)] = [:]
        /// The one account the company-name rule found for a domain's attendees: the account to give the domain.
        var named: [String: MatchedAccount] = [:]
        for (index, result) in meetings.enumerated() {
            for match in result.external {
                externalPeople.insert(match.email)
                if let rule = match.rule, (matchedBy[match.email]?.number ?? .max) > rule.number { matchedBy[match.email] = rule }
                if match.isPartial, !partial.contains(match.email) { partial.append(match.email) }
                guard !match.isMatched || match.rule == .companyName else { continue }
                let domain = match.domain ?? "(not an email address)"
                var entry = domains[domain] ?? ([], [], [], [], [], match.isFreeMail)
                entry.meetings.insert(index)
                if result.verdict == .withoutData { entry.withoutData.insert(index) }
                if match.rule == .companyName, !result.external.contains(where: { $0.isMatched && $0.rule != .companyName }) {
                    // Which name matched: the domain's (it holds without the title) or only the title's.
                    if match.accounts.contains(where: { if case .nameScore(_, true) = $0.because { true } else { false } }) {
                        entry.byDomainName.insert(index)
                    } else {
                        entry.byTitle.insert(index)
                    }
                }
                if !entry.attendees.contains(match.email) { entry.attendees.append(match.email) }
                domains[domain] = entry
                if match.rule == .companyName, match.accounts.count == 1, named[domain] == nil { named[domain] = match.accounts[0] }
            }
            internalPeople.formUnion(result.meeting.attendees.map { $0.lowercased() }.filter { email in
                !result.external.contains { $0.email == email }
            })
        }
        var byRule: [MatchRule: Int] = [:]
        for rule in matchedBy.values { byRule[rule, default: 0] += 1 }
        let unmatched = externalPeople.count - matchedBy.count
        // An attendee some meeting matched (by its title) is not "unmatched" in the totals, but each
        // meeting that did not match them still counts against their domain.
        let index = try await matcher.directory.load()
        let traits = try await matcher.directory.domainTraits()
        // Domains an account already holds in a field matching does not read (one pass over the scan).
        var unread: [String: (summary: AccountSummary, key: String)] = [:]
        for summary in index.accounts where !summary.churned {
            for hit in summary.unusedDomains where unread[Domain.registrable(hit.domain)] == nil {
                unread[Domain.registrable(hit.domain)] = (summary, hit.key)
            }
        }
        let defaultKey = traits.keys.first ?? "domain"
        let unmatchedDomains = domains.map { domain, entry -> CoverageReport.UnmatchedDomain in
            let fix: CoverageReport.Fix
            if entry.freeMail {
                fix = .linkUsers
            } else if let holder = unread[Domain.registrable(domain)] {
                fix = .readField(account: holder.summary.name, accountId: holder.summary.externalId ?? holder.summary.id, field: holder.key)
            } else if let account = named[domain], let summary = index.account(id: account.id), !summary.churned {
                fix = .addToDomainTrait(account: summary.name, accountId: summary.externalId ?? summary.id,
                                        key: summary.domains.first?.key ?? defaultKey)
            } else {
                fix = Self.fix(for: domain, in: index, defaultKey: defaultKey)
            }
            return CoverageReport.UnmatchedDomain(
                domain: domain, meetings: entry.meetings.count, meetingsWithoutData: entry.withoutData.count,
                meetingsMatchedByTitle: entry.byTitle.count, meetingsMatchedByDomainName: entry.byDomainName.count,
                attendees: entry.attendees, fix: fix)
        }.sorted { a, b in
            (a.meetings, a.meetingsWithoutData, b.domain) > (b.meetings, b.meetingsWithoutData, a.domain)
        }
        return CoverageReport(
            meetings: meetings, attendeesByRule: byRule, unmatchedAttendees: unmatched, internalAttendees: internalPeople.count,
            unmatchedDomains: unmatchedDomains, partialAttendees: partial, requests: requests)
    }

    /// The account a domain most likely belongs to when nothing matched it, by name: the account's name is in the domain's
    /// words (`globex-holdings.com` -> Globex Inc), else "no account". A suggestion for a person to
    /// check, so only a name the domain spells out counts, not a similar-looking one.
    static func fix(for domain: String, in index: AccountIndex, defaultKey: String) -> CoverageReport.Fix {
        guard Domain.isEmail("x@" + domain) else { return .noAccount }
        let words = CompanyName.tokens(Domain.companyLabel(domain))
        var found: (summary: AccountSummary, score: Double)?
        for summary in index.accounts where !summary.churned {
            // The name's words in the domain's (`globex-holdings`), or run together (`wayneenterprises`).
            let spelled = CompanyName.tokens(summary.name).joined() == words.joined() ? 1.0 : 0
            let score = max(spelled, CompanyName.score(accountName: summary.name, titleWords: words, domainLabel: nil))
            if score >= 0.8, score > (found?.score ?? 0) { found = (summary, score) }
        }
        guard let found else { return .noAccount }
        return .addToDomainTrait(account: found.summary.name, accountId: found.summary.externalId ?? found.summary.id,
                                 key: found.summary.domains.first?.key ?? defaultKey)
    }

    struct Pair: Hashable, Sendable {
        var email: String
        var title: String?
    }

    /// Counts finished attendees for the progress line.
    actor Counter {
        var value = 0
        func next() -> Int {
            value += 1
            return value
        }
    }
}
