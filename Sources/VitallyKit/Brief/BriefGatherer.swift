import Foundation

/// Fetches what a brief needs for each matched account, every independent request at once
/// (the client's limiter still bounds how many are in flight).
public struct BriefGatherer: Sendable {
    public let client: VitallyClient

    public init(client: VitallyClient) { self.client = client }

    public func gather(accountIds: [String]) async throws -> [AccountBundle] {
        try await withThrowingTaskGroup(of: (Int, AccountBundle).self) { group in
            for (position, id) in accountIds.enumerated() {
                group.addTask { (position, try await gather(accountId: id)) }
            }
            var bundles: [(Int, AccountBundle)] = []
            for try await bundle in group { bundles.append(bundle) }
            return bundles.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    public func gather(accountId id: String) async throws -> AccountBundle {
        async let account = client.account(id: id)
        async let health = optional("health scores") { try await client.healthScores(accountId: id) }
        async let users = optional("users") { try await client.accountList(.users, accountId: id, as: User.self).collect() }
        async let notes = optional("notes") { try await client.accountList(.notes, accountId: id, as: Note.self).collect() }
        async let tasks = optional("tasks") { try await client.accountList(.tasks, accountId: id, as: VitallyTask.self).collect() }
        async let conversations = optional("conversations") {
            try await client.accountList(.conversations, accountId: id, as: Conversation.self).collect()
        }
        async let nps = optional("NPS responses") {
            try await client.accountList(.npsResponses, accountId: id, as: NPSResponse.self).collect()
        }
        async let projects = optional("projects") { try await client.accountList(.projects, accountId: id, as: Project.self).collect() }
        async let meetings = optional("meetings") { try await client.accountList(.meetings, accountId: id, as: Meeting.self).collect() }

        var bundle = AccountBundle(account: try await account)
        var unavailable: [String: String] = [:]
        func take<T>(_ result: (String, Result<[T], VitallyError>)) -> [T] {
            switch result.1 {
            case .success(let items): return items
            case .failure(let error):
                unavailable[result.0] = error.status.map { "HTTP \($0)" } ?? error.code.rawValue
                return []
            }
        }
        bundle.healthScores = take(try await health)
        bundle.users = take(try await users)
        bundle.notes = take(try await notes)
        bundle.tasks = take(try await tasks)
        bundle.conversations = take(try await conversations)
        bundle.npsResponses = take(try await nps)
        bundle.projects = take(try await projects)
        bundle.meetings = take(try await meetings)
        bundle.unavailable = unavailable
        return bundle
    }

    /// A list that may be forbidden or missing without sinking the whole brief.
    private func optional<T: Sendable>(_ name: String, _ fetch: @Sendable () async throws -> [T]) async throws
        -> (String, Result<[T], VitallyError>)
    {
        do {
            return (name, .success(try await fetch()))
        } catch let error as VitallyError where [.forbidden, .notFound, .badRequest, .server].contains(error.code) {
            return (name, .failure(error))
        }
    }
}
