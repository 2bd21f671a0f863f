import Foundation
import Testing
import VitallyKit

@Suite struct HARReaderTests {
    func write(_ text: String, _ name: String = "x.har") -> URL {
        let url = temporaryDirectory().appendingPathComponent(name)
        try? Data(text.utf8).write(to: url)
        return url
    }

    @Test func readsBrowserAndMitmproxyShapes() throws {
        // Chrome: fractional times, its own _ fields; Charles: null redirectURL; base64 bodies; a BOM.
        let body = Data(#"{"results":[{"id":"a1","name":"Acme"}],"next":null}"#.utf8).base64EncodedString()
        let text = "\u{FEFF}" + #"""
            {"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[{"id":"p"}],
             "entries":[{"startedDateTime":"2025-06-02T17:40:03.551-07:00","time":14.666,"_initiator":{"type":"script"},
               "request":{"method":"get","url":"https://acme.rest.vitally.io/resources/accounts?limit=100","headers":[["Accept","*/*"]],"headersSize":null},
               "response":{"status":200,"statusText":"OK","headers":[{"name":"Content-Type","value":"application/json"}],
                 "content":{"mimeType":"application/json","text":"\#(body)","encoding":"base64"},"redirectURL":null},
               "timings":{"wait":14.666}}]}}
            """#
        let recording = try HARReader.load(write(text))
        let exchange = try #require(recording.exchanges.first)
        #expect(exchange.method == "GET")
        #expect(exchange.path == "/resources/accounts")
        #expect(exchange.query == [QueryItem("limit", "100")])
        #expect(exchange.timeMilliseconds == 14.666)
        #expect(exchange.requestHeaders == [HTTPHeader("Accept", "*/*")])
        #expect(exchange.bodyText.contains("\"Acme\""))
        #expect(recording.creator == "WebInspector")
    }

    @Test(arguments: [
        ("", "is empty"),
        ("{\"log\":{\"version\":\"1.2\",\"entries\":[{\"request\":", "looks truncated"),
        ("<html>not json</html>", "is not valid JSON"),
        ("{\"hello\":1}", "not a HAR file"),
        (#"{"log":{"entries":[{"request":{"method":"GET","url":"https://api.github.com/repos"},"response":{"status":200}}]}}"#, "HAR of another API"),
    ])
    func badFilesGetOneClearLine(text: String, expected: String) {
        let url = write(text, "bad.har")
        do {
            _ = try HARReader.load(url)
            Issue.record("expected an error")
        } catch {
            let message = error.cause ?? ""
            #expect(message.contains(expected), "\(message)")
            #expect(message.contains(url.path))
            #expect(!message.contains("\n"))
        }
    }

    @Test func aMissingFileAndADirectoryAreNamed() {
        let folder = temporaryDirectory()
        #expect(throws: VitallyError.self) { try HARReader.load(folder.appendingPathComponent("nope.har")) }
        do {
            _ = try HARReader.load(folder)
            Issue.record("a directory loaded as a recording")
        } catch {
            #expect(error.cause?.contains("is a directory") == true)
        }
    }

    /// A HAR around `entries` (already JSON text), one good account read on each side.
    func har(_ entries: [String]) -> String {
        #"{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":["# + entries.joined(separator: ",") + "]}}"
    }

    func good(_ id: String) -> String {
        #"{"request":{"method":"GET","url":"https://a.rest.vitally.io/resources/accounts/"# + id
            + #""},"response":{"status":200,"content":{"mimeType":"application/json","text":"{\"id\":\""# + id + #"\"}"}}}"#
    }

    @Test func invalidBase64InABodySaysSoAndTheRestReplays() throws {
        let bad = #"{"request":{"method":"GET","url":"https://a.rest.vitally.io/resources/accounts/b"},"response":{"status":200,"content":{"mimeType":"application/json","text":"%%not base64%%","encoding":"base64"}}}"#
        let recording = try HARReader.load(write(har([good("a"), bad, good("c")])))
        #expect(recording.exchanges.map(\.path) == ["/resources/accounts/a", "/resources/accounts/c"])
        #expect(recording.warnings.count == 1)
        #expect(recording.warnings.first?.contains("entry 2 (GET /resources/accounts/b) has a body marked base64 that is not valid base64") == true)
    }

    @Test func anEntryWithNoResponseSaysSo() throws {
        let bare = #"{"request":{"method":"GET","url":"https://a.rest.vitally.io/resources/accounts/b"}}"#
        let recording = try HARReader.load(write(har([good("a"), bare])))
        #expect(recording.exchanges.map(\.path) == ["/resources/accounts/a"])
        #expect(recording.warnings == ["x.har: entry 2 (GET /resources/accounts/b) has no response; skipped, the rest still replays"])
    }

    @Test func anEntryWithoutAnHTTPStatusIsSkippedAndSaysSo() throws {
        func entry(_ id: String, status: String) -> String {
            #"{"request":{"method":"GET","url":"https://a.rest.vitally.io/resources/accounts/"# + id
                + #""},"response":{"status":"# + status + #","content":{"mimeType":"application/json","text":"{}"}}}"#
        }
        let recording = try HARReader.load(write(har([
            good("a"), entry("b", status: "99999999999999999999"), entry("c", status: "-1"), entry("d", status: "1e300"),
            entry("e", status: "0"), entry("f", status: "null"), good("g"),
        ])))
        #expect(recording.exchanges.map(\.path) == ["/resources/accounts/a", "/resources/accounts/g"])
        #expect(recording.warnings.count == 5)
        #expect(recording.warnings[0].contains("entry 2 (GET /resources/accounts/b) has no HTTP status (status: 99999999999999999999)"))
        #expect(recording.warnings[3].contains("entry 5 (GET /resources/accounts/e) has no HTTP status (status: 0)"))
    }

    @Test func aMalformedEntryIsSkippedByIndexAndTheRestReplays() throws {
        // Entry 2 is not JSON inside (a bare word, a trailing comma); entry 3 is not an entry.
        let recording = try HARReader.load(write(har([good("a"), #"{"request":{"method":"GET","url":nope,}}"#, "[1,2]", good("d")])))
        #expect(recording.exchanges.map(\.path) == ["/resources/accounts/a", "/resources/accounts/d"])
        #expect(recording.warnings.count == 2)
        #expect(recording.warnings[0].contains("entry 2 is not valid JSON"))
        #expect(recording.warnings[1].contains("entry 3 has no request method and URL"))
        let index = ReplayIndex(recording.exchanges)
        #expect(index.exchanges.last?.bodyText == #"{"id":"d"}"#)
    }

    @Test func anEntryWithStrayTextAfterItIsSkippedWhereItBreaks() throws {
        // Entries are parsed where they start: `123abc` must not end the file at `123`.
        let text = har([good("a"), "123abc", "true", #"{"request":{"method":"GET","url":nope}}"#, good("e")])
        let recording = try HARReader.load(write(text))
        #expect(recording.exchanges.map(\.path) == ["/resources/accounts/a", "/resources/accounts/e"])
        let stray = text.components(separatedBy: "123abc")[0].utf8.count + 3
        let nope = text.components(separatedBy: "nope")[0].utf8.count
        #expect(recording.warnings.count == 3)
        #expect(recording.warnings[0].contains("entry 2 is not valid JSON (unexpected text after the entry at byte \(stray))"))
        #expect(recording.warnings[1].contains("entry 3 has no request method and URL"))
        #expect(recording.warnings[2].contains("entry 4 is not valid JSON (invalid literal at byte \(nope + 1))"))
    }

    @Test func aFileWhoseEveryEntryIsMalformedIsOneClearError() {
        let url = write(har([#"{"request":{"method":"GET"}}"#]))
        let error = #expect(throws: VitallyError.self) { try HARReader.load(url) }
        #expect(error?.cause == "\(url.path): no entry can be replayed (x.har: entry 1 has no request method and URL; skipped, the rest still replays)")
    }
}

extension RecordedExchange {
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}
