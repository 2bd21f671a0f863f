import Foundation
import Testing
@testable import VitallyKit

/// Bodies kept escaped until read, held against the reader as it was: every entry parsed whole and
/// turned into an exchange by `HARReader.exchange(from:)` with no stepped-over text (the old path).
@Suite struct LazyBodyDifferentialTests {
    static let url = URL(fileURLWithPath: "/tmp/lazy-diff.har")

    static func entry(content: String, response extra: String = "", entry more: String = "") -> String {
        #"{"startedDateTime":"2025-06-02T17:40:03.551Z","time":1,"request":{"method":"GET","url":"https://a.rest.vitally.io/resources/accounts/x","headers":[]},"#
            + #""response":{"status":200,"statusText":"OK","headers":[]"# + extra + #","content":"# + content + "}" + more + "}"
    }

    static func text(_ quoted: String) -> String { #"{"mimeType":"application/json","text":"# + quoted + "}" }

    /// The exchanges the whole-file parse gives, entry by entry, as the reader made them before.
    static func eager(_ file: [UInt8]) throws -> [RecordedExchange?] {
        let entries = try #require(try JSONParser.parse(file)["log"]?["entries"]?.array)
        return entries.map { try? HARReader.exchange(from: $0) }
    }

    static func expectSame(_ entries: [String], _ note: String) throws {
        let file = Array(HARCutTests.har(entries).utf8)
        let lazy = try HARReader.parse(file, url: url)
        let old = try eager(file)
        #expect(lazy.exchanges.count == old.compactMap { $0 }.count, "\(note)")
        for (new, before) in zip(lazy.exchanges, old.compactMap { $0 }) {
            #expect(new == before, "\(note)")
            #expect(new.body == before.body, "\(note)")
            #expect(HARWriter.serialize(entry: HARWriter.entry(new, order: 0)) == HARWriter.serialize(entry: HARWriter.entry(before, order: 0)), "\(note)")
        }
    }

    /// Every recording in the repository: each exchange, its body and its rewritten entry as the old reader gave them.
    @Test func everyRepositoryRecordingReadsAsBefore() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("recordings")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".har") }
        #expect(!files.isEmpty)
        for name in files {
            let url = folder.appendingPathComponent(name)
            let lazy = try HARReader.load(url)
            let old = try Self.eager(Array(try Data(contentsOf: url))).compactMap { $0 }
            #expect(lazy.exchanges.count == old.count, "\(name)")
            for (new, before) in zip(lazy.exchanges, old) {
                #expect(new == before && new.body == before.body, "\(name) \(new.summary)")
                #expect(HARWriter.serialize(entry: HARWriter.entry(new, order: 0)) == HARWriter.serialize(entry: HARWriter.entry(before, order: 0)))
            }
        }
    }

    /// Every escape, alone and in pairs, at every offset across two 8-byte words, with ASCII or UTF-8 around it.
    @Test func everyEscapeAtEveryOffsetDecodesAsTheWholeParse() throws {
        let escapes = [#"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, #"\n"#, #"\r"#, #"\t"#, #"\u0000"#, #"\u001F"#, #"\u00e9"#, #"\uFFFF"#,
                       #"\ud83d\ude00"#, #"\ud800"#, #"\udc00"#, #"\ud800\ud800"#, #"\ud800\u0041"#, #"\uDBFF\uDFFF"#]
        var entries: [String] = []
        for escape in escapes {
            for offset in 0..<18 {
                for filler in ["a", "é", "\u{7F}"] {
                    let before = String(repeating: filler, count: offset)
                    entries.append(Self.entry(content: Self.text("\"" + before + escape + String(repeating: "z", count: offset % 9) + escape + "\"")))
                }
            }
        }
        try Self.expectSame(entries, "escapes")
    }

    /// `text` anywhere else, repeated, not a string, base64 with escapes, entries of other shapes.
    @Test func textInOtherPlacesAndShapesKeepsItsMeaning() throws {
        let shapes = [
            Self.text("null"), Self.text("true"), Self.text("[\"a\"]"), Self.text(#"{"text":"inner"}"#), Self.text("-0.50e3"),
            #"{"text":"\u0041","text":null}"#, #"{"text":7,"text":"\u0042"}"#, #"{"te\u0078t":"escaped key \u0043"}"#,
            #"{"encoding":"base64","text":"QU\/C\u0052A=="}"#, #"{"encoding":"BASE64","text":"\u0041\u0041=="}"#,
            #"{"encoding":"base64","text":"not base64!"}"#, #"{"text":"x","encoding":"base64"}"#,
            #"{"text":"first"}, "content":{"text":"second \"2\""}"#, #"{"text":"only"}, "content":{"mimeType":"x"}"#,
            #"{"text":"only"}, "content":5"#, "{}", "[]", "\"text\"", "null",
        ]
        var entries = shapes.map { Self.entry(content: $0) }
        entries.append(Self.entry(content: Self.text(#""b""#), response: #","_error":"oh \"no\"","other":{"content":{"text":"\u0058"}}"#))
        entries.append(Self.entry(content: Self.text(#""b""#), response: #","headers":[{"name":"content","value":"v","content":{"text":"h"}}]"#))
        entries.append(Self.entry(content: Self.text(#""b""#), entry: #","_error":"x","response":{"content":{"text":"replaced"},"status":201}"#))
        entries.append(#"{"request":{"method":"GET","url":"/resources/x","postData":{"text":"p\u0041"}},"response":{"status":200,"content":{"text":"\u0062"}}}"#)
        entries.append(#"[{"request":{"method":"GET","url":"/resources/x"},"response":{"status":200,"content":{"text":"a"}}}]"#)
        entries.append(#"{"request":{"method":"GET","url":"/resources/x"},"response":[{"content":{"text":"a"}}]}"#)
        entries.append(#"{"response":{"status":200,"content":{"text":"a"}},"request":{"method":"GET","url":"/resources/y"}}"#)
        try Self.expectSame(entries, "shapes")
    }

    /// A bad body is refused at open with the warning the whole parse gave: its message and byte offset.
    @Test(arguments: [#"\x"#, #"\'"#, #"\U0041"#, #"\u12G4"#, #"\u00"#, "\u{01}", "\u{1F}", "\t", #"\ud800\u12"#])
    func aBadBodyIsRefusedWithTheSameWarning(bad: String) throws {
        let good = Self.entry(content: Self.text(#""{}""#))
        for offset in [0, 1, 7, 8, 9, 15, 16] {
            let body = "\"" + String(repeating: #"\n"#, count: offset % 3) + String(repeating: "a", count: offset) + bad + "tail\""
            let file = Array(HARCutTests.har([good, Self.entry(content: Self.text(body)), good]).utf8)
            let recording = try HARReader.parse(file, url: Self.url)
            #expect(recording.exchanges.count == 2, "\(bad) at \(offset)")
            var expected = "?"
            do { _ = try JSONParser.parse(file) } catch { expected = "is not valid JSON (\(error.message) at byte \(error.offset))" }
            #expect(recording.warnings.count == 1 && recording.warnings[0].contains(expected),
                    "\(bad.debugDescription) at \(offset): \(recording.warnings) vs \(expected)")
        }
    }

    /// A recording cut at every byte of a body full of escapes keeps the entry before it, with the torn-tail line.
    @Test func aCutAnywhereInsideAnEscapedBodyKeepsWhatCameBefore() throws {
        let good = Self.entry(content: Self.text(#""{}""#))
        let file = Array(HARCutTests.har([good, Self.entry(content: Self.text(#""a\"\\\u00e9\ud83d\ude00\u0000\n é""#))]).utf8)
        let start = try #require(String(decoding: file, as: UTF8.self).range(of: #"a\""#)).lowerBound.utf16Offset(in: String(decoding: file, as: UTF8.self))
        for cut in (start - 1)..<(file.count - 5) {  // up to the last byte of the entry
            let recording = try HARReader.parse(Array(file[..<cut]), url: Self.url)
            #expect(recording.exchanges.count == 1, "cut at \(cut)")
            #expect(recording.warnings.count == 1 && recording.warnings[0].contains("cut short after 1 complete entries"), "cut at \(cut): \(recording.warnings)")
        }
    }

    /// Recording again what a replay read (`--record-mode missing`): a token hidden behind escapes
    /// in an inherited body is still scrubbed, and the rewritten entry is the one the old reader wrote.
    @Test func inheritedBodiesAreScrubbedThroughTheirEscapes() async throws {
        let token = "not-a-real-token-42"
        let escaped = #""{\"note\":\"not-a-real-\u0074oken-42\",\"k\":\"\u006eot-a-real-token-42\"}""#
        let file = Array(HARCutTests.har([Self.entry(content: Self.text(escaped))]).utf8)
        let exchange = try #require(try HARReader.parse(file, url: Self.url).exchanges.first)
        let before = try #require(try Self.eager(file).first ?? nil)
        let recorder = HARRecorder(
            url: URL(fileURLWithPath: "/tmp/never-written.har"), info: RecordingInfo(recordedAt: Date(timeIntervalSince1970: 0)),
            redactor: Redactor(token: token))
        let scrubbed = await recorder.redact(exchange)
        let scrubbedBefore = await recorder.redact(before)
        let bytes = HARRecorder.bytes(of: HARWriter.entry(scrubbed, order: 0))
        #expect(!Redactor(token: token).leaks(in: bytes))
        #expect(!String(decoding: scrubbed.body, as: UTF8.self).contains(token))
        #expect(bytes == HARRecorder.bytes(of: HARWriter.entry(scrubbedBefore, order: 0)))
    }

    /// Two opens of one file, and two files escaping the same text differently, give equal exchanges.
    @Test func replaysAreEqualWhateverTheEscaping() throws {
        let a = Array(HARCutTests.har([Self.entry(content: Self.text(#""A\/é""#))]).utf8)
        let b = Array(HARCutTests.har([Self.entry(content: Self.text(#""\u0041/\u00E9""#))]).utf8)
        let first = try HARReader.parse(a, url: Self.url).exchanges
        #expect(first == (try HARReader.parse(a, url: Self.url).exchanges))
        #expect(first == (try HARReader.parse(b, url: Self.url).exchanges))
        #expect(first.first?.body == Array("A/é".utf8))
    }
}
