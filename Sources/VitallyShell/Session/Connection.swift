import Foundation
import VitallyKit

/// Where answers come from.
package enum SessionMode: String, Sendable, Equatable {
    case offline, live, record, replay
}

/// The transport stack for one mode, and the per-tenant state built on it.
struct Connection: Sendable {
    var mode: SessionMode
    var credentials: Credentials?
    var endpoint: VitallyEndpoint?
    var client: VitallyClient
    var limiter: RateLimiter
    var directory: AccountDirectory
    var team: TeamDirectory
    var recorder: HARRecorder?
    var replay: ReplayTransport?
    var recordingURL: URL?
    /// Fixed "now" in record and replay modes: the recording's own time.
    var fixedNow: Date?
    var tenant: String
    var recordMissing = false
    /// Reads partly read lists to their end while recording (`--record-mode complete`).
    var completer: ListCompleter?

    var matcher: AttendeeMatcher { AttendeeMatcher(client: client, directory: directory, team: team) }

    /// No credentials yet: every call says how to connect.
    static func offline() -> Connection {
        let client = VitallyClient(transport: OfflineTransport())
        return Connection(
            mode: .offline, client: client, limiter: RateLimiter(),
            directory: AccountDirectory(client: client, tenant: "offline"), team: TeamDirectory(client: client), tenant: "")
    }

    static func live(_ credentials: Credentials, cacheDirectory: URL?, clock: @escaping @Sendable () -> Date, timeout: Double = 15)
        throws(VitallyError) -> Connection
    {
        let endpoint = try credentials.endpoint()
        let limiter = RateLimiter()
        let transport = RetryingTransport(
            base: LiveTransport(endpoint: endpoint, token: credentials.token, timeoutSeconds: timeout), limiter: limiter)
        let client = VitallyClient(transport: transport)
        let tenant = credentials.tenantLabel
        let cache = cacheDirectory?.appendingPathComponent(Connection.safe(tenant + "-" + endpoint.host))
            .appendingPathComponent("accounts.json")
        return Connection(
            mode: .live, credentials: credentials, endpoint: endpoint, client: client, limiter: limiter,
            directory: AccountDirectory(client: client, tenant: tenant + "@" + endpoint.baseURL, cacheFile: cache, clock: clock), team: TeamDirectory(client: client),
            tenant: tenant)
    }

    /// Live, with every exchange appended to `url`. No disk cache: the scan must be in the recording.
    static func record(_ credentials: Credentials, to url: URL, existing: HARRecording?, now: Date, completeLists: Bool = false)
        async throws -> Connection
    {
        let endpoint = try credentials.endpoint()
        let info =
            existing?.info
            ?? RecordingInfo(
                recordedAt: now, subdomain: credentials.subdomain, region: credentials.region.rawValue,
                baseURL: endpoint.baseURL)
        let recorder = HARRecorder(
            url: url, info: info, redactor: Redactor(token: credentials.token), existing: existing?.exchanges ?? [])
        try await recorder.flush()
        let live = LiveTransport(endpoint: endpoint, token: credentials.token)
        let recording = RecordingTransport(base: live, recorder: recorder, baseURL: endpoint.baseURL)
        let limiter = RateLimiter()
        let retrying = RetryingTransport(base: recording, limiter: limiter)
        let completer = completeLists ? ListCompleter(transport: retrying, limiter: limiter) : nil
        let client = VitallyClient(transport: completer.map { CompletingTransport(base: retrying, completer: $0) } ?? retrying)
        return Connection(
            mode: .record, credentials: credentials, endpoint: endpoint, client: client, limiter: limiter,
            directory: AccountDirectory(client: client, tenant: credentials.tenantLabel), team: TeamDirectory(client: client), recorder: recorder,
            recordingURL: url, fixedNow: info.recordedAt, tenant: credentials.tenantLabel, completer: completer)
    }

    /// From a recording, no network; with `missing`, unrecorded requests go live and are appended.
    static func replay(_ recording: HARRecording, missingFrom credentials: Credentials?, hint: String) async throws
        -> Connection
    {
        let limiter = RateLimiter()
        var fallback: (any HTTPTransport)?
        var recorder: HARRecorder?
        var endpoint: VitallyEndpoint?
        let now = recording.info?.recordedAt ?? recording.exchanges.first?.startedAt ?? Date(timeIntervalSince1970: 0)
        if let credentials {
            let liveEndpoint = try credentials.endpoint()
            let info =
                recording.info
                ?? RecordingInfo(recordedAt: now, subdomain: credentials.subdomain, region: credentials.region.rawValue,
                                 baseURL: liveEndpoint.baseURL)
            let newRecorder = HARRecorder(
                url: recording.url, info: info, redactor: Redactor(token: credentials.token),
                existing: recording.exchanges)
            try await newRecorder.flush()  // takes the lock, and redacts the inherited entries now
            fallback = RecordingTransport(
                base: LiveTransport(endpoint: liveEndpoint, token: credentials.token), recorder: newRecorder,
                baseURL: liveEndpoint.baseURL)
            recorder = newRecorder
            endpoint = liveEndpoint
        }
        let replay = ReplayTransport(recording: recording, fallback: fallback, recordHint: hint)
        // Waits are virtual when replaying: a recorded 429 then success replays at once.
        let clock: any RetryClock = credentials == nil ? VirtualRetryClock() : SystemRetryClock()
        let client = VitallyClient(transport: RetryingTransport(base: replay, limiter: limiter, clock: clock))
        let tenant = recording.info?.subdomain ?? credentials?.tenantLabel ?? "recording"
        return Connection(
            mode: .replay, credentials: credentials, endpoint: endpoint, client: client, limiter: limiter,
            directory: AccountDirectory(client: client, tenant: tenant), team: TeamDirectory(client: client), recorder: recorder, replay: replay,
            recordingURL: recording.url, fixedNow: now, tenant: tenant, recordMissing: credentials != nil)
    }

    static func safe(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
    }
}

/// The transport before `connect`: refuses with a message that says how to connect.
struct OfflineTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw VitallyError(
            .invalidInput, method: request.method, path: request.path,
            cause: "not connected: run 'connect SUBDOMAIN', set VITALLY_SUBDOMAIN and VITALLY_TOKEN, or 'replay FILE.har'")
    }
}
