import Foundation
import VitallyKit

/// `disconnect`: forgets the saved credentials.
struct DisconnectCommand: ShellCommand {
    static let spec = CommandSpec(
        "disconnect", group: .connection, rank: 2, summary: "forget the saved credentials",
        example: "disconnect")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let removed = shell.environment.configFile.map { ConfigFile(url: $0).remove() } ?? false
        if shell.connection.mode == .live { shell.connection = .offline() }
        let text = removed ? "Saved credentials removed." : "No saved credentials."
        var blocks: [OutputBlock] = [.text(text)]
        if shell.environment.environmentCredentials != nil {
            blocks.append(.text("VITALLY_TOKEN is still set in the shell.environment; unset it to stop using it.", .warn))
        }
        return CommandResult(output: ShellOutput(blocks: blocks, json: ["removed": .bool(removed)]))
    }
}
