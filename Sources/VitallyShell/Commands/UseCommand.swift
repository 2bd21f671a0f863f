import Foundation
import VitallyKit

/// `use NAME`: switches the session to a saved profile, without typing its token again.
struct UseCommand: ShellCommand {
    static let spec = CommandSpec(
        "use", group: .connection, rank: 2, summary: "switch to a saved profile (its token read or its command run)",
        synopsis: "PROFILE", argument: .text, arguments: 1...1, example: "use globex")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let name = command.arguments[0]
        guard let profiles = shell.savedProfiles() else {
            return .failure(shell.configurationProblem ?? "there are no saved profiles: run 'connect SUBDOMAIN --profile \(name)' to save one")
        }
        if let problem = profiles.problem(of: name) { return .failure(ErrorAdvice.message(problem)) }
        guard let profile = profiles.named(name) else {
            let names = profiles.profiles.map(\.name)
            if names.isEmpty { return .failure("there are no saved profiles: run 'connect SUBDOMAIN --profile \(name)' to save one", status: .usage) }
            let guess = Suggest.closest(to: name, in: names)
            return .failure("no profile '\(name.prefix(64))'" + (guess.map { "; did you mean '\($0)'?" } ?? "; the saved ones are " + names.joined(separator: ", ")),
                            status: .usage)
        }
        let credentials = try await shell.credentials(of: profile)
        let notes: [OutputBlock]
        switch try await shell.switchTo(credentials) {
        case .refused(let failed): return failed
        case .switched(let handover): notes = handover
        }
        try? shell.environment.profileStore?.markUsed(profile.name, now: shell.environment.clock())
        let result = UseResult(profile: profile.name, subdomain: credentials.subdomain, region: credentials.region,
                               host: shell.connection.endpoint?.host, tenant: credentials.tenantLabel,
                               token: TokenFacts(credentials, now: shell.environment.clock()))
        return try CommandResult(result, renderedBy: UseRenderer(notes: notes))
    }
}
