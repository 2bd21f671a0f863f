import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
import VitallyKit

/// `vitally-sim --replay FILE.har` as another program would use it: an AsyncHTTPClient client
/// over loopback against the built binary.
@Suite struct SimReplayTests {
    let demo = packageRoot.appendingPathComponent("recordings/demo.har")

    func get(_ client: HTTPClient, _ url: String) async throws -> (status: Int, headers: [(String, String)], body: [UInt8]) {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Basic c2tfdGVzdF9hbnk6")
        let response = try await client.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 16 << 20)
        return (Int(response.status.code), response.headers.map { ($0.name, $0.value) }, Array(body.readableBytesView))
    }

    @Test func servesRecordedAnswersInOrderThenTheLastAnd404sWithTheClosest() async throws {
        let recording = try HARReader.load(demo)
        let server = try ServerProcess(simBinary, ["--replay", demo.path, "--port", "0"])
        #expect(server.banner.contains("demo.har (\(recording.exchanges.count) exchanges"))
        let client = HTTPClient.shared

        // A recorded request: the recorded status, body and RateLimit-* headers, in recorded order.
        let first = try #require(recording.exchanges.first { $0.path == "/resources/accounts/acme-001" })
        let answer = try await get(client, server.baseURL + "/resources/accounts/acme-001")
        #expect(answer.status == first.status)
        #expect(answer.body == first.body)
        let recordedNames = first.responseHeaders.map(\.name).filter { $0.hasPrefix("RateLimit-") }
        #expect(!recordedNames.isEmpty)
        for name in recordedNames {
            let value = answer.headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
            #expect(value == first.responseHeaders.first { $0.name == name }?.value, "\(name)")
        }

        // Identical requests: served in recorded order, then the last one keeps answering. The
        // session reads the custom-object schema several times (objects, briefs, doctor).
        let repeats = recording.exchanges.filter { $0.path == "/resources/customObjects" && $0.query == [QueryItem("limit", "100")] }
        #expect(repeats.count > 2)
        var remaining: [String] = []
        for _ in 0..<(repeats.count + 2) {
            let reply = try await get(client, server.baseURL + "/resources/customObjects?limit=100")
            remaining.append(reply.headers.first { $0.0.lowercased() == "ratelimit-remaining" }?.1 ?? "?")
        }
        let recorded = repeats.map { $0.responseHeaders.first { $0.name == "RateLimit-Remaining" }?.value ?? "-" }
        #expect(remaining == recorded + [recorded[recorded.count - 1], recorded[recorded.count - 1]])

        // The query is a set: order does not matter (recorded as status=active&limit=100).
        let reordered = try await get(client, server.baseURL + "/resources/accounts?limit=100&status=active")
        #expect(reordered.status == 200)

        // Not recorded: a 404 whose JSON names the closest recorded requests.
        let miss = try await get(client, server.baseURL + "/resources/accounts/acme-001/notes?limit=7")
        #expect(miss.status == 404)
        let json = try JSONParser.parse(miss.body)
        #expect(json["request"]?.string == "GET /resources/accounts/acme-001/notes?limit=7")
        let closest = try #require(json["closest"]?.array)
        #expect(closest.count == 3)
        #expect(closest.allSatisfy { $0["request"]?.string?.hasPrefix("GET /resources/accounts/") == true })
        #expect(json["message"]?.string?.contains("is not in demo.har") == true)
    }

    @Test func aMissingOrForeignFileIsOneLineAndAFailure() async throws {
        let (status, out, err) = try await runBinary(simBinary, ["--replay", "/nonexistent/x.har"])
        #expect(status != 0)
        #expect((out + err).contains("no such file"))
        #expect(!(out + err).contains("Fatal"))
        let foreign = FileManager.default.temporaryDirectory.appendingPathComponent("foreign-\(UUID().uuidString).har")
        try Data(#"{"log":{"entries":[{"request":{"method":"GET","url":"https://example.com/x"}}]}}"#.utf8).write(to: foreign)
        defer { try? FileManager.default.removeItem(at: foreign) }
        let second = try await runBinary(simBinary, ["--replay", foreign.path])
        #expect(second.status != 0)
        #expect((second.out + second.err).contains("HAR of another API"))
    }
}
