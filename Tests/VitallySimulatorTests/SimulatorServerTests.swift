import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing
import VitallyKit
import VitallySimulator

let simulatorToken = "sk_test_sim_3b8e1d"
let simulatorAnchor = VitallyDate.parse("2026-11-20")!

/// One answer as any HTTP client sees it.
struct Answer {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    var json: JSONValue? { try? JSONParser.parse(body) }
    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
}

/// Starts an in-process simulator on a free loopback port, runs `body`, then stops it.
func withServer<T>(
    _ configure: (inout SimulatorOptions) -> Void = { _ in }, _ body: (RunningSimulator) async throws -> T
) async throws -> T {
    var options = SimulatorOptions(token: simulatorToken, anchor: simulatorAnchor)
    configure(&options)
    let simulator = try await SimulatorServer.start(options)
    do {
        let result = try await body(simulator)
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

/// Sends one request over loopback with AsyncHTTPClient (a client the simulator does not share code with).
func fetch(_ simulator: RunningSimulator, _ path: String, method: HTTPMethod = .GET, token: String? = simulatorToken) async throws -> Answer {
    var request = HTTPClientRequest(url: simulator.baseURL + path)
    request.method = method
    if let token { request.headers.add(name: "Authorization", value: "Basic " + Data("\(token):".utf8).base64EncodedString()) }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
    let body = try await response.body.collect(upTo: 16 << 20)
    return Answer(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: Array(body.readableBytesView))
}

/// The simulator as a Vitally tenant over HTTP: who it lets in, how it pages, how it fails.
@Suite struct SimulatorServerTests {
    @Test func refusesMissingWrongAndRevokedTokensAndWrites() async throws {
        try await withServer({ $0.revokedTokens = ["sk_test_revoked_1"]; $0.forbiddenResources = ["notes"] }) { simulator in
            #expect(try await fetch(simulator, "/resources/accounts", token: nil).status == 401)
            #expect(try await fetch(simulator, "/resources/accounts", token: "sk_test_wrong").status == 401)
            let revoked = try await fetch(simulator, "/resources/accounts", token: "sk_test_revoked_1")
            #expect(revoked.status == 403)
            #expect(revoked.json?["message"]?.string?.contains("revoked") == true)
            #expect(try await fetch(simulator, "/resources/notes").status == 403)
            #expect(try await fetch(simulator, "/resources/accounts", method: .POST).status == 405)
            #expect(try await fetch(simulator, "/resources/accounts?limit=1").status == 200)
        }
    }

    @Test func pagesEveryAccountOnceByCursor() async throws {
        try await withServer({ $0.accountCount = 57 }) { simulator in
            let query = "status=activeOrChurned&sortBy=createdAt"
            let whole = try await fetch(simulator, "/resources/accounts?\(query)&limit=100")
            let all = try #require(whole.json?["results"]?.array).compactMap { $0["id"]?.string }
            #expect(all.count >= 57 && all.count < 100)
            var ids: [String] = []
            var path = "/resources/accounts?\(query)&limit=20"
            var pages = 0
            while pages < 10 {
                pages += 1
                let page = try await fetch(simulator, path)
                #expect(page.status == 200)
                let results = try #require(page.json?["results"]?.array)
                #expect(results.count <= 20)
                ids += results.compactMap { $0["id"]?.string }
                guard let next = page.json?["next"]?.string else { break }
                path = "/resources/accounts?\(query)&limit=20&from=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? next)
            }
            #expect(pages == (all.count + 19) / 20)
            #expect(ids == all)
            #expect(try await fetch(simulator, "/resources/accounts?limit=0").status == 400)
        }
    }

    @Test func theSameSeedServesTheSameBytesAndAnotherSeedDoesNot() async throws {
        let path = "/resources/accounts?limit=5"
        let first = try await withServer { try await fetch($0, path).body }
        let again = try await withServer { try await fetch($0, path).body }
        let other = try await withServer({ $0.seed = 7 }) { try await fetch($0, path).body }
        #expect(first == again)
        #expect(first != other)
    }

    @Test func countsRequestsAgainstTheRateLimitAndSaysSoInHeaders() async throws {
        try await withServer({ $0.rateLimitPerMinute = 3 }) { simulator in
            for expected in ["2", "1", "0"] {
                let answer = try await fetch(simulator, "/resources/accounts?limit=1")
                #expect(answer.status == 200)
                #expect(answer.header("RateLimit-Remaining") == expected)
            }
            let refused = try await fetch(simulator, "/resources/accounts?limit=1")
            #expect(refused.status == 429)
            #expect(refused.header("RateLimit-Limit")?.hasPrefix("3") == true)
            #expect(refused.header("Retry-After") == nil)
        }
    }

    @Test func anInjectedFaultAnswersOnceAndTheLogSeesEveryRequest() async throws {
        try await withServer { (simulator: RunningSimulator) async throws in
            await simulator.state.inject(.status(503), pathPrefix: "/resources/users")
            #expect(try await fetch(simulator, "/resources/accounts?limit=1").status == 200)
            #expect(try await fetch(simulator, "/resources/users?limit=1").status == 503)
            #expect(try await fetch(simulator, "/resources/users?limit=1").status == 200)
            let log = await simulator.state.log
            #expect(log.map(\.status) == [200, 503, 200])
            #expect(log.map(\.path) == ["/resources/accounts", "/resources/users", "/resources/users"])
        }
    }
}
