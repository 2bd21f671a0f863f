import Testing
@testable import VitallyKit

/// `parse(_:keeping:)` against the whole parse pruned afterwards: the same documents accepted and
/// refused (the depth limit counted from the top), and the kept parts equal.
@Suite struct JSONKeepingTests {
    static let shape = JSONKeep.members([
        ("results", .elements(.members([("id", .all), ("name", .all), ("score", .all)]))), ("next", .all),
    ])

    /// The whole document's value with the objects `shape` names holding only the named members.
    static func pruned(_ value: JSONValue, _ shape: JSONKeep) -> JSONValue {
        switch (shape, value) {
        case (.members(let wanted), .object(let object)):
            var kept = JSONObject()
            for (key, member) in object {
                if let keep = wanted.last(where: { $0.key == key })?.keep { kept[key] = pruned(member, keep) }
            }
            return .object(kept)
        case (.elements(let each), .array(let items)): return .array(items.map { pruned($0, each) })
        default: return value
        }
    }

    static func keeping(_ text: String, _ shape: JSONKeep = shape) throws(JSONParseError) -> JSONValue {
        let bytes = Array(text.utf8)
        var outcome: Result<JSONValue, JSONParseError>!
        bytes.withUnsafeBufferPointer { buffer in
            outcome = Result { () throws(JSONParseError) -> JSONValue in try JSONParser.parse(buffer, keeping: shape) }
        }
        return try outcome.get()
    }

    static let documents: [String] = [
        #"{"results":[{"id":"a","name":"A","traits":{"x":[1,2,{"y":null}]},"score":7.5}],"next":"c","atEnd":false}"#,
        #" {"results" : [ {"id" : 1 , "skip" : [ ] , "name" : { } , "score" : -0.5e+3 } , 3 , "s" , [ ] , { } ] } "#,
        #"{"results":"not an array","next":{"whole":[1,{"a":2}]}}"#,
        #"{"results":[{"id":"a","id":"b","\u0069d":"c","n\u0061me":"N","other\n":"\ud83d\ude00"}]}"#,
        #"{"results":[{"id":"a"}],"results":[{"id":"b","x":true}]}"#,
        #"["not","an","object"]"#, #""top string""#, "12", "null", "{}", "[]", #"{"results":[]}"#,
        // Refused, in skipped and in kept parts.
        "", "   ", #"{"results":[{"skip":tru}]}"#, #"{"results":[{"skip":01}]}"#, #"{"results":[{"skip":"a\x"}]}"#,
        #"{"results":[{"skip":"\u12"}]}"#, "{\"results\":[{\"skip\":\"a\u{01}b\"}]}", #"{"results":[{"skip":[1,]}]}"#,
        #"{"results":[{"skip":{"a" 1}}]}"#, #"{"results":[{"skip":{1:1}}]}"#, #"{"results":[{"id":"a",}]}"#,
        #"{"results":[{"id":"a"} {"id":"b"}]}"#, #"{"results":[{"id":"a"}]} x"#, #"{"results":[{"id":"a"}"#,
        #"{"results":[{"skip":[1,2"#, #"{"skip":-}"#, #"{"skip":1.}"#, #"{"skip":1e}"#, #"{"next":nul}"#,
        #"{"results":[{"id":"a"}],}"#, #"{"results" "x"}"#, #"{results:1}"#, "{\"results\":[{\"id\":\"a\u{0A}\"}]}",
    ]

    @Test func acceptsWhatTheParserAcceptsAndKeepsTheSameParts() {
        for text in Self.documents {
            let whole = Result { () throws(JSONParseError) -> JSONValue in try JSONParser.parse(text) }
            let kept = Result { () throws(JSONParseError) -> JSONValue in try Self.keeping(text) }
            switch (whole, kept) {
            case (.success(let value), .success(let keptValue)): #expect(keptValue == Self.pruned(value, Self.shape), "\(text)")
            case (.failure, .failure): break
            default: Issue.record("\(text): parse \(whole), keeping \(kept)")
            }
        }
    }

    /// The depth limit counts the containers the pruning walks through, in kept and skipped parts.
    @Test func refusesWhatIsTooDeepWhereverItIs() {
        for depth in [JSONParser.maxDepth - 3, JSONParser.maxDepth - 2, JSONParser.maxDepth - 1] {
            let inner = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            for text in [#"{"results":[{"skip":\#(inner)}]}"#, #"{"results":[{"id":\#(inner)}]}"#, #"{"next":\#(inner)}"#] {
                let whole = (try? JSONParser.parse(text)) != nil
                let kept = (try? Self.keeping(text)) != nil
                #expect(whole == kept, "depth \(depth): \(text.prefix(30))")
            }
        }
        #expect((try? JSONParser.parse(#"{"results":[{"skip":\#(String(repeating: "[", count: 254) + String(repeating: "]", count: 254))}]}"#)) == nil)
    }
}
