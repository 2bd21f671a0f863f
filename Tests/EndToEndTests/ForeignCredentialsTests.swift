import AsyncHTTPClient
import Foundation
import Testing
import VitallyKit

/// A foreign HAR that kept credentials (`api_key=…`, `Set-Cookie`, `X-Amz-Security-Token`):
/// `recordings show` and `vitally-sim --replay` (answers and 404 hints) never print or serve them.
@Suite struct ForeignCredentialsTests {
    static let secrets = ["SECRETK1", "SECRETT2", "SECRETC3", "SECRETA4", "SECRETS5", "SECRETP6"]

    static func har() -> String {
        let url = "https://acme.rest.vitally.io/resources/accounts?limit=5&api_key=SECRETK1&Access_Token=SECRETT2&SIG=SECRETS5&password=SECRETP6"
        return """
            {"log":{"version":"1.2","creator":{"name":"other-tool","version":"1"},"pages":[],"entries":[
             {"startedDateTime":"2026-11-27T15:03:15.612Z","time":3,
              "request":{"method":"GET","url":"\(url)","httpVersion":"HTTP/1.1","cookies":[],
               "headers":[{"name":"authorization","value":"Bearer SECRETA4"},{"name":"Cookie","value":"sid=SECRETC3"}],
               "queryString":[],"headersSize":-1,"bodySize":0},
              "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","cookies":[],
               "headers":[{"name":"Content-Type","value":"application/json"},{"name":"set-cookie","value":"sid=SECRETC3"},
                          {"name":"X-Amz-Security-Token","value":"SECRETT2"}],
               "content":{"size":14,"mimeType":"application/json","text":"{\\"results\\":[]}"},"redirectURL":"","headersSize":-1,"bodySize":14},
              "cache":{},"timings":{"send":0,"wait":3,"receive":0}}]}}
            """
    }

    func file() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("foreign-creds-\(UUID().uuidString).har")
        try Data(Self.har().utf8).write(to: url)
        return url
    }

    @Test func recordingsShowRedactsCredentialQueryValuesAndHeaders() async throws {
        let har = try file()
        defer { try? FileManager.default.removeItem(at: har) }
        let (env, _) = isolatedEnvironment()
        for command in ["recordings show \(har.path)", "recordings show \(har.path) 1", "recordings show \(har.path) 1 --json"] {
            let shown = try await runShell(["-c", command], environment: env)
            #expect(shown.status == 0, "\(shown.err)")
            for secret in Self.secrets { #expect(!(shown.out + shown.err).contains(secret), "\(command) printed \(secret)") }
        }
        let detail = try await runShell(["-c", "recordings show \(har.path) 1"], environment: env)
        #expect(detail.out.contains("api_key=REDACTED") && detail.out.contains("limit=5"))
    }

    @Test func theReplayServerNeitherServesNorHintsThem() async throws {
        let har = try file()
        defer { try? FileManager.default.removeItem(at: har) }
        let server = try ServerProcess(simBinary, ["--replay", har.path, "--port", "0"])
        var request = HTTPClientRequest(url: server.baseURL + "/resources/accounts?limit=5&api_key=SECRETK1&Access_Token=SECRETT2&SIG=SECRETS5&password=SECRETP6")
        request.headers.add(name: "Authorization", value: "Basic c2tfdGVzdF9hbnk6")
        let hit = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(hit.status.code == 200)
        let served = hit.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
        for secret in Self.secrets { #expect(!served.contains(secret), "served \(secret)") }
        #expect(served.lowercased().contains("set-cookie: redacted"))

        var missRequest = HTTPClientRequest(url: server.baseURL + "/resources/accounts?limit=6")
        missRequest.headers.add(name: "Authorization", value: "Basic c2tfdGVzdF9hbnk6")
        let miss = try await HTTPClient.shared.execute(missRequest, timeout: .seconds(10))
        let body = String(buffer: try await miss.body.collect(upTo: 1 << 20))
        #expect(miss.status.code == 404)
        #expect(body.contains("closest"))
        for secret in Self.secrets { #expect(!body.contains(secret), "hinted \(secret)") }
    }
}
