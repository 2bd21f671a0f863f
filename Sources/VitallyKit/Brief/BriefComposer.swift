import Foundation

/// Turns gathered data into a brief: pure, with `now` passed in, so a replayed brief is
/// the same bytes forever.
public struct BriefComposer: Sendable {
    public let now: Date
    /// How to get a health history, for the line that says there is none (the shell words it).
    public var historyHint: String?

    public init(now: Date, historyHint: String? = nil) {
        self.now = now
        self.historyHint = historyHint
    }

    public func compose(title: String?, meetingStart: Date?, matches: [AttendeeMatch], bundles: [AccountBundle]) -> Brief {
        let accounts = bundles.map { bundle in
            let attendees = matches.filter { $0.accounts.contains { $0.id == bundle.account.id } }
            return compose(bundle, attendees: attendees)
        }
        return Brief(title: title, meetingStart: meetingStart, generatedAt: now, matches: matches, accounts: accounts)
    }

    func compose(_ bundle: AccountBundle, attendees: [AttendeeMatch]) -> AccountBrief {
        let account = bundle.account
        var sections = [
            health(bundle), risks(bundle), engagement(bundle, attendees: attendees), journey(bundle),
            commercial(bundle), team(bundle), attributes(bundle.customer),
        ]
        sections.append(coverage(bundle))
        return AccountBrief(
            accountId: account.id, name: account.name, externalId: account.externalId, churned: account.isChurned,
            healthScore: bundle.customer.healthScore.value, attendees: attendees.map(\.email), sections: sections.filter { !$0.insights.isEmpty })
    }

    func days(to date: Date) -> Int { Wording.days(from: now, to: date) }

    func ago(_ date: Date) -> String { Wording.relative(date, now: now) }

    static func score(_ value: Double?) -> String { Wording.score(value) }

    // MARK: Sections

    func health(_ bundle: AccountBundle) -> BriefSection {
        let customer = bundle.customer
        let sourced = customer.healthScore
        guard let score = sourced.value, let text = customer.describe(sourced, { "\(Self.score($0))/10 (\(Wording.healthLevel($0)))" }) else {
            let orgNote = bundle.account.organizationId == nil ? "" : " or its organization"
            if let unread = customer.organizationUnread {
                return BriefSection(id: "health", title: "Health", insights: [
                    Insight(.warning, "No health score on this account; \(customer.unreadOrganizationLine ?? unread)",
                            data: ["healthScore": .null, "organizationUnread": .string(unread)])
                ])
            }
            return BriefSection(id: "health", title: "Health", insights: [
                Insight(.warning, "No health score in Vitally for this account\(orgNote)", data: ["healthScore": .null])
            ])
        }
        let level = HealthLevel(score: score)
        let severity: Severity
        switch level {
        case .good: severity = .positive
        case .fair: severity = .info
        case .poor: severity = .critical
        case .notAScore: severity = .warning
        }
        var insights = healthChange(bundle)
        insights.append(Insight(severity, "Health \(text)", data: ["healthScore": .number(score), "level": .string(level.rawValue),
                                                                  "organizationHealthScore": JSONValue(sourced.organization),
                                                                  "source": Customer.source(sourced)]))
        insights += cohortInsights(bundle)
        let parts = HealthScoreEntry.indicators(bundle.healthScores, overall: bundle.account.healthScore)
        if !parts.isEmpty {
            let text = parts.map { "\($0.name) \(Self.score($0.score))" }.joined(separator: " · ")
            insights.append(Insight(.info, "Breakdown: " + text, data: .array(parts.map { ["name": .string($0.name), "score": JSONValue($0.score), "weight": JSONValue($0.weight)] })))
            if let weakest = parts.min(by: { ($0.score ?? 0) < ($1.score ?? 0) }), let low = weakest.score, low < 5 {
                insights.append(Insight(.warning, "Weakest: \(weakest.name) at \(Self.score(low))", data: ["name": .string(weakest.name), "score": .number(low)]))
            }
        }
        return BriefSection(id: "health", title: "Health", insights: insights)
    }

    func risks(_ bundle: AccountBundle) -> BriefSection {
        let account = bundle.account
        let customer = bundle.customer
        var insights: [Insight] = []
        if let churned = account.churnedAt {
            insights.append(Insight(.critical, "Churned \(VitallyDate.formatDay(churned)) (\(ago(churned)))", data: ["churnedAt": .string(VitallyDate.format(churned))]))
        }
        if let score = customer.healthScore.value, score < 6 {
            let from = customer.healthScore.isFromOrganization ? " (\(customer.fromOrganization))" : ""
            insights.append(Insight(score < 4 ? .critical : .warning, "Low health score: \(Self.score(score))/10\(from)", data: ["healthScore": .number(score)]))
        }
        let detractors = bundle.npsResponses.filter { $0.category == .detractor }
        let detractorCount = max(detractors.count, account.npsDetractorCount ?? 0)
        if detractorCount > 0 {
            let who = detractors.prefix(3).map { "\($0.user?.displayName ?? "a user") (\(Self.score($0.score)))" }.joined(separator: ", ")
            insights.append(Insight(.warning, "\(detractorCount) NPS detractor\(detractorCount == 1 ? "" : "s")" + (who.isEmpty ? "" : ": " + who),
                                    data: ["count": .number(Double(detractorCount))]))
        }
        let overdue = bundle.tasks.filter { $0.isOverdue(now: now) }.sorted { ($0.dueDate ?? now) < ($1.dueDate ?? now) }
        if let oldest = overdue.first, let due = oldest.dueDate {
            insights.append(Insight(.warning, "\(overdue.count) overdue task\(overdue.count == 1 ? "" : "s"); oldest: \(oldest.name) (due \(VitallyDate.formatDay(due)), \(ago(due)))",
                                    data: ["count": .number(Double(overdue.count)), "tasks": .array(overdue.map { .string($0.name) })]))
        }
        if let lastSeen = account.lastSeenTimestamp {
            let idle = ActivityWindow.daysSince(lastSeen, now: now)
            if ActivityWindow.isIdle(lastSeen: lastSeen, now: now) {
                insights.append(Insight(.warning, "No product activity for \(idle) days (last seen \(VitallyDate.formatDay(lastSeen)))", data: ["daysIdle": .number(Double(idle))]))
            }
        } else if account.firstSeenTimestamp == nil && !account.isChurned {
            insights.append(Insight(.warning, "No product activity on record", data: ["lastSeenTimestamp": .null]))
        }
        if let renewal = customer.nextRenewalDate.value, !account.isChurned {
            let d = days(to: renewal)
            let from = customer.nextRenewalDate.isFromOrganization ? " · \(customer.fromOrganization)" : ""
            let timing = RenewalTiming(daysUntil: d)
            if timing.isWithinWindow {
                insights.append(Insight(timing == .urgent ? .critical : .warning, "Renewal in \(d) days (\(VitallyDate.formatDay(renewal)))\(from)", data: ["daysToRenewal": .number(Double(d))]))
            } else if timing == .passed {
                insights.append(Insight(.warning, "Renewal date passed \(-d) days ago (\(VitallyDate.formatDay(renewal))) and was not moved\(from)", data: ["daysToRenewal": .number(Double(d))]))
            }
        }
        let unhappy = bundle.conversations.filter(\.isUnhappy)
        let open = bundle.conversations.filter(\.isOpen)
        if !open.isEmpty || !unhappy.isEmpty {
            let subjects = (unhappy + open.filter { !$0.isUnhappy }).prefix(3).map { ($0.subject ?? "(no subject)") + ($0.isUnhappy ? " [unsatisfied]" : "") }
            insights.append(Insight(unhappy.isEmpty ? .info : .warning, "\(open.count) open conversation\(open.count == 1 ? "" : "s")" + (unhappy.isEmpty ? "" : ", \(unhappy.count) unsatisfied") + ": " + subjects.joined(separator: "; "),
                                    data: ["open": .number(Double(open.count)), "unsatisfied": .number(Double(unhappy.count))]))
        }
        insights += historyRisks(bundle)
        if insights.isEmpty { insights.append(Insight(.positive, "No risk signals")) }
        return BriefSection(id: "risks", title: "Risks", insights: insights.sorted { $0.severity < $1.severity })
    }

    func engagement(_ bundle: AccountBundle, attendees: [AttendeeMatch]) -> BriefSection {
        let account = bundle.account
        var insights: [Insight] = []
        if let lastSeen = account.lastSeenTimestamp {
            insights.append(Insight(.info, "Last seen \(VitallyDate.formatDay(lastSeen)) (\(ago(lastSeen)))", data: ["lastSeenTimestamp": .string(VitallyDate.format(lastSeen))]))
        }
        // The organization's users (other accounts' people) are not this account's engagement.
        let own = bundle.users.filter { !bundle.organizationItemIds.contains($0.id) }
        let total = own.isEmpty ? (account.usersCount ?? 0) : max(own.count, account.usersCount ?? 0)
        let active = own.filter { ActivityWindow.isActive(lastSeen: $0.lastSeenTimestamp, now: now) }.count
        if total > 0 {
            insights.append(Insight(active == 0 ? .warning : .info, "\(active) of \(total) users active in the last \(ActivityWindow.days) days", data: ["active30d": .number(Double(active)), "users": .number(Double(total))]))
        }
        insights += activeUsersChange(bundle)
        for attendee in attendees {
            let user = attendee.user ?? bundle.users.first { $0.email?.lowercased() == attendee.email }
            guard let user else {
                insights.append(Insight(.info, "\(attendee.email) is not a Vitally user of this account", data: ["email": .string(attendee.email)]))
                continue
            }
            var parts = ["\(user.displayName) <\(attendee.email)>"]
            parts.append(user.lastSeenTimestamp.map { "last seen \(ago($0))" } ?? "never seen in the product")
            if let score = user.npsLastScore { parts.append("NPS \(Self.score(score))" + (user.npsLastFeedback.map { ": \"\($0)\"" } ?? "")) }
            let severity: Severity = NPSCategory(score: user.npsLastScore) == .detractor ? .warning : .info
            insights.append(Insight(severity, parts.joined(separator: ", "), data: ["email": .string(attendee.email), "npsLastScore": JSONValue(user.npsLastScore),
                                                                                 "lastSeenTimestamp": JSONValue(user.lastSeenTimestamp.map(VitallyDate.format))]))
        }
        return BriefSection(id: "engagement", title: "Engagement", insights: insights)
    }

    func journey(_ bundle: AccountBundle) -> BriefSection {
        var insights: [Insight] = []
        let customer = bundle.customer
        let stageKey = customer.traitKeys.first { $0.lowercased().contains("lifecycle") || $0.lowercased().hasSuffix("stage") && !$0.lowercased().contains("renewal") }
        let stageValue = stageKey.map { customer.trait($0) }.map { Sourced(account: $0.account?.string, organization: $0.organization?.string) }
        if let stageValue, let stage = customer.describe(stageValue, { $0 }) {
            insights.append(Insight(.info, "Lifecycle stage: \(stage)", data: ["stage": JSONValue(stageValue.value)]))
        }
        if let segments = customer.describe(customer.segments, { $0.map(\.name).joined(separator: ", ") }) {
            insights.append(Insight(.info, "Segments: " + segments, data: .array((customer.segments.value ?? []).map { .string($0.name) })))
        }
        insights += goals(bundle)
        for project in bundle.projects where project.archivedAt == nil {
            let progress = project.traits.first { $0.key.lowercased().contains("progress") }?.value.double
            var text = project.name
            let severity: Severity
            if let done = project.actualCompletionDate {
                let late = project.targetCompletionDate.map { done > $0.addingTimeInterval(86400) } ?? false
                text += ": completed \(VitallyDate.formatDay(done))" + (late ? " (after its target)" : " (milestone met)")
                severity = late ? .info : .positive
            } else if let target = project.targetCompletionDate, target < VitallyDate.startOfDay(now) {
                text += ": target \(VitallyDate.formatDay(target)) missed (\(ago(target)))"
                severity = .warning
            } else {
                text += ": in progress" + (project.targetCompletionDate.map { ", target \(VitallyDate.formatDay($0))" } ?? "")
                severity = .info
            }
            if let progress { text += ", \(Wording.percent(progress / 100)) done" }
            insights.append(Insight(severity, text, data: ["project": .string(project.name), "progress": JSONValue(progress),
                                                          "complete": .bool(project.isComplete)]))
        }
        return BriefSection(id: "journey", title: "Customer journey", insights: insights)
    }

    func commercial(_ bundle: AccountBundle) -> BriefSection {
        let account = bundle.account
        let customer = bundle.customer
        var insights: [Insight] = []
        if let mrr = customer.describe(customer.mrr, Wording.money) {
            insights.append(Insight(.info, "MRR \(mrr)", data: ["mrr": JSONValue(customer.mrr.value), "source": Customer.source(customer.mrr)]))
        }
        insights += mrrChange(bundle)
        if let renewal = customer.describe(customer.nextRenewalDate, { "\(VitallyDate.formatDay($0)) (\(ago($0)))" }) {
            insights.append(Insight(.info, "Renews \(renewal)", data: ["nextRenewalDate": JSONValue(customer.nextRenewalDate.value.map(VitallyDate.format)),
                                                                       "source": Customer.source(customer.nextRenewalDate)]))
        }
        if let trial = account.trialEndDate {
            let d = days(to: trial)
            insights.append(Insight(d >= 0 && d <= 14 ? .warning : .info, "Trial ends \(VitallyDate.formatDay(trial)) (\(ago(trial)))", data: ["trialEndDate": .string(VitallyDate.format(trial))]))
        }
        return BriefSection(id: "commercial", title: "Commercial", insights: insights)
    }

    func team(_ bundle: AccountBundle) -> BriefSection {
        var insights: [Insight] = []
        for role in bundle.account.keyRoles {
            if let member = role.member {
                insights.append(Insight(.info, "\(role.label): \(member.name ?? member.email ?? member.id)", data: ["role": .string(role.label), "name": JSONValue(member.name), "email": JSONValue(member.email)]))
            }
        }
        let notes = bundle.notes.filter { $0.archivedAt == nil }.sorted { ($0.date ?? .distantPast) > ($1.date ?? .distantPast) }.prefix(3)
        for note in notes {
            let when = note.date.map { "\(VitallyDate.formatDay($0)) " } ?? ""
            let org = bundle.organizationItemIds.contains(note.id) ? " [\(bundle.organizationName ?? "organization")]" : ""
            insights.append(Insight(.info, "Note \(when)by \(note.author?.name ?? "?")\(org): \(note.subject ?? "(no subject)")",
                                    data: ["noteId": .string(note.id), "organizationLevel": .bool(!org.isEmpty)]))
        }
        let open = bundle.tasks.filter(\.isOpen).sorted { ($0.dueDate ?? .distantFuture) < ($1.dueDate ?? .distantFuture) }.prefix(3)
        for task in open {
            let due = task.dueDate.map { "due \(VitallyDate.formatDay($0))" } ?? "no due date"
            let org = bundle.organizationItemIds.contains(task.id) ? " [\(bundle.organizationName ?? "organization")]" : ""
            insights.append(Insight(task.isOverdue(now: now) ? .warning : .info, "Task\(org): \(task.name) (\(due), \(task.assignedTo?.name ?? "unassigned"))",
                                    data: ["taskId": .string(task.id), "organizationLevel": .bool(!org.isEmpty)]))
        }
        if let meeting = bundle.meetings.filter({ ($0.startDateTime ?? .distantFuture) <= now }).max(by: { ($0.startDateTime ?? .distantPast) < ($1.startDateTime ?? .distantPast) }), let start = meeting.startDateTime {
            insights.append(Insight(.info, "Last meeting \(VitallyDate.formatDay(start)): \(meeting.title ?? "")" + (meeting.summary.map { " — \($0)" } ?? ""), data: ["meetingId": .string(meeting.id)]))
        }
        return BriefSection(id: "team", title: "Team activity", insights: insights)
    }

    /// Why each list is empty or short: no items, forbidden, unrecognised shape, failed, not
    /// fetched, or only the newest page read. Lists with items and nothing to say are left out.
    func coverage(_ bundle: AccountBundle) -> BriefSection {
        var insights: [Insight] = []
        let orgName = bundle.organizationName
        if let outcome = bundle.organizationOutcome, let id = bundle.account.organizationId {
            insights.append(Insight(.warning, "Organization \(id) not read: \(AccountBundle.describe(outcome)); its health, MRR, renewal and NPS are unknown",
                                    data: ["reason": "organizationUnread", "organizationId": .string(id), "detail": .string(AccountBundle.describe(outcome))]))
        }
        for failure in bundle.customObjectFailures {
            insights.append(Insight(.warning, failure, data: ["reason": "customObjectUnread", "detail": .string(failure)]))
        }
        for list in BriefList.allCases {
            let reports = bundle.reports(for: list)
            guard !reports.isEmpty else { continue }
            // Tasks are asked for open ones first; when Vitally honoured that, the counts are of open tasks.
            let noun = list == .tasks && reports.allSatisfy({ $0.openFilter == .honoured }) ? "open tasks" : list.rawValue
            let title = noun.prefix(1).uppercased() + noun.dropFirst()
            for report in reports {
                let at = report.owner == .account(bundle.account.id) ? "" : " at \(orgName ?? "the organization")"
                switch report.outcome {
                case .forbidden(let request):
                    insights.append(Insight(.warning, "\(title)\(at) not shown: Vitally refused \(request) (403)",
                                            data: ["list": .string(list.rawValue), "reason": "forbidden", "request": .string(request)]))
                case .unrecognisedShape(let request):
                    insights.append(Insight(.warning, "\(title)\(at) not shown: unrecognised response shape from \(request)",
                                            data: ["list": .string(list.rawValue), "reason": "unrecognisedShape", "request": .string(request)]))
                case .failed(let request, let status):
                    insights.append(Insight(.warning, "\(title)\(at) not shown: \(request) failed (\(status))",
                                            data: ["list": .string(list.rawValue), "reason": "failed", "request": .string(request), "status": .string(status)]))
                case .notFetched(let cap):
                    if report.owner == .account(bundle.account.id) {
                        insights.append(Insight(.info, "\(title) not read: a brief reads lists for its first \(cap) accounts only",
                                                data: ["list": .string(list.rawValue), "reason": "notFetched", "cap": .number(Double(cap))]))
                    }
                case .capped(let read, let atLeast):
                    let filter: String
                    switch report.openFilter {
                    case .ignored?: filter = "; Vitally ignored status=open, so open tasks older than these are not shown"
                    case .refused?: filter = "; Vitally refused status=open (400), so open tasks older than these are not shown"
                    case .honoured?, nil: filter = ""
                    }
                    insights.append(Insight(.info, "\(title)\(at): newest \(read) of at least \(atLeast) read\(filter)",
                                            data: ["list": .string(list.rawValue), "reason": "capped", "read": .number(Double(read)), "atLeast": .number(Double(atLeast)),
                                                   "openFilter": JSONValue(report.openFilter?.rawValue)]))
                case .complete:
                    break
                }
            }
            let allComplete = reports.allSatisfy { if case .complete = $0.outcome { return true } else { return false } }
            let total = reports.reduce(0) { sum, report in if case .complete(let n) = report.outcome { return sum + n } else { return sum } }
            if allComplete, total == 0, list == .healthScores, bundle.customer.healthScore.isFromOrganization {
                insights.append(Insight(.info, "Health-score breakdown: none on the account; its score is \(orgName ?? "its organization")'s",
                                        data: ["list": .string(list.rawValue), "reason": "organizationScore"]))
            } else if allComplete, total == 0 {
                let places = reports.count > 1 ? "the account or \(orgName ?? "its organization")" : "the account"
                insights.append(Insight(.info, "No \(noun): Vitally returned 0 items for \(places)",
                                        data: ["list": .string(list.rawValue), "reason": "noItems"]))
            }
            let orgOnly = reports.count > 1 && reports.allSatisfy { if case .complete = $0.outcome { return true } else { return false } }
                && reports.first.map { if case .complete(0) = $0.outcome { return true } else { return false } } == true && total > 0
            if orgOnly {
                insights.append(Insight(.info, "\(title): only at \(orgName ?? "the organization") (none on the account itself)",
                                        data: ["list": .string(list.rawValue), "reason": "organizationOnly"]))
            }
        }
        return BriefSection(id: "coverage", title: "Data coverage", insights: insights)
    }

    /// Scalar custom traits (the account's, else its organization's, labelled), minus the ones other sections already use.
    func attributes(_ customer: Customer) -> BriefSection {
        let insights = customer.traitKeys.compactMap { key -> Insight? in
            let lower = key.lowercased()
            guard !(lower.contains("domain") || lower.contains("website") || lower.contains("url") || lower.contains("lifecycle")) else { return nil }
            let sourced = customer.trait(key)
            func scalar(_ value: JSONValue) -> String? {
                guard let text = value.string ?? value.bool.map({ $0 ? "yes" : "no" }), !text.isEmpty, text.count <= 80 else { return nil }
                return text
            }
            let usable = Sourced(account: sourced.account.flatMap(scalar), organization: sourced.organization.flatMap(scalar))
            guard let text = customer.describe(usable, { $0 }), let value = sourced.account ?? sourced.organization else { return nil }
            return Insight(.info, "\(BriefComposer.label(key)): \(text)", data: ["key": .string(key), "value": value, "source": Customer.source(usable)])
        }
        return BriefSection(id: "attributes", title: "Custom attributes", insights: Array(insights.prefix(6)))
    }

    /// `vitally.custom.renewalStage` -> `Renewal stage`
    static func label(_ key: String) -> String {
        let last = key.split(separator: ".").last.map(String.init) ?? key
        var words: [String] = []
        var current = ""
        for ch in last {
            if ch.isUppercase, !current.isEmpty { words.append(current); current = "" }
            if ch == "_" || ch == "-" { if !current.isEmpty { words.append(current) }; current = ""; continue }
            current.append(ch)
        }
        if !current.isEmpty { words.append(current) }
        let sentence = words.map { $0.lowercased() }.joined(separator: " ")
        return sentence.prefix(1).uppercased() + sentence.dropFirst()
    }

}
