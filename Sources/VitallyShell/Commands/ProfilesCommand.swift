import Foundation
import VitallyKit

/// `profiles`: the saved profiles with where their tokens come from and how old they are, never a token.
struct ProfilesCommand: ShellCommand {
    static let spec = CommandSpec(
        "profiles", group: .connection, rank: 3, summary: "the saved profiles: tenant, region, token source and age, last use",
        example: "profiles")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let saved = shell.savedProfiles()
        if saved == nil, let problem = shell.configurationProblem, shell.environment.profileStore != nil { return .failure(problem) }
        let active = shell.connection.mode == .live || shell.connection.mode == .record ? shell.connection.credentials?.profile : nil
        let list = ProfileList(saved, current: active ?? saved?.current, folder: shell.environment.profileStore?.folder.path,
                               now: shell.environment.clock(), describe: ErrorAdvice.message)
        return try CommandResult(list, renderedBy: ProfilesRenderer(now: shell.environment.clock()))
    }
}
