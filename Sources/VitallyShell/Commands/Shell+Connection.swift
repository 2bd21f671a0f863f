import Foundation
import VitallyKit

extension Shell {
    /// Validates, tests with one small read, and saves the credentials only when that worked.
    func connect(_ command: ParsedCommand) async throws -> CommandResult {
        var notes: [OutputBlock] = []
        let previous = savedCredentials() ?? connection.credentials
        var region = command.flag("--region").flatMap(VitallyRegion.init(rawValue:)) ?? previous?.region ?? .us
        var subdomain: String? = previous?.subdomain
        if let raw = command.arguments.first {
            let parsed = try SubdomainParser.parse(raw)
            subdomain = parsed.subdomain
            if let note = parsed.note { notes.append(.text(note, .dim)) }
            if let implied = parsed.impliedRegion, command.flag("--region") == nil { region = implied }
        }
        let baseURL = command.flag("--base-url") ?? (command.arguments.isEmpty ? previous?.baseURL : nil)
        if let baseURL { _ = try VitallyEndpoint.custom(baseURL) }
        if subdomain == nil, region == .us, baseURL == nil {
            return .failure("connect needs the subdomain you log in with, e.g. 'connect acme' for https://acme.vitally.io", status: .usage)
        }
        var token = command.flag("--token")
        if token == nil, command.arguments.isEmpty, command.flag("--base-url") == nil { token = previous?.token }
        if token == nil || token?.isEmpty == true {
            token = await environment.readSecret("Vitally secret token for \(subdomain ?? "the EU tenant") (input hidden): ")
        }
        guard let token, !token.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .failure("no token given: pass --token or type it at the prompt (Settings > Integrations > Vitally REST API)", status: .usage)
        }
        let credentials = Credentials(
            subdomain: subdomain, token: token.trimmingCharacters(in: .whitespacesAndNewlines), region: region,
            baseURL: baseURL, source: .command)
        let candidate = try Connection.live(credentials, cacheDirectory: environment.cacheDirectory)
        do {
            _ = try await candidate.client.firstPage("/resources/accounts", limit: 1, as: Account.self)
        } catch let error as VitallyError {
            return .failure("Vitally: Connection failed (\(credentials.tenantLabel) at \(candidate.endpoint?.host ?? "?")): " + advice(error))
        }
        connection = candidate
        var saved = "saved"
        if let file = environment.configFile {
            do { try ConfigFile(url: file).save(credentials) } catch { saved = "not saved (\(error.localizedDescription))" }
        } else {
            saved = "not saved"
        }
        notes.append(.line([Span("Vitally: Connected (\(credentials.tenantLabel))", .good)]))
        notes.append(.text("region \(region.rawValue), host \(candidate.endpoint?.host ?? "?"); credentials \(saved)", .dim))
        let json: JSONValue = [
            "connected": true, "subdomain": JSONValue(subdomain), "region": .string(region.rawValue),
            "host": JSONValue(candidate.endpoint?.host),
        ]
        return CommandResult(output: ShellOutput(blocks: notes, json: json))
    }

    func disconnect() -> CommandResult {
        let removed = environment.configFile.map { ConfigFile(url: $0).remove() } ?? false
        if connection.mode == .live { connection = .offline() }
        let text = removed ? "Saved credentials removed." : "No saved credentials."
        var blocks: [OutputBlock] = [.text(text)]
        if environment.environmentCredentials != nil {
            blocks.append(.text("VITALLY_TOKEN is still set in the environment; unset it to stop using it.", .warn))
        }
        return CommandResult(output: ShellOutput(blocks: blocks, json: ["removed": .bool(removed)]))
    }

    func status() async -> CommandResult {
        let requests = await connection.limiter.requestCount
        let seen = await connection.limiter.lastSeen
        let recorded = await connection.recorder?.count
        var fields = [Field("Mode", connection.mode.rawValue + (connection.recordMissing ? " (recording what is missing)" : ""))]
        fields.append(Field("Tenant", connection.tenant.ifEmpty("— (not connected)")))
        if let endpoint = connection.endpoint { fields.append(Field("Host", endpoint.baseURL)) }
        if let credentials = connection.credentials {
            fields.append(Field("Region", credentials.region.rawValue))
            fields.append(Field("Credentials from", credentials.source.rawValue))
        }
        if let url = connection.recordingURL { fields.append(Field("Recording", url.path)) }
        if let recorded { fields.append(Field("Exchanges recorded", String(recorded))) }
        if let replay = connection.replay {
            fields.append(Field("Exchanges in file", String(replay.recording.exchanges.count)))
            fields.append(Field("Not yet replayed", String(replay.unusedCount)))
        }
        if let fixed = connection.fixedNow { fields.append(Field("Now (recording time)", VitallyDate.format(fixed))) }
        fields.append(Field("Requests this session", String(requests)))
        let headroom = seen.map { "\($0.remaining.map(String.init) ?? "?") of \($0.limit.map(String.init) ?? "?") left, resets in \(Format.score($0.resetSeconds))s" }
        fields.append(Field("Rate limit", headroom ?? "not seen yet"))
        let json: JSONValue = [
            "mode": .string(connection.mode.rawValue), "tenant": .string(connection.tenant),
            "host": JSONValue(connection.endpoint?.baseURL), "region": JSONValue(connection.credentials?.region.rawValue),
            "recording": JSONValue(connection.recordingURL?.path), "requests": .number(Double(requests)),
            "rateLimitRemaining": JSONValue(seen?.remaining), "rateLimitLimit": JSONValue(seen?.limit),
        ]
        return CommandResult(output: ShellOutput(blocks: [.fields(fields)], json: json))
    }
}
