import Foundation

/// Fetches what a brief needs for each matched account, every independent request at once
/// (the client's limiter still bounds how many are in flight). Each list is read as one page of
/// its newest items (Vitally sorts by `updatedAt`, newest first; tasks ask for open ones), at the account and, when the
/// account has one, at its organization: a brief costs the same few requests whatever the
/// account's size (an account with email sync can hold thousands of conversations).
public struct BriefGatherer: Sendable {
    public let client: VitallyClient
    /// Items read per list: one request each.
    var pageLimit = 50
    /// Lists are read for this many accounts at most; the rest get their account record only.
    public var accountsWithLists = 5

    public init(client: VitallyClient) { self.client = client }

    public func gather(accountIds: [String]) async throws -> [AccountBundle] {
        let objects = await goalObjects()
        return try await Array(accountIds.enumerated()).map { ($0.offset, $0.element) }.concurrentMap { position, id in
            try await gather(accountId: id, position: position, objects: objects)
        }
    }

    /// The newest page of one list, with how it went.
    struct Read<T: Sendable>: Sendable {
        var items: [T]
        var outcome: ListOutcome
        var openFilter: OpenFilter?
    }

    func read<T: VitallyModel>(_ list: ActivityList, of owner: ListOwner, query: [QueryItem] = [], as type: T.Type) async throws -> Read<T> {
        do {
            let page = try await client.firstPage(list, of: owner, query: query, limit: pageLimit, as: T.self)
            let more = page.next != nil && !page.atEnd && !page.results.isEmpty
            return Read(items: page.results, outcome: more ? .capped(read: page.results.count, atLeast: page.results.count + 1) : .complete(count: page.results.count))
        } catch let error as VitallyError where error.code != .cancelled && error.code != .unauthorized && error.code != .rateLimited {
            return Read(items: [], outcome: ListOutcome(error))
        }
    }

    /// One page of tasks, open ones asked for first with `status=open`. Vitally's docs list no
    /// such filter (vitally-api.md §6.6: a JS client sends it; unverified), so every answer is
    /// tolerated: a 400 is asked again without it, and a page holding finished tasks shows it was
    /// ignored. Either way the report says which tasks were read.
    func readTasks(of owner: ListOwner) async throws -> Read<VitallyTask> {
        var read = try await read(.tasks, of: owner, query: [QueryItem("status", "open")], as: VitallyTask.self)
        if case .failed(_, let status) = read.outcome, status == "HTTP 400" {
            read = try await self.read(.tasks, of: owner, as: VitallyTask.self)
            read.openFilter = .refused
        } else if case .complete = read.outcome, read.items.isEmpty {
            read.openFilter = .honoured
        } else if !read.outcome.isGap {
            read.openFilter = read.items.allSatisfy(\.isOpen) ? .honoured : .ignored
        }
        return read
    }

    func readHealth(_ accountId: String) async throws -> Read<HealthScoreEntry> {
        do {
            let entries = try await client.healthScores(accountId: accountId)
            return Read(items: entries, outcome: .complete(count: entries.count))
        } catch let error as VitallyError where error.code != .cancelled && error.code != .unauthorized && error.code != .rateLimited {
            return Read(items: [], outcome: ListOutcome(error))
        }
    }

    /// The account, its lists (started together with the account read), then its organization's.
    public func gather(accountId id: String, withLists: Bool = true) async throws -> AccountBundle {
        guard withLists else {
            var bundle = AccountBundle(account: try await client.account(id: id))
            bundle.reports = BriefList.allCases.map {
                ListReport(list: $0, owner: .account(bundle.account.id), outcome: .notFetched(cap: accountsWithLists))
            }
            return bundle
        }
        let owner = ListOwner.account(id)
        async let account = client.account(id: id)
        async let health = readHealth(id)
        async let users = read(.users, of: owner, as: User.self)
        async let notes = read(.notes, of: owner, as: Note.self)
        async let tasks = readTasks(of: owner)
        async let conversations = read(.conversations, of: owner, as: Conversation.self)
        async let nps = read(.npsResponses, of: owner, as: NPSResponse.self)
        async let projects = read(.projects, of: owner, as: Project.self)
        async let meetings = read(.meetings, of: owner, as: Meeting.self)

        let fetched = try await account
        let organizationId = fetched.organizationId
        async let organization = gatherOrganization(organizationId)
        var bundle = AccountBundle(account: fetched)
        func take<T>(_ list: BriefList, _ read: Read<T>) -> [T] {
            bundle.reports.append(ListReport(list: list, owner: .account(bundle.account.id), outcome: read.outcome, openFilter: read.openFilter))
            return read.items
        }
        bundle.healthScores = take(.healthScores, try await health)
        bundle.users = take(.users, try await users)
        bundle.notes = take(.notes, try await notes)
        bundle.tasks = take(.tasks, try await tasks)
        bundle.conversations = take(.conversations, try await conversations)
        bundle.npsResponses = take(.npsResponses, try await nps)
        bundle.projects = take(.projects, try await projects)
        bundle.meetings = take(.meetings, try await meetings)
        if let org = try await organization { bundle.merge(org) }
        return bundle
    }

    /// The organization's record, or why it could not be read (its values are then unknown, not absent).
    func readOrganization(_ id: String) async throws -> (Organization?, ListOutcome?) {
        let (organization, error) = try await Customer.readOrganization(id, with: client)
        if let error, error.code == .cancelled || error.code == .unauthorized || error.code == .rateLimited { throw error }
        return (organization, error.map { ListOutcome($0) })
    }

    /// The organization and its own notes, tasks, projects, NPS responses and users.
    func gatherOrganization(_ id: String?) async throws -> OrganizationBundle? {
        guard let id, !id.isEmpty else { return nil }
        let owner = ListOwner.organization(id)
        async let organization = readOrganization(id)
        async let users = read(.users, of: owner, as: User.self)
        async let notes = read(.notes, of: owner, as: Note.self)
        async let tasks = readTasks(of: owner)
        async let nps = read(.npsResponses, of: owner, as: NPSResponse.self)
        async let projects = read(.projects, of: owner, as: Project.self)
        let (record, outcome) = try await organization
        var bundle = OrganizationBundle(id: id, organization: record)
        bundle.outcome = outcome
        func take<T>(_ list: BriefList, _ read: Read<T>) -> [T] {
            bundle.reports.append(ListReport(list: list, owner: owner, outcome: read.outcome, openFilter: read.openFilter))
            return read.items
        }
        bundle.users = take(.users, try await users)
        bundle.notes = take(.notes, try await notes)
        bundle.tasks = take(.tasks, try await tasks)
        bundle.npsResponses = take(.npsResponses, try await nps)
        bundle.projects = take(.projects, try await projects)
        return bundle
    }
}

/// What an account's organization holds itself.
struct OrganizationBundle: Sendable {
    package var id: String
    package var organization: Organization?
    /// Why the organization's record could not be read; nil when it was.
    package var outcome: ListOutcome?
    package var users: [User] = []
    package var notes: [Note] = []
    package var tasks: [VitallyTask] = []
    package var npsResponses: [NPSResponse] = []
    package var projects: [Project] = []
    package var reports: [ListReport] = []
}
