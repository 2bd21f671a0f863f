import Foundation
import VitallyKit

/// `timeline ACCOUNT`: notes, tasks, NPS, conversations and meetings on one dated list, newest first.
struct TimelineCommand: ShellCommand {
    static let spec = CommandSpec(
        "timeline", group: .explore, rank: 8, summary: "notes, tasks, NPS, conversations and meetings by date",
        synopsis: "ACCOUNT", argument: .account, arguments: 1...1,
        flags: [
            Common.limit,
        ],
        example: "timeline acme.com")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let account = try await shell.resolveAccount(command.arguments[0])
        let limit = command.options[Common.limit] ?? 30
        let client = shell.connection.client
        let id = account.id
        // Notes and tasks kept on the organization are the customer's too (labelled); a sibling's are not.
        let ownedNotes = try await shell.ownedItems(.notes, of: account, as: Note.self)
        let ownedTasks = try await shell.ownedItems(.tasks, of: account, as: VitallyTask.self)
        let customer = await shell.customer(of: account)
        async let nps = client.accountList(.npsResponses, accountId: id, as: NPSResponse.self).collect()
        async let conversations = client.accountList(.conversations, accountId: id, as: Conversation.self).collect()
        async let meetings = client.accountList(.meetings, accountId: id, as: Meeting.self).collect()
        let timeline = Timeline(
            customer: customer, notes: ownedNotes.items, tasks: ownedTasks.items, nps: try await nps, conversations: try await conversations,
            meetings: try await meetings, organizationLabel: { ownedNotes.label($0) ?? ownedTasks.label($0) }, limit: limit)
        return try CommandResult(timeline, renderedBy: TimelineRenderer(now: shell.now, notices: ownedNotes.notices + ownedTasks.notices))
    }
}
