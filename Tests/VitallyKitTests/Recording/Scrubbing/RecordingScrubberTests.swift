import Foundation
import Testing
@testable import VitallyKit

@Suite struct RecordingScrubberTests {
    /// A foreign-looking HAR with personal data in every place it can hide.
    static let hostile: String = {
        let users = #"{"results":[{"id":"u-1","name":"Zoë O'Brien","email":"zoe.obrien@acme.com","phone":"+1 (415) 555-0134","#
            + #""traits":{"lastLoginIp":"203.0.113.77","vitally.custom.bio":"Loves \u001b[31mred\u001b[0m and hiking with Al","#
            + #""vitally.custom.plan":"Enterprise","domain":"acme.com"},"accountIds":["a-1"],"#
            + #""accounts":[{"id":"a-1","name":"Acme Corp","externalId":"acme-001"}],"npsLastScore":9,"healthScore":7.4}],"next":null}"#
        let note = #"{"results":[{"id":"n-1","subject":"Call with Zoë O'Brien","note":"<p>Zoë (zoe.obrien@acme.com) wants SSO by Friday, call +1 (415) 555-0134.</p>","#
            + #""author":{"id":"ad-1","name":"Dana Reyes","email":"dana@brightwave.io"},"accountId":"a-1","#
            + #""account":{"id":"a-1","name":"Acme Corp"},"createdAt":"2026-11-20T13:53:24.594Z"}],"next":null}"#
        func quoted(_ s: String) -> String { String(JSONValue.string(s).serialized()) }
        return #"""
            {"log":{"version":"1.2","creator":{"name":"vitally-shell","version":"0.1.0"},"pages":[],
             "_vitallyShell":{"recordedAt":"2026-11-27T15:03:15.612Z","subdomain":"acme"},
             "entries":[
              {"startedDateTime":"2026-11-27T15:03:15.612Z","time":3,"serverIPAddress":"198.51.100.23",
               "request":{"method":"GET","url":"https://acme.rest.vitally.io/resources/users/search?email=zoe.obrien%40acme.com","httpVersion":"HTTP/1.1","cookies":[],
                 "headers":[{"name":"Authorization","value":"REDACTED"},{"name":"X-Forwarded-For","value":"203.0.113.77"}],
                 "queryString":[{"name":"email","value":"zoe.obrien@acme.com"}],"headersSize":-1,"bodySize":0},
               "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","cookies":[],
                 "headers":[{"name":"Content-Type","value":"application/json"},{"name":"RateLimit-Remaining","value":"998"},{"name":"Content-Length","value":"1"}],
                 "content":{"size":1,"mimeType":"application/json","text":\#(quoted(users))},"redirectURL":"","headersSize":-1,"bodySize":1},
               "cache":{},"timings":{"send":0,"wait":3,"receive":0}},
              {"startedDateTime":"2026-11-27T15:03:16.612Z","time":2,
               "request":{"method":"GET","url":"https://acme.rest.vitally.io/resources/accounts/a-1/notes?limit=100","httpVersion":"HTTP/1.1","cookies":[],
                 "headers":[],"queryString":[{"name":"limit","value":"100"}],"headersSize":-1,"bodySize":0},
               "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","cookies":[],"headers":[],
                 "content":{"size":1,"mimeType":"application/json","text":\#(quoted(note))},"redirectURL":"","headersSize":-1,"bodySize":1},
               "cache":{},"timings":{"send":0,"wait":2,"receive":0}}
             ]}}
            """#
    }()

    static let originals = [
        "zoe.obrien", "Zoë O'Brien", "Zoë O\\u0027Brien", "555-0134", "203.0.113.77", "198.51.100.23", "Dana Reyes", "dana@brightwave",
        "hiking", "Friday", "wants SSO",
    ]

    func scrub(_ options: ScrubOptions, _ text: String = hostile) throws -> (String, ScrubMap) {
        let (bytes, map) = try RecordingScrubber.scrub(bytes: Array(text.utf8), options: options)
        return (String(decoding: bytes, as: UTF8.self), map)
    }

    @Test func replacesPeopleEverywhereAndKeepsWhatMatchingNeeds() throws {
        let (out, map) = try scrub(ScrubOptions(salt: "team-salt-0123456789"))
        for original in Self.originals { #expect(!out.contains(original), "\(original) is still in the output") }
        #expect(RecordingScrubber.scan(Array(out.utf8), produced: Set(map.pairs.values.flatMap(\.values)), options: ScrubOptions(salt: "team-salt-0123456789")) == nil)
        let recording = try HARReader.parse(Array(out.utf8), url: URL(fileURLWithPath: "/tmp/s.har"))
        let first = recording.exchanges[0]
        // The query, the queryString and the body use the same pseudonym.
        let email = try #require(map.pairs[.emails]?["zoe.obrien@acme.com"])
        #expect(email.hasSuffix("@acme.com") && email.hasPrefix("person-"))
        #expect(first.query == [QueryItem("email", email)])
        let body = try JSONParser.parse(first.body)
        let user = try #require(body["results"]?[0])
        #expect(user["email"]?.string == email)
        #expect(user["name"]?.string == map.pairs[.names]?["Zoë O'Brien"])
        // Kept: ids, numbers, scores, statuses, domains, account names, header order, status, RateLimit.
        #expect(user["id"]?.string == "u-1" && user["npsLastScore"]?.int == 9 && user["healthScore"]?.double == 7.4)
        // Traits are not on the safe list: replaced by neutral text of the same length.
        #expect(user["traits"]?["vitally.custom.plan"]?.string?.count == "Enterprise".count)
        #expect(user["traits"]?["vitally.custom.plan"]?.string != "Enterprise")
        #expect(user["traits"]?["domain"]?.string == "acme.com")
        #expect(user["accounts"]?[0]?["name"]?.string == "Acme Corp")
        #expect(first.responseHeaders.map(\.name) == ["Content-Type", "RateLimit-Remaining", "Content-Length"])
        #expect(first.responseHeaders[1].value == "998")
        #expect(first.responseHeaders[2].value == String(first.body.count))
        #expect(first.requestHeaders[1].value == map.pairs[.ips]?["203.0.113.77"])
        #expect(map.pairs[.ips]?["203.0.113.77"]?.hasPrefix("10.") == true)
        #expect(map.pairs[.phones]?["+1 (415) 555-0134"]?.count == "+1 (415) 555-0134".count)
        // Free text: neutral, same length, tags kept, no escape sequence survives.
        let note = try JSONParser.parse(recording.exchanges[1].body)["results"]?[0]
        let original = "<p>Zoë (zoe.obrien@acme.com) wants SSO by Friday, call +1 (415) 555-0134.</p>"
        let neutral = try #require(note?["note"]?.string)
        #expect(neutral.count == original.count && neutral.hasPrefix("<p>") && neutral.hasSuffix("</p>"))
        #expect(note?["author"]?["name"]?.string == map.pairs[.names]?["Dana Reyes"])
        #expect(note?["createdAt"]?.string == "2026-11-20T13:53:24.594Z")
        let bio = try #require(user["traits"]?["vitally.custom.bio"]?.string)
        #expect(!bio.contains("\u{1b}") && !bio.contains("hiking"))
        // How it was scrubbed, without the salt.
        let meta = try JSONParser.parse(Array(out.utf8))["log"]?["_vitallyShell"]
        #expect(meta?["recordedAt"]?.string == "2026-11-27T15:03:15.612Z")
        #expect(meta?["scrubbed"]?["rule"]?.string == "allowlist" && meta?["scrubbed"]?["saltFingerprint"] == nil)
        #expect(!out.contains("team-salt-0123456789"))
    }

    @Test func sameSaltSamePseudonymsInEveryFileAndAnotherSaltOthers() throws {
        let (_, first) = try scrub(ScrubOptions(salt: "team-salt-0123456789"))
        let other = Self.hostile.replacingOccurrences(of: "/notes?limit=100", with: "/notes?limit=50")
        let (_, second) = try scrub(ScrubOptions(salt: "team-salt-0123456789"), other)
        let (_, third) = try scrub(ScrubOptions(salt: "other-salt-0123456789"))
        #expect(first.pairs[.emails] == second.pairs[.emails])
        #expect(first.pairs[.names] == second.pairs[.names])
        #expect(first.pairs[.emails] != third.pairs[.emails])
    }

    @Test func domainsAndAccountsOnRequestConsistently() throws {
        let (out, map) = try scrub(ScrubOptions(salt: "team-salt-0123456789", domains: true, accounts: true))
        let domain = try #require(map.pairs[.domains]?["acme.com"])
        #expect(!out.contains("acme.com") && !out.contains("Acme Corp") && !out.contains("brightwave.io"))
        #expect(map.pairs[.emails]?["zoe.obrien@acme.com"]?.hasSuffix("@" + domain) == true)
        let account = try #require(map.pairs[.accounts]?["Acme Corp"])
        #expect(account.hasSuffix(" Corp") && account != "Acme Corp")
        // acme.com names Acme Corp: its pseudonym names the account's pseudonym, so the copy still matches by name.
        #expect(domain == CompanyName.tokens(account).joined() + ".example", "\(domain) for \(account)")
        // The tenant's subdomain goes too (replay ignores the host), in URLs and in _vitallyShell.
        #expect(!out.contains("https://acme.rest.vitally.io/") && out.contains(".rest.vitally.io/resources/"))
        #expect(!out.contains("\"subdomain\" : \"acme\"") && !out.contains("acme-001"))
        // An externalId in a URL path gets the body's pseudonym, so the lookup still replays.
        let byExternalId = Self.hostile.replacingOccurrences(of: "/accounts/a-1/notes?limit=100", with: "/accounts/acme-001?limit=100")
        let (second, _) = try scrub(ScrubOptions(salt: "team-salt-0123456789", accounts: true), byExternalId)
        let recording = try HARReader.parse(Array(second.utf8), url: URL(fileURLWithPath: "/tmp/s.har"))
        let external = try JSONParser.parse(recording.exchanges[0].body)["results"]?[0]?["accounts"]?[0]?["externalId"]?.string
        #expect(external?.hasPrefix("ext-") == true && recording.exchanges[1].path == "/resources/accounts/" + (external ?? "?"))
        #expect(!second.contains("acme-001"))
        #expect(map.translate("brief zoe.obrien@acme.com --title \"Acme Corp QBR\"")
            == "brief \(map.pairs[.emails]?["zoe.obrien@acme.com"] ?? "?") --title \"\(account) QBR\"")
    }

    /// The scrub streams into a temporary file beside OUT, an entry at a time: a file cut short
    /// (found only once every entry is written) leaves neither OUT nor a temporary file behind.
    @Test func aFileCutShortLeavesNoOutputBehind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrub-cut-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("cut.har"), output = folder.appendingPathComponent("out.har")
        let options = ScrubOptions(salt: "team-salt-0123456789")
        try Data(Self.hostile.dropLast(3).utf8).write(to: input)
        #expect(throws: VitallyError.self) { try RecordingScrubber.scrub(input, to: output, options: options) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["cut.har"])
        try Data(Self.hostile.utf8).write(to: input)
        let report = try RecordingScrubber.scrub(input, to: output, options: options)
        let written = try Data(contentsOf: output)
        #expect(report.entries == 2 && report.scannedBytes == written.count)
        let (bytes, _) = try RecordingScrubber.scrub(bytes: Array(Self.hostile.utf8), options: options)
        #expect(written == Data(bytes))
    }

    @Test func notAHARIsOneClearError() {
        #expect(throws: VitallyError.self) { try RecordingScrubber.scrub(bytes: Array("{\"log\":".utf8), options: ScrubOptions(salt: "abcd-efgh-ijkl-mnop")) }
        #expect(throws: VitallyError.self) { try RecordingScrubber.scrub(bytes: Array("[1,2]".utf8), options: ScrubOptions(salt: "abcd-efgh-ijkl-mnop")) }
        // A salt under 16 characters is refused: a 4-character one came back by brute force in 0.6 s.
        #expect(throws: VitallyError.self) { try RecordingScrubber.scrub(bytes: Array(Self.hostile.utf8), options: ScrubOptions(salt: "team-salt")) }
    }
}
