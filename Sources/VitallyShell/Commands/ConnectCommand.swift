import Foundation
import VitallyKit

/// `connect`: validates, tests with one small read, and only then saves the tenant as a named profile
/// (its token in the separate credentials file, or its token command, or nothing with `--no-save`).
struct ConnectCommand: ShellCommand {
    static let token = Option<String>("--token", value: "T", secret: true, help: "the secret token (asked for without echo when missing)")
    static let tokenCommand = Option<String>(
        "--token-command", value: "CMD", help: "a command that prints the token, run now and on each 'use' (never stored)")
    static let profile = Option<String>("--profile", value: "NAME", help: "the profile to save as (default: the subdomain)")
    static let noSave = Flag("--no-save", help: "keep the token in memory only: write nothing")
    static let region = Option<VitallyRegion>("--region", help: "data center: us (default) or eu")
    static let baseURL = Option<String>("--base-url", value: "URL", help: "send requests to a proxy or the simulator instead")
    static let spec = CommandSpec(
        "connect", group: .connection, rank: 1, summary: "connect to a tenant, test it, and save it as a profile", synopsis: "[SUBDOMAIN]",
        argument: .subdomain, arguments: 0...1,
        flags: [
            profile,
            token,
            tokenCommand,
            noSave,
            region,
            baseURL,
        ],
        example: "connect acme --region us")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        var notes: [OutputBlock] = []
        let profileName = command.options[Self.profile]
        if let profileName, !Profile.isValidName(profileName) {
            return .failure("'\(profileName.prefix(70))' cannot name a profile: use \(Profile.nameRule)", status: .usage)
        }
        if command.options[Self.token] != nil, command.options[Self.tokenCommand] != nil {
            return .failure("give --token or --token-command, not both", status: .usage)
        }
        let reuse = command.arguments.isEmpty && command.options[Self.baseURL] == nil
        // What a bare `connect` (or `connect --profile NAME`) starts from: the connection, else the saved profile.
        let live = shell.connection.mode == .live && (profileName == nil || shell.connection.credentials?.profile == profileName)
            ? shell.connection.credentials : nil
        let profiles = shell.savedProfiles()
        let savedProfile = (profileName ?? (command.arguments.isEmpty && live == nil ? profiles?.current : nil)).flatMap { profiles?.named($0) }
        let previous = live ?? savedProfile.map { $0.credentials(token: "") }
        var region = command.options[Self.region] ?? previous?.region ?? .us
        var subdomain: String? = previous?.subdomain
        if let raw = command.arguments.first {
            let parsed = try SubdomainParser.parse(raw)
            subdomain = parsed.subdomain
            if let note = parsed.note { notes.append(.text(note, .dim)) }
            if let implied = parsed.impliedRegion, command.options[Self.region] == nil { region = implied }
        }
        let baseURL = command.options[Self.baseURL] ?? (command.arguments.isEmpty ? previous?.baseURL : nil)
        if let baseURL { _ = try VitallyEndpoint.custom(baseURL) }
        if subdomain == nil, region == .us, baseURL == nil {
            return .failure("connect needs the subdomain you log in with, e.g. 'connect acme' for https://acme.vitally.io", status: .usage)
        }
        var tokenCommand = command.options[Self.tokenCommand]
        var token = command.options[Self.token]
        if let tokenCommand {
            token = try await TokenCommand.run(tokenCommand, in: shell.environment.workingDirectory)
        } else if token == nil, reuse, let previous {
            if let live, !live.token.isEmpty {
                token = live.token
            } else if let savedProfile {
                token = try await shell.credentials(of: savedProfile).token
            }
            tokenCommand = previous.tokenCommand
        }
        if token == nil || token?.isEmpty == true {
            token = await shell.environment.readSecret("Vitally secret token for \(subdomain ?? "the EU tenant") (input hidden): ")
        }
        guard let token, !TokenInput.strip(token).isEmpty else {
            return .failure("no token given: pass --token or type it at the prompt (\(ErrorAdvice.tokenPlace))", status: .usage)
        }
        shell.noteTypedToken(token)
        let pasted = try TokenInput.parse(token, from: command.options[Self.tokenCommand] == nil ? "the token given" : "the token command's output")
        shell.noteTypedToken(pasted.token)
        notes += pasted.changes.filter { $0 != .stripped }.map { .text($0.description, .dim) }
        var credentials = Credentials(subdomain: subdomain, token: pasted.token, region: region, baseURL: baseURL, source: .command)
        credentials.tokenCommand = tokenCommand
        let name = command.options[Self.noSave] ? nil : profileName ?? Profile.defaultName(for: credentials)
        credentials.profile = name
        switch try await shell.switchTo(credentials) {
        case .refused(let failed): return failed
        case .switched(let handover): notes += handover
        }
        let saved = save(credentials, as: name, in: shell)
        let result = ConnectResult(
            subdomain: subdomain, region: region, host: shell.connection.endpoint?.host, profile: shell.connection.credentials?.profile,
            tenant: credentials.tenantLabel, token: shell.connection.credentials.map { TokenFacts($0, now: shell.environment.clock()) },
            save: saved)
        return try CommandResult(result, renderedBy: ConnectRenderer(notes: notes))
    }

    /// Saves the connected tenant as profile `name` (nil: `--no-save`) and says what was written.
    static func save(_ credentials: Credentials, as name: String?, in shell: isolated Shell) -> ProfileSave {
        guard let name else { return .memoryOnly }
        guard let store = shell.environment.profileStore else {
            shell.connection.credentials?.profile = nil
            return .noConfigFolder
        }
        let profile = Profile(name: name, subdomain: credentials.subdomain, region: credentials.region, baseURL: credentials.baseURL,
                              tokenCommand: credentials.tokenCommand)
        // Another tenant saved under the same name is replaced: say so, it was that tenant's only saved token.
        let replaced = (try? store.load())?.named(name).flatMap { old -> Profile? in
            old.subdomain == profile.subdomain && old.baseURL == profile.baseURL && old.region == profile.region ? nil : old
        }
        do {
            try store.save(profile, token: credentials.tokenCommand == nil ? credentials.token : nil, now: shell.environment.clock())
        } catch {
            shell.connection.credentials?.profile = nil
            return .failed(error.localizedDescription)
        }
        shell.connection.credentials?.tokenSavedAt = (try? store.load())?.named(name)?.tokenSavedAt
        return .saved(name: name, tokenCommand: credentials.tokenCommand != nil, replaced: replaced)
    }
}

extension VitallyRegion: FlagChoice {}
