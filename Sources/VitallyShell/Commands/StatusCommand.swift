import Foundation
import VitallyKit

/// `status`: mode, tenant, host, recording, requests (and the last brief's) and rate-limit headroom.
struct StatusCommand: ShellCommand {
    static let spec = CommandSpec(
        "status", group: .connection, rank: 5, summary: "mode, tenant, host, recording, requests, rate-limit headroom",
        example: "status")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        try CommandResult(await SessionStatus.read(from: shell), renderedBy: StatusRenderer())
    }
}
