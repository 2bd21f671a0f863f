import Foundation
import VitallyKit

/// What `status` reports about the shell's session, as one value: mode, tenant and host, where
/// the credentials and token come from, the recording or replay, requests made, the last brief's
/// cost, and the rate-limit headroom. `--json` is this value encoded and `StatusRenderer` draws
/// the text from it, so the two cannot disagree.
struct SessionStatus: Encodable {
    var mode: SessionMode
    /// Replaying, and recording what the file lacks (`--record-mode missing`).
    var recordMissing: Bool
    /// Empty when not connected.
    var tenant: String
    var host: String?
    var region: VitallyRegion?
    var profile: String?
    var credentialsFrom: CredentialSource?
    /// Nil when there are no credentials.
    var token: TokenFacts?
    var recording: String?
    var exchangesRecorded: Int?
    var recordingStopped: RecordingStop?
    /// Exchanges in the file being replayed, and how many have not been asked for yet.
    var replayed: (exchanges: Int, notReplayed: Int)?
    /// The recording's time, which `now` means while replaying.
    var recordingTime: Date?
    var requests: Int
    var lastBrief: BriefCost?
    /// Nil until an answer carried rate-limit headers.
    var rateLimit: RateLimitHeaders?
    var listCompletion: ListCompleter.Progress?

    /// The session as it is now.
    static func read(from shell: isolated Shell) async -> SessionStatus {
        let connection = shell.connection
        let credentials = connection.credentials
        return SessionStatus(
            mode: connection.mode, recordMissing: connection.recordMissing, tenant: connection.tenant,
            host: connection.endpoint?.baseURL, region: credentials?.region, profile: credentials?.profile,
            credentialsFrom: credentials?.source, token: credentials.map { TokenFacts($0, now: shell.environment.clock()) },
            recording: connection.recordingURL?.path, exchangesRecorded: await connection.recorder?.count,
            recordingStopped: await connection.recorder?.stopped,
            replayed: connection.replay.map { ($0.recording.exchanges.count, $0.unusedCount) }, recordingTime: connection.fixedNow,
            requests: await connection.limiter.requestCount, lastBrief: shell.lastBrief, rateLimit: await connection.limiter.lastSeen,
            listCompletion: await connection.completer?.progress)
    }

    enum CodingKeys: String, CodingKey {
        case mode, recordMissing, tenant, host, region, profile, credentialsFrom, tokenSource, tokenCommand, tokenAgeDays, rotateToken
        case recording, exchangesRecorded, recordingStopped, replay, recordingTime, requests, lastBrief
        case rateLimitRemaining, rateLimitLimit, rateLimitResetSeconds, listCompletion
    }

    enum StopKeys: String, CodingKey { case reason, request, exchanges }
    enum ReplayKeys: String, CodingKey { case exchanges, notReplayed }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mode.rawValue, forKey: .mode)
        try container.encode(recordMissing, forKey: .recordMissing)
        try container.encode(tenant, forKey: .tenant)
        try container.encode(host, forKey: .host)
        try container.encode(region?.rawValue, forKey: .region)
        try container.encode(profile, forKey: .profile)
        try container.encode(credentialsFrom.map(Self.name), forKey: .credentialsFrom)
        try container.encode(token?.origin, forKey: .tokenSource)
        try container.encode(token?.command, forKey: .tokenCommand)
        try container.encode(token?.age?.days, forKey: .tokenAgeDays)
        try container.encode(token?.needsRotation, forKey: .rotateToken)
        try container.encode(recording, forKey: .recording)
        try container.encode(exchangesRecorded, forKey: .exchangesRecorded)
        if let stop = recordingStopped {
            var nested = container.nestedContainer(keyedBy: StopKeys.self, forKey: .recordingStopped)
            try nested.encode(stop.reason, forKey: .reason)
            try nested.encode(stop.request, forKey: .request)
            try nested.encode(stop.exchanges, forKey: .exchanges)
        } else {
            try container.encodeNil(forKey: .recordingStopped)
        }
        if let replayed {
            var nested = container.nestedContainer(keyedBy: ReplayKeys.self, forKey: .replay)
            try nested.encode(replayed.exchanges, forKey: .exchanges)
            try nested.encode(replayed.notReplayed, forKey: .notReplayed)
        } else {
            try container.encodeNil(forKey: .replay)
        }
        try container.encode(recordingTime, forKey: .recordingTime)
        try container.encode(requests, forKey: .requests)
        try container.encode(lastBrief, forKey: .lastBrief)
        try container.encode(rateLimit?.remaining, forKey: .rateLimitRemaining)
        try container.encode(rateLimit?.limit, forKey: .rateLimitLimit)
        try container.encode(rateLimit?.resetSeconds, forKey: .rateLimitResetSeconds)
        try container.encode(listCompletion, forKey: .listCompletion)
    }

    /// What `credentialsFrom` says in JSON: the command or place that gave the credentials.
    static func name(_ source: CredentialSource) -> String {
        switch source {
        case .command: return "connect"
        case .environment: return "environment"
        case .profile: return "profile"
        case .recording: return "recording"
        }
    }
}
