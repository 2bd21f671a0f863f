import Foundation
import VitallyKit

extension SimulatorDataSet {
    /// Gives one account `count` more notes, conversations and completed tasks, all newer than
    /// its own items, so a brief's first page of each list is full of them: a tenant where email
    /// sync and an integration filled an account with thousands of items.
    mutating func addBulkActivity(_ count: Int, toAccount key: String) {
        guard count > 0, let account = accounts.first(where: { $0["externalId"]?.string == key || $0["id"]?.string == key }),
            let accountId = account["id"]?.string
        else { return }
        let noteTemplate = notes.first { $0["accountId"]?.string == accountId }
        let taskTemplate = tasks.first { $0["accountId"]?.string == accountId && !($0["completedAt"]?.isNull ?? true) }
        let conversationTemplate = conversations.first { ($0["accounts"]?.array ?? []).contains { $0["id"]?.string == accountId } }
        for index in 0..<count {
            // Newest first, a minute apart, all within the last few days of the anchor.
            let stamp = JSONValue.string(VitallyDate.format(anchor.addingTimeInterval(-Double(index + 1) * 60)))
            func copy(_ template: JSONValue?, _ kind: String, _ changes: [(String, JSONValue)]) -> JSONValue? {
                guard var object = template?.object else { return nil }
                object["id"] = .string("\(key)-bulk-\(kind)-\(index)")
                object["createdAt"] = stamp
                object["updatedAt"] = stamp
                for (name, value) in changes { object[name] = value }
                return .object(object)
            }
            if let note = copy(noteTemplate, "note", [("noteDate", stamp), ("archivedAt", .null), ("subject", .string("Synced email \(index + 1)"))]) {
                notes.append(note)
            }
            if let task = copy(taskTemplate, "task", [("completedAt", stamp), ("name", .string("Logged call \(index + 1)"))]) {
                tasks.append(task)
            }
            if let conversation = copy(conversationTemplate, "conversation", [("subject", .string("Email thread \(index + 1)")), ("status", "closed"), ("messages", [])]) {
                conversations.append(conversation)
            }
        }
        func byUpdated(_ a: JSONValue, _ b: JSONValue) -> Bool {
            let ua = a["updatedAt"]?.string ?? "", ub = b["updatedAt"]?.string ?? ""
            return ua != ub ? ua > ub : (a["id"]?.string ?? "") < (b["id"]?.string ?? "")
        }
        notes.sort(by: byUpdated)
        tasks.sort(by: byUpdated)
        conversations.sort(by: byUpdated)
    }
}
