import Foundation
import VitallyKit

/// `connect`: validates, tests with one small read, and saves the credentials only when that worked.
struct ConnectCommand: ShellCommand {
    static let token = Option<String>("--token", value: "T", secret: true, help: "the secret token (asked for without echo when missing)")
    static let region = Option<VitallyRegion>("--region", help: "data center: us (default) or eu")
    static let baseURL = Option<String>("--base-url", value: "URL", help: "send requests to a proxy or the simulator instead")
    static let spec = CommandSpec(
        "connect", group: .connection, rank: 1, summary: "connect to a tenant and test the connection", synopsis: "[SUBDOMAIN]",
        argument: .subdomain, arguments: 0...1,
        flags: [
            token,
            region,
            baseURL,
        ],
        example: "connect acme --region us")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        var notes: [OutputBlock] = []
        let previous = shell.savedCredentials() ?? shell.connection.credentials
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
        var token = command.options[Self.token]
        if token == nil, command.arguments.isEmpty, command.options[Self.baseURL] == nil { token = previous?.token }
        if token == nil || token?.isEmpty == true {
            token = await shell.environment.readSecret("Vitally secret token for \(subdomain ?? "the EU tenant") (input hidden): ")
        }
        guard let token, !TokenInput.strip(token).isEmpty else {
            return .failure("no token given: pass --token or type it at the prompt (Settings > Integrations > Vitally REST API)", status: .usage)
        }
        shell.noteTypedToken(token)
        let pasted = try TokenInput.parse(token)
        shell.noteTypedToken(pasted.token)
        notes += pasted.changes.filter { $0 != .stripped }.map { .text($0.description, .dim) }
        let credentials = Credentials(subdomain: subdomain, token: pasted.token, region: region, baseURL: baseURL, source: .command)
        let candidate = try Connection.live(credentials, cacheDirectory: shell.environment.cacheDirectory, clock: shell.environment.clock)
        do {
            _ = try await candidate.client.firstPage("/resources/accounts", limit: 1, as: Account.self)
        } catch let error as VitallyError {
            return .failure("Vitally: Connection failed (\(credentials.tenantLabel) at \(candidate.endpoint?.host ?? "?")): " + shell.advice(error))
        }
        notes += await shell.handOver(to: candidate)
        var saved = "saved"
        if let file = shell.environment.configFile {
            do { try ConfigFile(url: file).save(credentials) } catch { saved = "not saved (\(error.localizedDescription))" }
        } else {
            saved = StateFolders.noConfigFolder
        }
        notes.append(.line([Span("Vitally: Connected (\(credentials.tenantLabel))", .good)]))
        notes.append(.text("region \(region.rawValue), host \(candidate.endpoint?.host ?? "?"); credentials \(saved)", .dim))
        let json: JSONValue = [
            "connected": true, "subdomain": JSONValue(subdomain), "region": .string(region.rawValue),
            "host": JSONValue(candidate.endpoint?.host),
        ]
        return CommandResult(output: ShellOutput(blocks: notes, json: json))
    }
}

extension VitallyRegion: FlagChoice {}
