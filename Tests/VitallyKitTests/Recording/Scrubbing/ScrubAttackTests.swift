import Foundation
import Testing
@testable import VitallyKit

/// The attacks of issue 21, each a planted value the old (collect-then-replace) scrubber let
/// through with "none left". Each must be gone from the output in every form: raw, case-folded,
/// in NFC and NFD, and behind percent-encoding, base64 or JSON in a string.
@Suite struct ScrubAttackTests {
    static let salt = "attack-salt-0123456789"

    static func quoted(_ s: String) -> String { String(JSONValue.string(s).serialized()) }

    /// A HAR of one exchange; `entryExtra` and `logExtra` are spliced into the entry and the log.
    static func har(url: String, body: String, base64: Bool = false, mimeType: String = "application/json",
                    requestExtra: String = "", responseHeaders: String = "", entryExtra: String = "", logExtra: String = "") -> String {
        let text = base64 ? Data(body.utf8).base64EncodedString() : body
        return """
            {"log":{"version":"1.2","creator":{"name":"vitally-shell","version":"0.1.0"},"pages":[],\(logExtra)
             "_vitallyShell":{"recordedAt":"2026-11-27T15:03:15.612Z","subdomain":"acme"},
             "entries":[{"startedDateTime":"2026-11-27T15:03:15.612Z","time":3,\(entryExtra)
               "request":{"method":"GET","url":\(quoted(url)),"httpVersion":"HTTP/1.1","cookies":[],
                 "headers":[{"name":"Authorization","value":"REDACTED"}],"queryString":[],"headersSize":-1,"bodySize":0\(requestExtra)},
               "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","cookies":[],
                 "headers":[{"name":"Content-Type","value":"application/json"}\(responseHeaders)],
                 "content":{"size":1,"mimeType":\(quoted(mimeType)),"text":\(quoted(text))\(base64 ? ",\"encoding\":\"base64\"" : "")},
                 "redirectURL":"","headersSize":-1,"bodySize":1},
               "cache":{},"timings":{"send":0,"wait":3,"receive":0}}]}}
            """
    }

    /// Every string of the output, decoded every way the scrubber decodes, NFC and case-folded.
    static func forms(_ out: String) -> String {
        var found: [String] = []
        func add(_ s: String, depth: Int) {
            found.append(s)
            guard depth < 6 else { return }
            let decoded = URLEncoding.decode(s, plusAsSpace: false)
            if decoded != s { add(decoded, depth: depth + 1) }
            if let text = ScrubWalk<ScrubChecker>.base64Text(s) { add(text, depth: depth + 1) }
            if let json = try? JSONParser.parse(Array(s.utf8)) { walk(json, depth: depth + 1) }
        }
        func walk(_ value: JSONValue, depth: Int) {
            switch value {
            case .string(let s): add(s, depth: depth)
            case .array(let items): for item in items { walk(item, depth: depth) }
            case .object(let object): for (k, v) in object { add(k, depth: depth); walk(v, depth: depth) }
            default: break
            }
        }
        if let json = try? JSONParser.parse(Array(out.utf8)) { walk(json, depth: 0) }
        return found.joined(separator: "\n").precomposedStringWithCanonicalMapping.lowercased()
    }

    func scrub(_ har: String, domains: Bool = false, accounts: Bool = false) throws -> String {
        let options = ScrubOptions(salt: Self.salt, domains: domains, accounts: accounts)
        let (bytes, _) = try RecordingScrubber.scrub(bytes: Array(har.utf8), options: options)
        // Still a HAR this tool reads.
        _ = try HARReader.parse(bytes, url: URL(fileURLWithPath: "/tmp/attack.har"))
        return String(decoding: bytes, as: UTF8.self)
    }

    func expectGone(_ planted: [String], from out: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let all = Self.forms(out)
        for value in planted {
            let folded = value.precomposedStringWithCanonicalMapping.lowercased()
            #expect(!all.contains(folded), "\(value) survived", sourceLocation: sourceLocation)
            #expect(!out.contains(value), "\(value) survived raw", sourceLocation: sourceLocation)
        }
    }

    @Test func namesInEveryUnicodeFormAndScriptAreReplaced() throws {
        let nfd = "Zoe\u{0308} O'Brien"
        let body = #"{"results":[{"id":"u-1","name":"Zoë O'Brien","email":"zoe@acme.com"},"#
            + #"{"id":"u-2","name":\#(Self.quoted(nfd)),"email":"zoe2@acme.com"},{"id":"u-3","name":"PAT LEE","email":"pl@acme.com"},"#
            + #"{"id":"u-4","name":"Юлия Иванова","email":"jürgen.weiß@acme.com"},{"id":"u-5","name":"山田太郎","email":"karl@bücher.de"}],"next":null}"#
        let out = try scrub(Self.har(url: "https://acme.rest.vitally.io/resources/users?limit=100", body: body))
        expectGone(["Zoë", "O'Brien", "Pat Lee", "Юлия", "Иванова", "山田", "jürgen", "weiß", "karl@"], from: out)
        // The same name in NFC and NFD, and in any case, gets the same pseudonym.
        let results = try JSONParser.parse(Array(try #require(JSONParser.parse(Array(out.utf8))["log"]?["entries"]?[0]?["response"]?["content"]?["text"]?.string).utf8))["results"]
        #expect(results?[0]?["name"]?.string == results?[1]?["name"]?.string)
    }

    @Test func unknownTraitKeysAndFreeTextUnderAnyKeyAreReplaced() throws {
        let body = #"{"results":[{"id":"a-1","name":"Acme Corp","traits":{"vitally.custom.champion":"Pat Lee","hubspot.owner_name":"Pat Lee","#
            + #""cell":"+44 7700 900123","whatsapp":"447700900123","notes":"ring Sam Quill","zz.future.field":"Sam Quill"},"#
            + #""details":"met Sam Quill","reason":"Sam Quill left","messages":[{"bodyPlain":"hi Sam Quill","from":{"name":"Sam Quill"}}]}]}"#
        let out = try scrub(Self.har(url: "https://acme.rest.vitally.io/resources/accounts?limit=100", body: body))
        expectGone(["Pat Lee", "Sam Quill", "Quill", "7700 900123", "447700900123"], from: out)
        #expect(out.contains("Acme Corp"), "account names are kept without --accounts")
    }

    @Test func aNameInsideJSONInsideAStringIsReplaced() throws {
        let inner = #"{"owner":"{\"name\":\"Pat Lee\",\"mail\":\"pat.lee@acme.com\"}"}"#
        let body = #"{"results":[{"id":"a-1","traits":{"vitally.custom.meta":\#(Self.quoted(inner))}}]}"#
        let out = try scrub(Self.har(url: "https://acme.rest.vitally.io/resources/accounts?limit=100", body: body))
        expectGone(["Pat Lee", "pat.lee"], from: out)
    }

    @Test func encodedCursorsAndDoubleEncodingHoldingAnEmailAreDecoded() throws {
        let cursor = Data(#"{"email":"pat.lee@acme.com","sortVal":"2026-11-18"}"#.utf8).base64EncodedString()
        let urlSafe = cursor.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let body = #"{"results":[],"next":\#(Self.quoted(cursor))}"#
        let url = "https://acme.rest.vitally.io/resources/users?from=\(urlSafe)&q=pat.lee%2540acme.com&limit=100"
        let out = try scrub(Self.har(url: url, body: body, responseHeaders: #",{"name":"Referer","value":"https://app.example/?u=pat.lee%40acme.com"}"#))
        expectGone(["pat.lee", "pat.lee%40acme.com", "pat.lee%2540acme.com"], from: out)
    }

    @Test func cookiesCommentsPostDataPagesAndHeadersAreRead() throws {
        let out = try scrub(Self.har(
            url: "https://acme.rest.vitally.io/resources/users?limit=1", body: #"{"results":[]}"#,
            requestExtra: #","cookies":[{"name":"session","value":"SECRETC1"}],"postData":{"mimeType":"application/json","text":"{\"name\":\"Pat Lee\",\"note\":\"for Sam Quill\"}"},"comment":"Pat Lee asked""#,
            responseHeaders: #",{"name":"WWW-Authenticate","value":"Basic realm=\"Pat Lee's vault\""},{"name":"X-Forwarded-For","value":"2001:db8::1, 2001:db8::77"},"#
                + #"{"name":"Location","value":"https://acme.example/u/pat.lee%40acme.com"},{"name":"Set-Cookie","value":"sid=SECRETC2"}"#,
            entryExtra: #""comment":"Sam Quill called","_extra":{"who":"Sam Quill"},"#,
            logExtra: #""comment":"for Pat Lee","pages":[{"startedDateTime":"2026-11-27T15:03:15.612Z","id":"p1","title":"Pat Lee's tenant","pageTimings":{}}],"#))
        expectGone(["SECRETC1", "SECRETC2", "Pat Lee", "Sam Quill", "pat.lee", "2001:db8::77", "vault"], from: out)
    }

    @Test func anEmailOrANameAsAnObjectKeyIsReplaced() throws {
        let body = #"{"results":[{"id":"a-1","traits":{"pat.lee@acme.com":{"score":1},"Sam Quill":true,"jürgen":1}}]}"#
        let out = try scrub(Self.har(url: "https://acme.rest.vitally.io/resources/accounts?limit=100", body: body))
        expectGone(["pat.lee", "Sam Quill", "jürgen"], from: out)
        #expect(out.contains("score"))
    }

    @Test func htmlAndUndecodableBodiesAreReplaced() throws {
        let html = try scrub(Self.har(url: "https://acme.rest.vitally.io/resources/users/x", body: #"<html><body><p title="Sam Quill">Sam Quill is not allowed</p></body></html>"#, mimeType: "text/html"))
        expectGone(["Sam Quill", "allowed"], from: html)
        #expect(html.contains("<p>"))
        let bytes: [UInt8] = [0xff, 0xfe, 0x50, 0x61, 0x74, 0x20, 0x4c, 0x65, 0x65]  // not UTF-8, with "Pat Lee" inside
        let raw = Self.har(url: "https://acme.rest.vitally.io/resources/users/x", body: "")
            .replacingOccurrences(of: #""text":"""#, with: #""text":"\#(Data(bytes).base64EncodedString())","encoding":"base64""#)
        let out = try scrub(raw)
        expectGone(["Pat Lee", Data(bytes).base64EncodedString()], from: out)
        #expect(out.contains(ScrubSafeList.undecodableBody))
    }

    @Test func domainsGoInAnyCaseWithDomains() throws {
        let body = #"{"results":[{"id":"u-1","email":"UP.VICTIM@ACME.COM","traits":{"companyDomain":"Acme.Com","site":"https://www.acme.com/about"}}]}"#
        let out = try scrub(Self.har(url: "https://acme.rest.vitally.io/resources/users?limit=1", body: body), domains: true)
        expectGone(["acme.com", "up.victim"], from: out)
    }

    @Test func theScanRefusesAnyStringNotOnTheListNamingItsPath() throws {
        let options = ScrubOptions(salt: Self.salt)
        let out = try scrub(Self.har(url: "https://acme.rest.vitally.io/resources/users?limit=1", body: #"{"results":[]}"#))
        #expect(RecordingScrubber.scan(Array(out.utf8), produced: [], options: options) == nil)
        let planted = out.replacingOccurrences(of: #""statusText": "OK""#, with: #""statusText": "OK", "whoever": "Pat Lee""#)
        #expect(planted != out)
        #expect(RecordingScrubber.scan(Array(planted.utf8), produced: [], options: options) == "$.log.entries[0].response.whoever")
        let keyed = out.replacingOccurrences(of: #""statusText": "OK""#, with: #""statusText": "OK", "Pat Lee": 1"#)
        #expect(RecordingScrubber.scan(Array(keyed.utf8), produced: [], options: options)?.hasSuffix("(a key)") == true)
    }

    /// The scan walks a body without copying it: a name planted deep in a body's array, in JSON
    /// held in a string, or as a key, is still found and named.
    @Test func theScanLooksInsideEveryPartOfABody() throws {
        let options = ScrubOptions(salt: Self.salt)
        let body = #"{"results":[{"id":"u-1","traits":{"seats":3,"tags":[1,2]}}]}"#
        let out = try scrub(Self.har(url: "https://acme.rest.vitally.io/resources/accounts?limit=1", body: body))
        #expect(RecordingScrubber.scan(Array(out.utf8), produced: [], options: options) == nil)
        let neutral = try #require(JSONParser.parse(out)["log"]?["entries"]?[0]?["response"]?["content"]?["text"]?.string)
        for (planted, path) in [
            (#"{"results":[{"id":"u-1","traits":{"tags":[1,"Pat Lee"]}}]}"#, ".results[0].traits.tags[1]"),
            (#"{"results":[{"id":"u-1","traits":{"json":"{\"who\":\"Pat Lee\"}"}}]}"#, ".who"),
            (#"{"results":[{"id":"u-1","traits":{"Pat Lee":1}}]}"#, " (a key)"),
        ] {
            let text = out.replacingOccurrences(of: JSONValue.string(neutral).serialized(), with: JSONValue.string(planted).serialized())
            #expect(text != out)
            let found = RecordingScrubber.scan(Array(text.utf8), produced: [], options: options)
            #expect(found?.hasPrefix("$.log.entries[0].response.content.text") == true && found?.hasSuffix(path) == true, "\(found ?? "none")")
        }
    }

    /// An IP address used as a body key or a query parameter name (6 digits or fewer passed as a
    /// safe key) is pseudonymised like one in a value.
    @Test func anAddressUsedAsAKeyIsPseudonymised() throws {
        let body = #"{"results":[{"id":"u-1","seenFrom":{"10.1.2.3":2,"fe80::1":1}}]}"#
        let out = try scrub(Self.har(url: "https://acme.rest.vitally.io/resources/users?limit=1&10.2.3.4=1", body: body))
        expectGone(["10.1.2.3", "10.2.3.4", "fe80::1"], from: out)
        #expect(!ScrubSafeList.isSafeKey("10.1.2.3") && !ScrubSafeList.isSafeKey("fe80::1") && ScrubSafeList.isSafeKey("v1.2"))
    }

    /// A person's name where an enumeration is expected (`statusText`, a task's `status`, the log's
    /// creator) is no enumeration: it is pseudonymised, while real statuses stay readable.
    @Test func aPersonsNameUnderAnEnumerationKeyIsPseudonymised() throws {
        let statuses = ["Not Found", "in progress", "Max Retries Exceeded", "Grace Period", "Tier II", "MS Teams", "Mark Complete", "Dr Site",
                        "in_progress", "max-age", "application/json", "Pat", "HTTP/1.1", "MaxRetries", "InProgress", "GracePeriod", "X-Ray",
                        "A Team", "iPhone", "HubSpot"]
        let body = #"{"results":[{"id":"t-1","status":"Pat Lee","type":"Dr Amara Okafor","source":"Jordan Smith Demo","kind":"Mr Smith"},"#
            + #"{"id":"t-3","status":"pat.lee","type":"Jane_Doe","source":"Amara-Okafor 2"},"#
            + #"{"id":"t-4","status":"PatLee","type":"J Smith","source":"jordanSmith"},"#
            + statuses.map { #"{"id":"t-2","status":"\#($0)"}"# }.joined(separator: ",") + "]}"
        let tools = #""creator":{"name":"Charles Proxy","version":"4.6"},"browser":{"name":"Jane Doe","version":"1"},"#
        let har = Self.har(url: "https://acme.rest.vitally.io/resources/tasks?limit=1", body: body, logExtra: tools)
            .replacingOccurrences(of: #""creator":{"name":"vitally-shell","version":"0.1.0"},"#, with: "")
            .replacingOccurrences(of: #""statusText":"OK""#, with: #""statusText":"Jordan Smith""#)
        let out = try scrub(har)
        expectGone(["Pat Lee", "Amara Okafor", "Jane Doe", "Jordan Smith", "Mr Smith", "pat.lee", "Jane_Doe", "Amara-Okafor", "PatLee",
                    "J Smith", "jordanSmith"], from: out)
        for kept in statuses + ["Charles Proxy"] { #expect(out.contains(kept), "\(kept) was not kept") }
    }

    /// Three files a correct scrub wrote and its own scan then refused (a reviewer's, 2026-12-07):
    /// each must scrub, pass the scan, and lose what it planted.
    @Test func whatTheScrubWritesItsScanAccepts() throws {
        // A loopback address as a header or query name: the scrub kept it, the scan refused the key.
        for (url, headers) in [("https://acme.rest.vitally.io/resources/users?%3A%3A1=x", ""),
                               ("https://acme.rest.vitally.io/resources/users?limit=1", #",{"name":"::1","value":"x"},{"name":"127.0.0.1","value":"y"}"#)] {
            _ = try scrub(Self.har(url: url, body: #"{"results":[]}"#, responseHeaders: headers))
        }
        // The same name in NFD in the log's comment and in NFC in a body, made on different cores.
        let nfd = Self.har(url: "https://acme.rest.vitally.io/resources/users?limit=1", body: #"{"note":"Zo\#u{00EB} Smith"}"#,
                           logExtra: #""comment":"Zoe\u0308 Smith","#)
        expectGone(["Zoë Smith"], from: try scrub(nfd))
        // Base64 of fullwidth digits: its neutral text is shorter, and so short a base64 the scan reads as text.
        let shrink = Self.har(url: "https://acme.rest.vitally.io/resources/users?limit=1", body: #"{"note":"77yR77yS77yT77yU"}"#,
                              responseHeaders: #",{"name":"X-Trace","value":"77yR77yS77yT77yU"}"#)
        expectGone(["１２３４", "77yR77yS77yT77yU"], from: try scrub(shrink))
        // With --accounts, a path segment that is a body's externalId is an id to the scrub: to the scan too.
        let segment = Self.har(url: "https://acme.rest.vitally.io/resources/accounts/1%3A2%3A3%3A4%3A5%3A6%3A7",
                               body: #"{"id":"a-1","externalId":"1:2:3:4:5:6:7","name":"Acme"}"#)
        #expect(try scrub(segment, accounts: true).contains("1%3A2%3A3%3A4%3A5%3A6%3A7"))
    }
}
