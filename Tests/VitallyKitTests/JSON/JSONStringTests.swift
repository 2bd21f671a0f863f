import Foundation
import Testing
@testable import VitallyKit

/// Strings are where a recording's bytes are: bodies are JSON inside JSON strings, so the
/// decoder and encoder are checked against Foundation's JSONSerialization on text we did not write.
@Suite struct JSONStringTests {
    /// Deterministic pseudo-random text heavy in what needs escaping.
    static func hostileStrings(count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let pieces: [String] = ["\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}",
                                "\u{80}", "\u{9F}", "\u{A0}", "é", "中", "😀", "a", "bc", "{\"k\":\"v\"}", " ", "\u{2028}"]
        return (0..<count).map { _ in
            (0..<Int(next() % 40)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test func escapedStringsDecodeAsFoundationDecodesThem() throws {
        for text in JSONStringTests.hostileStrings(count: 500) {
            let encoded = try JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
            let foundation = try JSONSerialization.jsonObject(with: encoded) as? [String]
            let ours = try JSONParser.parse(Array(encoded))
            #expect(ours[0]?.string == foundation?.first, "\(String(decoding: encoded, as: UTF8.self))")
        }
    }

    @Test func ourEncodingIsReadBackExactlyAndHoldsNoRawControlCharacter() throws {
        for text in JSONStringTests.hostileStrings(count: 500) {
            let encoded = JSONValue.string(text).serialized()
            #expect(try JSONParser.parse(encoded).string == text)
            let foundation = try JSONSerialization.jsonObject(with: Data(encoded.utf8), options: [.fragmentsAllowed]) as? String
            #expect(foundation == text)
            // C0, DEL and C1 leave as escapes, so the JSON reaches a terminal inert.
            #expect(!encoded.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
        #expect(JSONValue.string("a\u{7F}\u{85}\u{A0}\"\\").serialized() == #""a\u007f\u0085"# + "\u{A0}" + #"\"\\""#)
    }

    /// The decoder reads eight bytes at a time: every special byte at every offset of a word.
    @Test func everySpecialByteAtEveryOffsetOfAWord() throws {
        for length in 0...24 {
            for position in 0..<max(length, 1) {
                for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A9}", "é", "😀"] {
                    var characters = Array(repeating: "x", count: length)
                    if length > 0 { characters[position] = special }
                    let text = characters.joined()
                    let encoded = try JSONSerialization.data(withJSONObject: [text])
                    #expect(try JSONParser.parse(Array(encoded))[0]?.string == text, "\(length) \(position) \(special)")
                    // And the encoder, which also skips eight bytes at a time.
                    let ours = JSONValue.string(text).serialized()
                    #expect(try JSONParser.parse(ours).string == text)
                    #expect(!ours.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
                }
                // A raw control byte is refused at its offset, wherever it falls in a word.
                let raw = Array(("[\"" + String(repeating: "\\n", count: 1) + String(repeating: "x", count: position)).utf8) + [0x01, 0x22, 0x5D]
                let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(raw) }
                #expect(error?.offset == raw.count - 3)
            }
        }
    }

    @Test func aValueIsReadWhereItStartsAndSaysWhereItEnds() throws {
        let text = Array(#"[{"a":"x\"y"} , "\u00e9\\", 12]"#.utf8)
        try text.withUnsafeBufferPointer { buffer in
            let first = try JSONParser.parseValue(in: buffer, at: 1)
            #expect(first.value["a"]?.string == "x\"y")
            #expect(buffer[first.end] == UInt8(ascii: " "))
            let second = try JSONParser.parseValue(in: buffer, at: first.end + 3)
            #expect(second.value.string == "é\\")
            #expect(buffer[second.end] == UInt8(ascii: ","))
        }
    }

    @Test(arguments: [(#""ab\"#, 4), (#""ab\u12"#, 7), (#""a\q""#, 4), (#""a\"b"#, 5), ("\"a\\n\u{01}\"", 4)])
    func brokenEscapesAreRejectedWithTheirOffset(text: String, offset: Int) {
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        #expect(error?.offset == offset, "\(text): \(String(describing: error))")
    }
}
