import Foundation
import VitallyKit

extension Shell {
    /// The saved profiles; nil (with a note for the start and for `doctor`) when the files cannot be used.
    func savedProfiles() -> SavedProfiles? {
        guard let store = environment.profileStore else { return nil }
        do {
            let saved = try store.load()
            // A profile that does not read is said at the start; the others stay usable.
            for entry in saved.unreadable { noteAtStart(ErrorAdvice.message(entry.problem)) }
            return saved
        } catch {
            noteConfigurationProblem(ErrorAdvice.message(error))
            return nil
        }
    }

    func noteConfigurationProblem(_ problem: String) {
        noteAtStart(problem)
        configurationProblem = problem
    }

    /// A warning for the start, said once however often it is met.
    func noteAtStart(_ note: String) {
        if !startupNotes.contains(note) { startupNotes.append(note) }
    }

    /// What a session uses when nothing else is said: the profile named (`--profile`,
    /// `VITALLY_PROFILE`), else the `VITALLY_*` variables, else the current saved profile; `saved`
    /// when the files were read already.
    func savedCredentials(profile name: String? = nil, from saved: SavedProfiles? = nil) async -> Credentials? {
        if name == nil, let fromEnvironment = environment.environmentCredentials { return fromEnvironment }
        guard let profiles = saved ?? savedProfiles(), let chosen = name ?? profiles.current else { return nil }
        guard let profile = profiles.named(chosen) else {
            if let problem = profiles.problem(of: chosen) { noteConfigurationProblem(ErrorAdvice.message(problem)) }
            return nil
        }
        do {
            return try await credentials(of: profile)
        } catch {
            noteConfigurationProblem(ErrorAdvice.message(error))
            return nil
        }
    }

    /// A saved profile's credentials: its token read from the credentials file, or its command run now.
    func credentials(of profile: Profile) async throws(VitallyError) -> Credentials {
        let token: String
        if let command = profile.tokenCommand {
            let output = try await TokenCommand.run(command, in: environment.workingDirectory)
            noteTypedToken(output)
            token = try TokenInput.parse(output, from: "the token command of profile '\(profile.name)'").token
        } else {
            guard let store = environment.profileStore, let saved = try store.token(for: profile.name) else {
                throw VitallyError(
                    .invalidInput,
                    cause: "profile '\(profile.name)' has no saved token; run 'connect --profile \(profile.name)' to give one")
            }
            token = saved
        }
        noteTypedToken(token)
        return profile.credentials(token: token)
    }

    /// Tests `credentials` with one small read and switches to them; the handover's notes, or why not.
    func switchTo(_ credentials: Credentials) async throws -> Switch {
        let candidate = try Connection.live(credentials, cacheDirectory: environment.cacheDirectory, clock: environment.clock,
                                            timeout: environment.requestTimeoutSeconds)
        do {
            _ = try await candidate.client.firstPage("/resources/accounts", limit: 1, as: Account.self)
        } catch let error as VitallyError {
            return .refused(.failure("Vitally: Connection failed (\(credentials.tenantLabel) at \(candidate.endpoint?.host ?? "?")): " + advice(error)))
        }
        return .switched(await handOver(to: candidate))
    }

    /// What `switchTo` did: switched (with the handover's notes), or refused with the failure to show.
    enum Switch {
        case switched([OutputBlock])
        case refused(CommandResult)
    }

    /// What the prompt names: the profile (with its tenant when they differ), else the tenant.
    package var promptLabel: String {
        let tenant = connection.tenant
        guard connection.mode == .live || connection.mode == .record, let profile = connection.credentials?.profile else { return tenant }
        return profile == tenant ? profile : "\(profile) (\(tenant))"
    }
}
