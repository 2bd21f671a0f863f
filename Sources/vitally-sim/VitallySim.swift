import ArgumentParser
import Foundation
import VitallyKit
import VitallySimulator

/// `vitally-sim`: a Vitally look-alike REST server over a seeded tenant, with fault injection.
@main
struct VitallySim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vitally-sim",
        abstract: "Serve a simulated Vitally tenant on loopback (read-only REST API under /resources/), or a recording.")

    @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "The secret token clients must send as the Basic-auth user name.") var token: String?
    @Option(help: "Serve this HAR recording instead of a generated tenant, with the replay's matching rules (any token).")
    var replay: String?
    @Option(help: "Seed of the generated data set; same seed, same bytes.") var seed: UInt64 = 42
    @Option(help: "Accounts to generate (the scenario accounts are always included).") var accounts = 360
    @Option(help: "The day the data treats as today, YYYY-MM-DD (default: today, UTC).") var anchor: String?
    @Option(
        name: .customLong("score-epoch"),
        help: "The day the scenario scores hold, YYYY-MM-DD; scores and MRR drift as --anchor moves from it (default: no drift).")
    var scoreEpoch: String?
    @Option(help: "Added latency per request, in milliseconds.") var latency = 0
    @Option(
        name: .customLong("fail-rate"),
        help: "Share of requests (0-1) that get a 503 or a dropped connection; RATE@PATTERN only for requests matching PATTERN (a glob over path and query, e.g. 0.5@/resources/users/search*).")
    var failRate = "0"
    @Option(name: .customLong("rate-limit"), help: "Requests allowed per sliding minute, e.g. 1000 or 1000/min.")
    var rateLimit = "1000/min"
    @Option(help: "Comma-separated resources answered with 403 (e.g. notes,tasks).") var forbid = ""
    @Option(name: .customLong("revoked-token"), help: "A token answered with 403, as a revoked key.") var revokedToken: String?
    @Flag(help: "Serve a tenant with no accounts or users.") var empty = false
    @Flag(name: .customLong("retry-after"), help: "Send Retry-After on 429 responses.") var retryAfter = false
    @Option(name: .customLong("bulk-activity"), help: "Give Massive Dynamic this many more notes, conversations and tasks.")
    var bulkActivity = 0
    @Option(name: .customLong("task-status"), help: "What task lists do with status=open: honoured, ignored or refused.")
    var taskStatus = "honoured"
    @Flag(
        name: .customLong("serve-as-tenant"),
        help: "With --replay: answer requests the file lacks from its recorded items (any limit, cursor, sortBy), marked X-Replay-Synthesized.")
    var serveAsTenant = false
    @Option(help: "Where customers' data lives: accounts, or organizations (account traits empty, as real tenants often are).")
    var shape = "accounts"
    @Option(help: "Which hand-written customers the tenant holds: standard, or messy (adds customers whose data defeats matching, for audit).")
    var scenario = "standard"
    @Option(name: .customLong("error-bodies"), help: "Error bodies: full ({statusCode, error, message}) or message ({message} alone).")
    var errorBodies = "full"
    @Option(name: .customLong("org-lists"), help: "Organization lists: exclusive (its own items) or inclusive (its accounts' items too).")
    var orgLists = "exclusive"
    @Option(name: .customLong("latency-jitter"), help: "Up to this many more milliseconds per request, drawn from --seed.")
    var latencyJitter = 0
    @Option(name: .customLong("slow-after"), help: "Answer the first N requests at full speed; --latency and --latency-jitter apply after them.")
    var slowAfter: Int?
    @Option(name: .customLong("search-latency"), help: "Added latency on users/search only, in milliseconds.")
    var searchLatency = 0
    @Option(name: .customLong("instances-envelope"), help: "Custom object instances/search answers: bareArray or results ({results, next}).")
    var instancesEnvelope = "bareArray"

    func run() async throws {
        if let replay { return try await serve(replay) }
        guard !serveAsTenant else { throw ValidationError("--serve-as-tenant needs --replay FILE.har: it serves a recording as a tenant") }
        guard let token else { throw ValidationError("--token is required (or --replay FILE.har to serve a recording)") }
        var options = SimulatorOptions(token: token)
        if let anchor {
            guard let date = VitallyDate.parse(anchor) else {
                throw ValidationError("--anchor must be a date like 2026-11-20")
            }
            options.anchor = date
        }
        if let scoreEpoch {
            guard let date = VitallyDate.parse(scoreEpoch) else {
                throw ValidationError("--score-epoch must be a date like 2026-11-20")
            }
            options.scoreEpoch = date
        }
        guard let limit = Int(rateLimit.split(separator: "/").first ?? ""), limit > 0 else {
            throw ValidationError("--rate-limit must be a number of requests per minute, like 1000/min")
        }
        guard let failure = SimulatorOptions.parseFailRate(failRate) else {
            throw ValidationError("--fail-rate must be a share between 0 and 1, optionally with @PATTERN: 0.5 or 0.5@/resources/users/search*")
        }
        guard latencyJitter >= 0, searchLatency >= 0, (slowAfter ?? 0) >= 0 else {
            throw ValidationError("--latency-jitter, --search-latency and --slow-after take a number of 0 or more")
        }
        options.seed = seed
        options.accountCount = accounts
        options.latencyMilliseconds = max(0, latency)
        options.failRate = failure.rate
        options.failPattern = failure.pattern
        options.latencyJitterMilliseconds = latencyJitter
        options.slowAfterRequests = slowAfter
        options.searchLatencyMilliseconds = searchLatency
        options.rateLimitPerMinute = limit
        options.forbiddenResources = Set(forbid.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        options.revokedTokens = Set([revokedToken].compactMap { $0 })
        options.emptyTenant = empty
        options.sendRetryAfter = retryAfter
        guard (0...100_000).contains(bulkActivity) else { throw ValidationError("--bulk-activity must be between 0 and 100000") }
        options.bulkActivity = bulkActivity
        guard let filter = TaskStatusFilter(rawValue: taskStatus) else {
            throw ValidationError("--task-status must be one of: " + TaskStatusFilter.allCases.map(\.rawValue).joined(separator: ", "))
        }
        options.taskStatusFilter = filter
        options.shape = try Self.choice(shape, "--shape")
        options.scenario = try Self.choice(scenario, "--scenario")
        options.errorBodies = try Self.choice(errorBodies, "--error-bodies")
        options.organizationLists = try Self.choice(orgLists, "--org-lists")
        options.instancesEnvelope = try Self.choice(instancesEnvelope, "--instances-envelope")
        let handler = SimulatorHandler(options: options)
        let count = handler.api.data.accounts.count
        let day = VitallyDate.formatDay(options.anchor)
        do {
            try await SimulatorServer.run(handler: handler, host: host, port: port) { bound in
                print("vitally-sim listening on http://\(host):\(bound) (seed \(seed), \(count) accounts, today \(day))")
                fflush(nil)
            }
        } catch {
            throw listenFailure(error)
        }
    }

    /// Serves a recording until interrupted.
    func serve(_ path: String) async throws {
        let recording: HARRecording
        do {
            recording = try HARReader.load(URL(fileURLWithPath: path))
        } catch {
            FileHandle.standardError.write(Data("vitally-sim: \(error.cause ?? error.description)\n".utf8))
            throw ExitCode.failure
        }
        let handler = ReplayHandler(recording: recording, serveAsTenant: serveAsTenant) { line in
            print("vitally-sim: " + line)
            fflush(nil)
        }
        let count = recording.exchanges.count
        let when = recording.info.map { " recorded " + VitallyDate.format($0.recordedAt) } ?? ""
        let mode = serveAsTenant ? ", serving as a tenant" : ""
        do {
            try await SimulatorServer.run(replaying: handler, host: host, port: port) { bound in
                print("vitally-sim replaying \(recording.url.lastPathComponent) (\(count) exchanges\(when)\(mode)) on http://\(host):\(bound)")
                fflush(nil)
                // A file cut short or with malformed entries is served, but never silently (after the
                // banner, whose first line names the port).
                for warning in recording.warnings { FileHandle.standardError.write(Data("vitally-sim: warning: \(warning)\n".utf8)) }
            }
        } catch {
            throw listenFailure(error)
        }
    }

    /// One of an enum's values, or a one-line error naming them.
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ flag: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw ValidationError("\(flag) must be one of: " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// Says in one line why the port could not be used.
    func listenFailure(_ error: any Error) -> ExitCode {
        let text = "\(error)"
        let reason = text.contains("Address already in use") ? "port \(port) is already in use; pick another with --port (0 picks a free one)"
            : text.contains("Permission denied") ? "not allowed to listen on port \(port); use a port above 1024"
            : "cannot listen on \(host):\(port): \(text)"
        FileHandle.standardError.write(Data("vitally-sim: \(reason)\n".utf8))
        return ExitCode.failure
    }
}
