import Foundation
import VitallyKit

/// libFuzzer entry for the scrubber. Any bytes, taken as a HAR, either scrub or throw a
/// `VitallyError`; then the bytes go, as a trait key, a trait value and a URL query value, into a
/// HAR beside planted values (an email, a person's name in NFD, a phone, a cookie), and none of
/// the planted values may be in the scrubbed copy, in any case or Unicode form.
let options = ScrubOptions(salt: "fuzz-salt-0123456789abcdef")
let planted = ["planted.victim@acme.com", "Zoë Weiß", "+1 (415) 555-0199", "SECRETC1"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScrub(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? RecordingScrubber.scrub(bytes: bytes, options: options)

    let text = String(decoding: bytes, as: UTF8.self)
    let record: JSONValue = [
        "id": "a1", "name": "Acme Corp", "createdAt": "2026-11-20T13:53:24.594Z",
        "traits": .object(JSONObject([
            ("vitally.custom.champion", .string(planted[1].decomposedStringWithCanonicalMapping)),
            ("cell", .string(planted[2])), ("fuzz", .string(text)), (text, .string(planted[0])),
            ("notes", .string("Call \(planted[1]) at \(planted[2]) or \(planted[0]); \(text)")),
        ])),
    ]
    let body = JSONValue.object(JSONObject([("results", .array([record])), ("next", .null)])).serialized()
    let entry: JSONValue = [
        "startedDateTime": "2026-11-20T13:53:24.594Z", "time": 12,
        "request": [
            "method": "GET", "url": .string("https://acme.rest.vitally.io/resources/accounts?limit=100&q=" + URLEncoding.encode(text)),
            "httpVersion": "HTTP/1.1", "headers": [["name": "Cookie", "value": .string("session=\(planted[3])")]],
            "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0,
        ],
        "response": [
            "status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1", "headers": [], "cookies": [],
            "content": ["size": .number(Double(body.utf8.count)), "mimeType": "application/json", "text": .string(body)],
            "redirectURL": "", "headersSize": -1, "bodySize": .number(Double(body.utf8.count)),
        ],
        "cache": [:], "timings": ["send": 0, "wait": 12, "receive": 0],
    ]
    let har: JSONValue = ["log": ["version": "1.2", "creator": ["name": "fuzz", "version": "1"], "entries": [entry]]]
    guard let (scrubbed, _) = try? RecordingScrubber.scrub(bytes: Array(har.serialized().utf8), options: options) else {
        // Refusing the file (the final scan) keeps the values in too; only a copy that was written can leak.
        return 0
    }
    // Where a planted value could be: the file's bytes, and the decoded body and URL of each entry.
    var places = [asciiLowercased(scrubbed)]
    if let document = try? JSONParser.parse(scrubbed), let entries = document["log"]?["entries"]?.array {
        for entry in entries {
            places.append(asciiLowercased(Array((entry["response"]?["content"]?["text"]?.string ?? "").utf8)))
            places.append(asciiLowercased(Array(URLEncoding.decode(entry["request"]?["url"]?.string ?? "").utf8)))
        }
    }
    let input = forms(of: text)
    for (value, needles) in plantedForms {
        // The fuzz input may itself spell a planted value; that is not a leak of ours.
        if needles.contains(where: { needle in input.contains { contains($0, needle) } }) { continue }
        for needle in needles where places.contains(where: { contains($0, needle) }) {
            fatalError("planted value survived the scrub: \(value)")
        }
    }
    return 0
}

/// A value in every form it could take in the output (NFC and NFD, as given, lower and upper
/// case), as bytes with ASCII letters lowered: the output is searched without normalising it.
func forms(of value: String) -> [[UInt8]] {
    var all: [[UInt8]] = []
    for cased in [value, value.lowercased(), value.uppercased()] {
        for form in [cased.precomposedStringWithCanonicalMapping, cased.decomposedStringWithCanonicalMapping] {
            let bytes = asciiLowercased(Array(form.utf8))
            if !all.contains(bytes) { all.append(bytes) }
        }
    }
    return all
}

let plantedForms = planted.map { ($0, forms(of: $0)) }

func asciiLowercased(_ bytes: [UInt8]) -> [UInt8] { bytes.map { (65...90).contains($0) ? $0 + 32 : $0 } }

/// Whether `needle` occurs in `haystack`.
func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
    var index = 0
    let last = haystack.count - needle.count
    while index <= last {
        if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
        index += 1
    }
    return false
}
