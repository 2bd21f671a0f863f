import Foundation
import VitallyKit

/// How the simulated tenant behaves: who may call it, how fast, and how it fails.
package struct SimulatorOptions: Sendable {
    package var token: String
    package var seed: UInt64 = 42
    /// Connections idle or with a request half sent this long are closed (tests shorten it).
    package var idleTimeout = SimulatorServer.defaultIdleTimeout
    /// "Today" for the generated data; every relative date hangs off it.
    package var anchor: Date
    package var accountCount = 360
    /// The day the scenario's scores hold; as `anchor` moves away from it, health scores and MRR
    /// drift at fixed per-account rates (so scans at three anchors show trends). Nil: no drift.
    package var scoreEpoch: Date?
    package var latencyMilliseconds = 0
    /// Share of requests (0...1) answered with a 503 or a dropped connection.
    package var failRate = 0.0
    package var rateLimitPerMinute = 1000
    /// Send `Retry-After` on 429s (Vitally does not document it; off by default).
    package var sendRetryAfter = false
    /// Resource names (`notes`, `tasks`, ...) answered with 403, as for a token without that access.
    package var forbiddenResources: Set<String> = []
    /// Tokens that exist but were revoked: 403 instead of 401.
    package var revokedTokens: Set<String> = []
    /// A tenant with no accounts or users.
    package var emptyTenant = false
    /// How `accounts/:id/healthScores` answers (no public source shows the real shape).
    package var healthScoreShape = HealthScoreShape.results
    /// Ids as JSON numbers instead of UUID strings, as some older payloads have them.
    package var numericIds = false
    /// Timestamps as epoch milliseconds instead of ISO-8601 strings.
    package var epochDates = false
    /// Extra notes, conversations and completed tasks for Massive Dynamic (all newer than its
    /// own), for tests that a brief's cost does not grow with an account's size.
    package var bulkActivity = 0
    /// What task lists do with `status=open` (no package source documents the parameter).
    package var taskStatusFilter = TaskStatusFilter.honoured
    /// Which hand-written accounts join the tenant (`--scenario`).
    package var scenario = TenantScenario.standard
    /// Where the tenant keeps its customers' data (`--shape`).
    package var shape = TenantShape.accounts
    /// What error bodies hold (`--error-bodies`).
    package var errorBodies = ErrorBodies.full
    /// Whether organization lists also hold their accounts' items (`--org-lists`).
    package var organizationLists = OrganizationLists.exclusive
    /// Up to this many more milliseconds per request, drawn from the seed (a tenant whose speed varies).
    package var latencyJitterMilliseconds = 0
    /// `failRate` applies only to requests matching this pattern (nil: every request).
    package var failPattern: RequestPattern?
    /// The first N requests answer at full speed; `latencyMilliseconds` and its jitter apply after them
    /// (a tenant that turns slow mid-session). Nil: from the first request.
    package var slowAfterRequests: Int?
    /// Extra milliseconds on `users/search` only (search endpoints time out on live tenants).
    package var searchLatencyMilliseconds = 0
    /// The envelope of `customObjects/:id/instances/search` (public sources disagree).
    package var instancesEnvelope = InstancesEnvelope.bareArray

    package init(token: String, anchor: Date = VitallyDate.startOfDay(Date())) {
        self.token = token
        self.anchor = anchor
    }
}

/// The shapes the health-score breakdown has been seen or guessed in, plus one nobody knows.
package enum HealthScoreShape: String, Sendable, CaseIterable {
    /// `{results: [{id, name, score, weight, updatedAt}], next: null}`
    case results
    /// `[{id, name, score, ...}]`
    case bareArray
    /// `{"Product usage": 6.5, ...}`
    case keyedByName
    /// `{breakdown: [{indicator, points}]}`: a shape the shell must report, not read as empty.
    case unrecognised
}

/// How the simulated tenant treats `status=open|completed` on task lists: Vitally's docs list no
/// such filter and one JS client sends it, so clients must cope with each of these.
package enum TaskStatusFilter: String, Sendable, CaseIterable {
    /// Only tasks in that state are served.
    case honoured
    /// The parameter is ignored: every task is served.
    case ignored
    /// The parameter is refused with a 400.
    case refused
}

/// A one-off misbehaviour queued by a test: the next matching request gets it.
package enum SimulatorFault: Sendable, Equatable {
    case status(Int, headers: [HTTPHeader] = [])
    case dropConnection
    case delay(milliseconds: Int)
}

/// One request the simulator saw, for tests that count round trips.
package struct SimulatorLogEntry: Sendable, Equatable {
    package var method: String
    package var path: String
    package var query: [QueryItem]
    package var status: Int
    /// When the request arrived and when it was answered (seconds since 1970).
    package var receivedAt: Double = 0
    package var answeredAt: Double = 0
}

/// Where a tenant keeps health, MRR, renewal, NPS, segments and domain traits.
package enum TenantShape: String, Sendable, CaseIterable {
    /// On the accounts (the default tenant; one organization-first customer, Dunder Mifflin, is in it).
    case accounts
    /// On organizations, with account traits empty: the shape the public evidence describes.
    case organizations
}

/// Which hand-written customers the tenant holds besides the random ones.
package enum TenantScenario: String, Sendable, CaseIterable {
    /// The scenario accounts of the README's table.
    case standard
    /// Those, plus customers whose data defeats matching (`SimulatorScenarios.messy`): what `audit` finds.
    case messy
}

/// What a 4xx/5xx body holds: `{statusCode, error, message}` (no public source) or `{message}` alone (seen live).
package enum ErrorBodies: String, Sendable, CaseIterable {
    case full, message
}

/// Whether `organizations/:id/notes` (and the other lists) hold only the organization's own items
/// or also its accounts' items (undocumented; clients must attribute by `accountId`).
package enum OrganizationLists: String, Sendable, CaseIterable {
    case exclusive, inclusive
}

/// How `customObjects/:id/instances/search` wraps its answer: the public client code reads a bare
/// array, the same team's design notes expect `{results, next}`.
package enum InstancesEnvelope: String, Sendable, CaseIterable {
    case bareArray, results
}
