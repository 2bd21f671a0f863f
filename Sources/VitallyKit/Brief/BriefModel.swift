import Foundation

/// Everything Vitally holds about one account that a brief may use.
public struct AccountBundle: Sendable {
    public var account: Account
    public var healthScores: [HealthScoreEntry] = []
    public var users: [User] = []
    public var notes: [Note] = []
    public var tasks: [VitallyTask] = []
    public var conversations: [Conversation] = []
    public var npsResponses: [NPSResponse] = []
    public var projects: [Project] = []
    public var meetings: [Meeting] = []
    /// Goal-like custom objects' instances of the account and of its organization.
    public var customObjects: [CustomObjectInstances] = []
    /// One line per goal-like object search that failed ("Customer Goals not read: GET … failed (HTTP 503)").
    public var customObjectFailures: [String] = []
    /// The account's organization, when it has one and it could be read.
    public var organization: Organization?
    /// Why the organization the account names could not be read (nil when read, or none named).
    public var organizationOutcome: ListOutcome?
    /// Ids of items that came from the organization's lists, not the account's.
    public var organizationItemIds: Set<String> = []
    /// How every list was read, at the account and at its organization: the brief says why a
    /// section is empty or short.
    public var reports: [ListReport] = []
    /// Earlier observations of the account (oldest first, today's included); nil when the
    /// session has no history, with `historyGap` saying why.
    package var history: [Observation]?
    package var historyGap: String?
    /// The account among its segment (or all active accounts), from the scan in hand; nil with
    /// `cohortGap` saying why.
    package var cohort: Cohort?
    package var cohortGap: String?

    public init(account: Account) { self.account = account }

    /// Adds the organization's own items that the account's lists do not already hold; items that
    /// name an account are attributed by `OrganizationItems` (a sibling's are left out).
    mutating func merge(_ org: OrganizationBundle) {
        organization = org.organization
        organizationOutcome = org.outcome
        reports += org.reports
        let accountId = account.id
        let siblingUsers = Set(OrganizationItems(org.users, forAccount: accountId, known: []).siblings.map(\.id))
        func add<T: VitallyModel>(_ items: [T], to list: inout [T], id: (T) -> String) {
            let split = OrganizationItems(items, forAccount: accountId, known: Set(list.map(id)), siblingUsers: siblingUsers)
            list += split.account
            for item in split.organizationLevel {
                list.append(item)
                organizationItemIds.insert(id(item))
            }
        }
        add(org.users, to: &users, id: \.id)
        add(org.notes, to: &notes, id: \.id)
        add(org.tasks, to: &tasks, id: \.id)
        add(org.npsResponses, to: &npsResponses, id: \.id)
        add(org.projects, to: &projects, id: \.id)
    }

    /// The account as a customer: its values, else its organization's, labelled.
    public var customer: Customer {
        Customer(account: account, organization: organization, organizationUnread: organizationOutcome.map(Self.describe))
    }

    /// An outcome that is not a list's, in words: "GET … failed (HTTP 404)".
    static func describe(_ outcome: ListOutcome) -> String {
        switch outcome {
        case .forbidden(let request): return "Vitally refused \(request) (403)"
        case .unrecognisedShape(let request): return "unrecognised response shape from \(request)"
        case .failed(let request, let status): return "\(request) failed (\(status))"
        case .complete, .capped, .notFetched: return "not read"
        }
    }

    /// The reports for one list, account first.
    public func reports(for list: BriefList) -> [ListReport] { reports.filter { $0.list == list } }

    /// The organization's name, for labelling its items.
    public var organizationName: String? {
        organization.map { $0.name.isEmpty ? $0.id : $0.name } ?? account.organizationId
    }
}

extension AttendeeMatch {
    /// The match with names and churn state taken from the accounts a brief gathered.
    public func updated(with bundles: [AccountBundle]) -> AttendeeMatch {
        var copy = self
        copy.accounts = accounts.map { matched in
            guard let account = bundles.first(where: { $0.account.id == matched.id })?.account else { return matched }
            var updated = matched
            updated.name = account.name
            updated.externalId = account.externalId
            updated.churned = account.isChurned
            return updated
        }
        return copy
    }
}

/// How much an insight matters, most urgent first.
public enum Severity: String, Sendable, Comparable, CaseIterable, Encodable {
    case critical, warning, info, positive

    var rank: Int { Severity.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One thing worth saying, with how much it matters and the data behind it.
public struct Insight: Sendable, Equatable, Encodable {
    public var severity: Severity
    public var text: String
    public var data: JSONValue

    public init(_ severity: Severity, _ text: String, data: JSONValue = .null) {
        self.severity = severity
        self.text = text
        self.data = data
    }
}

/// A titled group of insights: health, risks, engagement, journey, commercial, team, attributes.
public struct BriefSection: Sendable, Equatable, Encodable {
    public var id: String
    public var title: String
    public var insights: [Insight]
}

/// The brief for one account; encoded as `brief --json` has always held it (`id` for the account's id).
public struct AccountBrief: Sendable, Encodable {
    public var accountId: String
    public var name: String
    public var externalId: String?
    public var churned: Bool
    public var healthScore: Double?
    /// Attendees who matched this account.
    public var attendees: [String]
    public var sections: [BriefSection]

    private enum CodingKeys: String, CodingKey { case id, externalId, name, churned, healthScore, attendees, sections }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accountId, forKey: .id)
        try container.encode(externalId, forKey: .externalId)
        try container.encode(name, forKey: .name)
        try container.encode(churned, forKey: .churned)
        try container.encode(healthScore, forKey: .healthScore)
        try container.encode(attendees, forKey: .attendees)
        try container.encode(sections, forKey: .sections)
    }
}

/// A whole meeting brief: who is coming, what matched, and a brief per account.
public struct Brief: Sendable {
    public var title: String?
    public var meetingStart: Date?
    public var generatedAt: Date
    public var matches: [AttendeeMatch]
    public var accounts: [AccountBrief]

    var unmatched: [AttendeeMatch] { matches.filter { !$0.isMatched && !$0.isInternal } }
    var internalAttendees: [AttendeeMatch] { matches.filter(\.isInternal) }

    /// Why the brief has no account section, or nil when it has one.
    public enum EmptyReason: Sendable, Equatable {
        /// Every attendee is on the user's own team.
        case onlyInternalAttendees
        /// No rule matched an account for these attendees (their emails).
        case noAccountMatched([String])
    }

    public var emptyReason: EmptyReason? {
        guard accounts.isEmpty else { return nil }
        if !matches.isEmpty, unmatched.isEmpty { return .onlyInternalAttendees }
        return .noAccountMatched(unmatched.map(\.email))
    }
}
