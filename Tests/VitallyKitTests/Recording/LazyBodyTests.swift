import Foundation
import Testing
@testable import VitallyKit

/// A recording's bodies stay escaped JSON text until read: the body read later must be the one
/// the whole entry's parse gives, and a bad body must still be refused when the file is opened.
@Suite struct LazyBodyTests {
    static let url = URL(fileURLWithPath: "/tmp/lazy.har")

    static func entry(content: String) -> String {
        #"{"startedDateTime":"2025-06-02T17:40:03.551Z","time":1,"request":{"method":"GET","url":"https://a.rest.vitally.io/resources/accounts/x","headers":[]},"#
            + #""response":{"status":200,"statusText":"OK","headers":[],"content":"# + content + "}}"
    }

    static func recording(_ entries: [String]) throws -> HARRecording {
        try HARReader.parse(Array(HARCutTests.har(entries).utf8), url: url)
    }

    /// What the generic parser makes of the entry's text, as `exchange.body` held it before.
    static func eager(_ entry: String) throws -> [UInt8] {
        Array((try JSONParser.parse(entry)["response"]?["content"]?["text"]?.string ?? "").utf8)
    }

    @Test func everyDemoBodyReadsAsTheWholeEntrysParseGivesIt() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("recordings/demo.har")
        let demo = try HARReader.load(file)
        let entries = try #require(try JSONParser.parse(Array(Data(contentsOf: file)))["log"]?["entries"]?.array)
        #expect(demo.exchanges.count == entries.count && entries.count > 100)
        for (exchange, entry) in zip(demo.exchanges, entries) {
            guard case .escaped = exchange.storedBody else {
                Issue.record("\(exchange.summary) was decoded at open")
                continue
            }
            #expect(exchange.body == Array((entry["response"]?["content"]?["text"]?.string ?? "").utf8), "\(exchange.summary)")
        }
    }

    @Test(arguments: [
        #""plain""#, #""""#, #""\"quoted\" \\ \/ \b\f\n\r\t""#, #""\u00e9\u4e2d \ud83d\ude00 \u0041""#,
        #""lone \ud800 then \udc00 and \ud800\u0041""#, "\"raw é 中 😀 \u{7F}\"", #""tail \\""#,
        "\"" + String(repeating: #"abcdefg\"h"#, count: 50) + "\"",
    ])
    func escapesDecodeAsTheParserDecodesThem(text: String) throws {
        let entry = Self.entry(content: #"{"mimeType":"application/json","text":"# + text + "}")
        let exchange = try #require(try Self.recording([entry]).exchanges.first)
        #expect(exchange.body == (try Self.eager(entry)))
    }

    @Test func bytesThatAreNotUTF8AreRepairedAsBefore() throws {
        var bytes = Array(HARCutTests.har([Self.entry(content: #"{"mimeType":"text/plain","text":"a~b"}"#)]).utf8)
        let tilde = try #require(bytes.firstIndex(of: UInt8(ascii: "~")))
        bytes[tilde] = 0xFF
        let exchange = try #require(try HARReader.parse(bytes, url: Self.url).exchanges.first)
        #expect(exchange.body == Array("a\u{FFFD}b".utf8))
    }

    @Test func aBadBodyIsRefusedAtOpenAndTheRestReplays() throws {
        let good = Self.entry(content: #"{"mimeType":"application/json","text":"{}"}"#)
        for bad in [#""bad \x escape""#, "\"a control \u{01} byte\"", #""\u12G4""#] {
            let recording = try Self.recording([good, Self.entry(content: #"{"mimeType":"application/json","text":"# + bad + "}"), good])
            #expect(recording.exchanges.count == 2, "\(bad)")
            #expect(recording.warnings.count == 1 && recording.warnings[0].contains("entry 2 is not valid JSON"), "\(recording.warnings)")
        }
        let cut = HARCutTests.har([good, Self.entry(content: #"{"mimeType":"application/json","text":"{}"}"#)])
        let torn = String(cut.prefix(cut.count - 40))  // inside the second entry's text
        #expect(try HARReader.parse(Array(torn.utf8), url: Self.url).exchanges.count == 1)
    }

    @Test func otherShapesOfTextKeepTheirMeaning() throws {
        let base64 = Self.entry(content: #"{"mimeType":"application/octet-stream","encoding":"base64","text":"AAEC\/w=="}"#)
        let number = Self.entry(content: #"{"mimeType":"text/plain","text":12}"#)
        let twice = Self.entry(content: #"{"mimeType":"text/plain","text":"first","text":"second"}"#)
        let replaced = Self.entry(content: #"{"mimeType":"text/plain","text":"first","text":7}"#)
        let request = Self.entry(content: #"{"mimeType":"text/plain","text":"body"}"#)
            .replacingOccurrences(of: #""headers":[]},"#, with: #""headers":[],"postData":{"mimeType":"text/plain","text":"sent"}},"#)
        let exchanges = try Self.recording([base64, number, twice, replaced, request]).exchanges
        #expect(exchanges.map(\.body) == [[0, 1, 2, 255], Array("12".utf8), Array("second".utf8), Array("7".utf8), Array("body".utf8)])
        var edited = exchanges[2]
        edited.body = Array("new".utf8)
        #expect(edited.body == Array("new".utf8) && edited != exchanges[2])
        #expect(exchanges[2] == RecordedExchange(
            startedAt: exchanges[2].startedAt, timeMilliseconds: 1, method: "GET", url: exchanges[2].url, path: "/resources/accounts/x",
            query: [], requestHeaders: [], status: 200, statusText: "OK", responseHeaders: [], mimeType: "text/plain",
            body: Array("second".utf8)))
    }
}
