import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// The generated tenant's records against the shapes real tenants show (vitally-api.md, Airbyte's
/// schemas): tasks embed what notes embed, unset fields are null everywhere, users carry message times.
@Suite struct SimulatorFidelityTests {
    /// Every item of a tenant-wide list, paged to the end.
    func all(_ simulator: RunningSimulator, _ path: String) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var cursor: String?
        repeat {
            let from = cursor.map { "&from=" + URLEncoding.encode($0) } ?? ""
            let page = try await fetch(simulator, path + (path.contains("?") ? "&" : "?") + "limit=100" + from)
            let json = try #require(page.json)
            items += json["results"]?.array ?? []
            cursor = json["next"]?.string
        } while cursor != nil
        return items
    }

    @Test func tasksEmbedTheirAccountAndCompleterAsNotesEmbedTheirAccount() async throws {
        try await withServer { simulator in
            let tasks = try await all(simulator, "/resources/tasks")
            #expect(!tasks.isEmpty)
            for task in tasks {
                let accountId = task["accountId"]?.string
                #expect(task["account"]?["id"]?.string == accountId, "task \(task["id"]?.string ?? "?")")
                if accountId != nil { #expect(task["account"]?["name"]?.string?.isEmpty == false) }
                let completedBy = task["completedById"]?.string
                #expect(task["completedBy"]?["id"]?.string == completedBy)
                if completedBy != nil { #expect(task["completedBy"]?["name"]?.string?.isEmpty == false) }
                #expect(task["organization"]?["id"]?.string == task["organizationId"]?.string)
            }
            #expect(tasks.contains { $0["completedBy"]?.object != nil })
        }
    }

    @Test(arguments: ["accounts?status=activeOrChurned", "organizations", "users", "notes", "tasks", "conversations", "npsResponses", "projects", "meetings"])
    func anUnsetFieldIsNullInEveryRecordNeverAbsentInSome(list: String) async throws {
        try await withServer { simulator in
            let items = try await all(simulator, "/resources/" + list)
            let keys = Set(items.flatMap { $0.object?.keys ?? [] })
            for key in keys.sorted() {
                let absent = items.filter { $0[key] == nil }.count
                #expect(absent == 0, "\(list): \(key) is absent in \(absent) of \(items.count) records")
            }
            // The same record read alone has the same fields (conversations' lists leave out their messages).
            guard !list.hasPrefix("conversations"), let first = items.first, let id = first["id"]?.string else { return }
            let resource = list.split(separator: "?")[0]
            let alone = try #require(try await fetch(simulator, "/resources/\(resource)/\(id)").json)
            #expect(Set(alone.object?.keys ?? []) == Set(first.object?.keys ?? []), "\(resource)/\(id)")
        }
    }

    @Test func usersCarryBothMessageTimestampsFromTheirConversations() async throws {
        try await withServer { simulator in
            let users = try await all(simulator, "/resources/users")
            for user in users {
                #expect(user["lastInboundMessageTimestamp"] != nil && user["lastOutboundMessageTimestamp"] != nil)
            }
            let messaged = users.filter { $0["lastInboundMessageTimestamp"]?.string != nil }
            #expect(!messaged.isEmpty)
            for user in messaged.prefix(5) {
                let inbound = try #require(user["lastInboundMessageTimestamp"]?.string)
                let outbound = try #require(user["lastOutboundMessageTimestamp"]?.string)
                #expect(VitallyDate.parse(inbound) != nil && VitallyDate.parse(outbound) != nil)
            }
        }
    }
}
