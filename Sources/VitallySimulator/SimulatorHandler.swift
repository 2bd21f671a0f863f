import Foundation
import VitallyKit

/// Auth, rate limits and faults in front of the pure API; independent of the HTTP server.
package struct SimulatorHandler: Sendable {
    package let options: SimulatorOptions
    package let api: SimulatorAPI
    package let state: SimulatorState

    /// What to do with a request: answer it, or drop the connection.
    package enum Outcome: Sendable, Equatable {
        case respond(SimulatorResponse)
        case drop
    }

    package init(options: SimulatorOptions) {
        self.options = options
        var data =
            options.emptyTenant
            ? SimulatorDataSet.empty(anchor: options.anchor)
            : SimulatorDataSet.generate(seed: options.seed, anchor: options.anchor, accountCount: options.accountCount,
                scoreEpoch: options.scoreEpoch, scenario: options.scenario)
        data.addBulkActivity(options.bulkActivity, toAccount: "massive")
        if options.shape == .organizations { data.moveDataToOrganizations() }
        data.applyShapes(numericIds: options.numericIds, epochDates: options.epochDates)
        api = SimulatorAPI(data: data, healthScoreShape: options.healthScoreShape, taskStatusFilter: options.taskStatusFilter,
                           organizationLists: options.organizationLists, instancesEnvelope: options.instancesEnvelope)
        state = SimulatorState(seed: options.seed)
    }

    package func handle(method: String, path: String, query: [QueryItem], authorization: String?) async -> Outcome {
        let received = Date().timeIntervalSince1970
        let arrival = await state.noteReceived()
        var delay = 0
        if arrival > (options.slowAfterRequests ?? 0) {
            delay = options.latencyMilliseconds + (await state.jitter(upTo: options.latencyJitterMilliseconds))
        }
        if path.hasSuffix("/users/search") { delay += options.searchLatencyMilliseconds }
        var fault = await state.takeFault(for: path, query: query)
        if case .delay(let ms) = fault {
            delay += ms
            fault = nil
        }
        if delay > 0 { try? await Task.sleep(nanoseconds: UInt64(delay) * 1_000_000) }
        if fault == nil, options.failPattern?.matches(path: path, query: query) ?? true {
            fault = await state.randomFailure(rate: options.failRate)
        }

        let (allowed, rateHeaders) = await state.admit(
            limit: options.rateLimitPerMinute, now: Date().timeIntervalSince1970)
        var response: SimulatorResponse
        switch fault {
        case .dropConnection?:
            await state.record(SimulatorLogEntry(method: method, path: path, query: query, status: 0, receivedAt: received,
                                                 answeredAt: Date().timeIntervalSince1970))
            return .drop
        case .status(let code, let headers)?:
            response = .error(code, code == 429 ? "Rate limit exceeded" : "Simulated failure")
            response.headers += headers
        default:
            response = answer(method: method, path: path, query: query, authorization: authorization, allowed: allowed)
        }
        if response.status == 429, options.sendRetryAfter,
            !response.headers.contains(where: { $0.name == "Retry-After" })
        {
            response.headers.append(HTTPHeader("Retry-After", rateHeaders.last?.value ?? "1"))
        }
        response.headers += rateHeaders
        if options.errorBodies == .message { response = response.messageOnly() }
        await state.record(SimulatorLogEntry(method: method, path: path, query: query, status: response.status,
                                             receivedAt: received, answeredAt: Date().timeIntervalSince1970))
        return .respond(response)
    }

    func answer(method: String, path: String, query: [QueryItem], authorization: String?, allowed: Bool)
        -> SimulatorResponse
    {
        guard let token = Self.token(fromBasic: authorization) else {
            return .error(401, "Unauthorized: send Authorization: Basic base64(<secret token>:)")
        }
        if options.revokedTokens.contains(token) { return .error(403, "Forbidden: this API key was revoked") }
        guard token == options.token else { return .error(401, "Unauthorized") }
        guard allowed else { return .error(429, "Rate limit exceeded") }
        guard method == "GET" || method == "HEAD" else {
            return .error(405, "The simulator is read-only: \(method) is not served")
        }
        let resource = path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        if options.forbiddenResources.contains(resource) {
            return .error(403, "Forbidden: this API key cannot read \(resource)")
        }
        var response = api.respond(path: path, query: query)
        if method == "HEAD" { response.body = [] }
        return response
    }

    /// The username of a Basic credential (Vitally's key, with an empty password).
    static func token(fromBasic header: String?) -> String? {
        guard let header, header.lowercased().hasPrefix("basic ") else { return nil }
        let encoded = header.dropFirst(6).trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: encoded), let decoded = String(data: data, encoding: .utf8) else { return nil }
        let user = decoded.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
        return user?.isEmpty == false ? user : nil
    }
}
