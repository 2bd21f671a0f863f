import Foundation
import VitallyKit

/// What the MCP server says about the session it serves: where answers come from.
package struct MCPSessionFacts: Sendable, Equatable {
    package var mode: SessionMode
    package var tenant: String
    /// The recording's file name (never its folder: the same on every machine).
    package var recordingName: String?
    package var recordingPath: String?
    package var recordedAt: Date?
    /// The first and last exchange's start, when replaying.
    package var exchangesFrom: Date?
    package var exchangesTo: Date?
    package var exchangeCount: Int
    package var host: String?
}

extension Shell {
    /// The session as the MCP server describes it.
    package func mcpFacts() async -> MCPSessionFacts {
        let recording = connection.replay?.recording
        let recorded = await connection.recorder?.count
        let starts = recording?.exchanges.map(\.startedAt) ?? []
        return MCPSessionFacts(
            mode: connection.mode, tenant: connection.tenant, recordingName: connection.recordingURL?.lastPathComponent,
            recordingPath: connection.recordingURL?.path, recordedAt: connection.fixedNow,
            exchangesFrom: starts.min(), exchangesTo: starts.max(),
            exchangeCount: recording?.exchanges.count ?? recorded ?? 0, host: connection.endpoint?.host)
    }

    /// The recording's exchanges as `METHOD path?query`, numbered from 1 as `recordings show` numbers them.
    package func mcpExchanges() async -> [String] {
        if let recording = connection.replay?.recording {
            return recording.exchanges.map { $0.method + " " + Self.shownPath($0) }
        }
        guard let url = connection.recordingURL, connection.recorder != nil, let file = try? HARReader.load(url) else { return [] }
        return file.exchanges.map { $0.method + " " + Self.shownPath($0) }
    }

    private static func shownPath(_ exchange: RecordedExchange) -> String {
        exchange.query.isEmpty ? exchange.path : exchange.path + "?" + exchange.query.map { $0.name + "=" + $0.value }.joined(separator: "&")
    }

    /// Caps the requests this session may start (`mcp --max-requests`).
    package func setRequestBudget(_ budget: Int?) async { await connection.limiter.setBudget(budget) }

    /// Requests started, refused by the budget, and whether the budget is spent.
    package func requestBudgetState() async -> (started: Int, refused: Int, spent: Bool) {
        let limiter = connection.limiter
        return (await limiter.started, await limiter.refused, await limiter.budgetSpent)
    }

    /// `doctor`'s data-location check, on its own. Its two requests go through a limiter (and, in
    /// replay, a reading of the recording) of their own, so the session's request count, budget,
    /// connection figures and the order identical recorded requests are answered in stay those of
    /// the tool calls, as in a `-c` session that runs the same commands.
    package func dataLocation() async -> DoctorCheck? {
        var client = connection.client
        if let replay = connection.replay, connection.mode == .replay, !connection.recordMissing {
            let own = ReplayTransport(recording: replay.recording, fallback: nil, recordHint: "")
            client = VitallyClient(transport: RetryingTransport(base: own, limiter: RateLimiter(), clock: VirtualRetryClock()))
        } else if let retrying = client.transport as? RetryingTransport {
            client = VitallyClient(transport: RetryingTransport(base: retrying.base, limiter: RateLimiter(), clock: retrying.clock))
        }
        return await Doctor.dataLocation(client: client)
    }
}
