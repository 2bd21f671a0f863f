import Testing
import VitallyKit

@Suite struct JSONParserTests {
    @Test func roundTripsKeepingKeyOrder() throws {
        let text = #"{"z":1,"a":[true,false,null],"m":{"s":"h\u00e9\n\"q\"","n":-1.5e2}}"#
        let value = try JSONParser.parse(text)
        #expect(value.object?.keys == ["z", "a", "m"])
        #expect(value["m"]?["s"]?.string == "hé\n\"q\"")
        #expect(value["m"]?["n"]?.double == -150)
        #expect(try JSONParser.parse(value.serialized()) == value)
        #expect(value.serialized() == #"{"z":1,"a":[true,false,null],"m":{"s":"hé\n\"q\"","n":-1.5e2}}"#)
    }

    @Test func reportsTruncationWithAnOffset() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#"{"log":{"entries":[{"a":1}"#) }
        do {
            _ = try JSONParser.parse(#"{"a": tru"#)
            Issue.record("a truncated literal parsed")
        } catch {
            #expect(error.offset > 0)
        }
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#).string == "😀")
    }
}
