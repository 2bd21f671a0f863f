import Foundation
import VitallyKit

/// `status`: mode, tenant, host, recording, requests (and the last brief's) and rate-limit headroom.
struct StatusCommand: ShellCommand {
    static let spec = CommandSpec(
        "status", group: .connection, rank: 5, summary: "mode, tenant, host, recording, requests, rate-limit headroom",
        example: "status")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let requests = await shell.connection.limiter.requestCount
        let seen = await shell.connection.limiter.lastSeen
        let recorded = await shell.connection.recorder?.count
        var fields = [Field("Mode", shell.connection.mode.rawValue + (shell.connection.recordMissing ? " (recording what is missing)" : ""))]
        fields.append(Field("Tenant", shell.connection.tenant.ifEmpty("— (not connected)")))
        if let endpoint = shell.connection.endpoint { fields.append(Field("Host", endpoint.baseURL)) }
        var reminder: String?
        if let credentials = shell.connection.credentials {
            if let profile = credentials.profile { fields.append(Field("Profile", profile)) }
            fields.append(Field("Region", credentials.region.rawValue))
            fields.append(Field("Credentials from", credentials.source == .command ? "connect arguments" : credentials.source.rawValue))
            let age = TokenAge(savedAt: credentials.tokenSavedAt, now: shell.environment.clock())
            reminder = TokenWording.reminder(age, profile: credentials.profile)
            fields.append(Field("Token", TokenWording.source(credentials, now: shell.environment.clock()), reminder == nil ? .plain : .warn))
        }
        if let url = shell.connection.recordingURL { fields.append(Field("Recording", url.path)) }
        if let recorded { fields.append(Field("Exchanges recorded", String(recorded))) }
        let stop = await shell.connection.recorder?.stopped
        if let stop {
            fields.append(Field("Recording stopped", "\(stop.reason); answers since are not recorded (at \(stop.request))", .warn))
        }
        if let replay = shell.connection.replay {
            fields.append(Field("Exchanges in file", String(replay.recording.exchanges.count)))
            fields.append(Field("Not yet replayed", String(replay.unusedCount)))
        }
        if let fixed = shell.connection.fixedNow { fields.append(Field("Now (recording time)", VitallyDate.format(fixed))) }
        fields.append(Field("Requests this session", String(requests)))
        if let brief = shell.lastBrief { fields.append(Field("Last brief", brief.summary)) }
        let headroom = seen.map { "\($0.remaining.map(String.init) ?? "?") of \($0.limit.map(String.init) ?? "?") left, resets in \(Format.score($0.resetSeconds))s" }
        fields.append(Field("Rate limit", headroom ?? "not seen yet"))
        let completion = await shell.connection.completer?.progress
        if let completion { fields.append(Field("Completing lists", ListCompletionWording.summary(completion))) }
        var json: JSONValue = [
            "mode": .string(shell.connection.mode.rawValue), "tenant": .string(shell.connection.tenant),
            "host": JSONValue(shell.connection.endpoint?.baseURL), "region": JSONValue(shell.connection.credentials?.region.rawValue),
            "profile": JSONValue(shell.connection.credentials?.profile),
            "tokenAgeDays": JSONValue(TokenAge(savedAt: shell.connection.credentials?.tokenSavedAt, now: shell.environment.clock()).map { Double($0.days) }),
            "recording": JSONValue(shell.connection.recordingURL?.path), "requests": .number(Double(requests)),
            "rateLimitRemaining": JSONValue(seen?.remaining), "rateLimitLimit": JSONValue(seen?.limit),
            "lastBrief": shell.lastBrief.map { brief -> JSONValue in
                ["requests": .number(Double(brief.total)), "matching": .number(Double(brief.matching)),
                 "reading": .number(Double(brief.reading)), "attendees": .number(Double(brief.attendees)),
                 "accounts": .number(Double(brief.accounts))]
            } ?? .null,
        ]
        if let completion, case .object(var object) = json {
            object["listCompletion"] = ListCompletionWording.json(completion)
            json = .object(object)
        }
        if let stop, case .object(var object) = json {
            object["recordingStopped"] = [
                "reason": .string(stop.reason), "request": .string(stop.request), "exchanges": .number(Double(stop.exchanges)),
            ]
            json = .object(object)
        }
        var blocks: [OutputBlock] = [.fields(fields)]
        if let reminder { blocks.append(.text(reminder, .warn)) }
        return CommandResult(output: ShellOutput(blocks: blocks, json: json))
    }
}
