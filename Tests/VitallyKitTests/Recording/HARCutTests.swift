import Foundation
import Testing
import VitallyKit

/// Entries are parsed where they start, so a file cut or broken anywhere must still give every
/// complete entry before the damage and nothing else, and a clear line when nothing is left.
@Suite struct HARCutTests {
    static let url = URL(fileURLWithPath: "/tmp/cut.har")

    static func entry(_ id: String, body: String) -> String {
        #"{"startedDateTime":"2025-06-02T17:40:03.551Z","time":1.5,"request":{"method":"GET","url":"https://a.rest.vitally.io/resources/accounts/"#
            + id + #"","headers":[{"name":"Accept","value":"*/*"}]},"response":{"status":200,"statusText":"OK","headers":[],"#
            + #""content":{"mimeType":"application/json","text":"# + JSONValue.string(body).serialized() + "}}}"
    }

    static func har(_ entries: [String]) -> String {
        #"{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[  "# + entries.joined(separator: " ,\n ") + "\n]}}"
    }

    /// Three entries whose bodies are escaped strings with quotes, backslashes and UTF-8 in them.
    static let full = har([
        entry("a", body: #"{"id":"a","name":"Acme \"Q\"\n\\"}"#), entry("b", body: "é 中 😀 \u{7F}\u{85}"),
        entry("c", body: String(repeating: #"ab\"#, count: 9)),
    ])

    @Test func everyCutKeepsTheCompleteEntriesBeforeItAndNothingElse() throws {
        let bytes = Array(Self.full.utf8)
        let whole = try HARReader.parse(bytes, url: Self.url)
        #expect(whole.exchanges.count == 3 && whole.warnings.isEmpty)
        for cut in 0..<bytes.count {
            do {
                let recording = try HARReader.parse(Array(bytes[0..<cut]), url: Self.url)
                let kept = recording.exchanges.count
                #expect(kept > 0 && recording.exchanges == Array(whole.exchanges.prefix(kept)), "cut at \(cut)")
                #expect(recording.warnings.count == 1 && recording.warnings[0].contains("cut short after \(kept) complete entries"),
                        "cut at \(cut): \(recording.warnings)")
            } catch {
                let cause = error.cause ?? ""
                #expect(cause.contains(Self.url.path) && !cause.contains("\n"), "cut at \(cut): \(cause)")
            }
        }
    }

    /// `12` at the end of a cut file may be the start of `123`: a value the cut reaches is not complete.
    @Test(arguments: ["12", "-1", "1.5e3", "0"])
    func aNumberCutByTheEndOfTheFileIsNotACompleteEntry(number: String) throws {
        let text = #"{"log":{"entries":["# + Self.entry("a", body: "{}") + "," + number
        let recording = try HARReader.parse(Array(text.utf8), url: Self.url)
        #expect(recording.exchanges.count == 1)
        #expect(recording.warnings == ["cut.har is cut short after 1 complete entries (a recording stopped by a crash?); replaying those"])
    }
}
