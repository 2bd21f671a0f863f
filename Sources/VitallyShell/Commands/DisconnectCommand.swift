import Foundation
import VitallyKit

/// `disconnect [PROFILE]`: removes a saved profile and its token (the connected one when none is named).
struct DisconnectCommand: ShellCommand {
    static let spec = CommandSpec(
        "disconnect", group: .connection, rank: 4, summary: "remove a saved profile and its token (default: the connected one)",
        synopsis: "[PROFILE]", argument: .text, arguments: 0...1, example: "disconnect globex")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let connected = shell.connection.mode == .live ? shell.connection.credentials?.profile : nil
        let name = command.arguments.first ?? connected ?? (shell.connection.mode == .live ? nil : shell.savedProfiles()?.current)
        var removed = false
        var hadToken = false
        if let name, let store = shell.environment.profileStore {
            do { hadToken = try store.token(for: name) != nil } catch { hadToken = true }  // an unreadable token is still one
            do { removed = try store.remove(name) } catch { return .failure(ErrorAdvice.message(error as? VitallyError ?? VitallyError(.invalidInput, cause: "\(error)"))) }
        }
        let leaving = shell.connection.mode == .live && (command.arguments.isEmpty || name == connected)
        if leaving { shell.connection = .offline() }
        if !removed, let name, command.arguments.first != nil {
            return .failure("no profile '\(name.prefix(64))' to remove; 'profiles' lists them", status: .usage)
        }
        let result = DisconnectResult(removed: removed, profile: removed ? name : nil, tokenRemoved: removed && hadToken, disconnected: leaving,
                                      environmentToken: shell.environment.environmentCredentials != nil)
        return try CommandResult(result, renderedBy: DisconnectRenderer())
    }
}
