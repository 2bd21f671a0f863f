import Foundation
import Testing
@testable import VitallyKit

/// The fast string decoder (eight bytes at a time into a String sized by the raw length) against a
/// byte-by-byte reference written the plain way, on escapes, raw UTF-8 and invalid UTF-8 at every
/// offset of a word, and every value of a document read where it starts.
@Suite struct JSONDecoderReferenceTests {
    /// Pieces of a string's raw text (between its quotes): valid, invalid UTF-8, and refused.
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("0123456789abcdef".utf8), Array("é".utf8), Array("中".utf8), Array("😀".utf8),
        Array(#"\""#.utf8), Array(#"\\"#.utf8), Array(#"\/"#.utf8), Array(#"\b"#.utf8), Array(#"\f"#.utf8),
        Array(#"\n"#.utf8), Array(#"\r"#.utf8), Array(#"\t"#.utf8), Array(#"\u0041"#.utf8), Array(#"\u00E9"#.utf8),
        Array(#"\u0000"#.utf8), Array(#"\u001f"#.utf8), Array(#"\u0085"#.utf8), Array(#"\ud83d\ude00"#.utf8),
        Array(#"\uD800"#.utf8), Array(#"\uDC00"#.utf8), Array(#"\uD800\u0041"#.utf8), Array(#"\uD800\uD800"#.utf8),
        Array(#"\uDBFF\uDFFF"#.utf8), Array(#"\uD800\\"#.utf8), [0x7F], [0xC2, 0x80],
        // Invalid UTF-8: a lone continuation, an overlong, a cut sequence, an encoded surrogate, out of range.
        [0x80], [0xC0, 0xAF], [0xC2], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
        // Refused: raw control bytes and broken escapes.
        [0x01], [0x0A], [0x00], Array(#"\x"#.utf8), Array(#"\u12"#.utf8), Array(#"\uZZZZ"#.utf8),
    ]

    /// The decoding rules, one byte at a time: nil when the text is not a valid JSON string.
    static func reference(_ raw: [UInt8]) -> String? {
        var out: [UInt8] = []
        var i = 0
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= raw.count else { return nil }
            var value: UInt32 = 0
            for b in raw[at..<(at + 4)] {
                guard let digit = Character(Unicode.Scalar(b)).hexDigitValue else { return nil }
                value = value * 16 + UInt32(digit)
            }
            return value
        }
        while i < raw.count {
            let b = raw[i]
            if b < 0x20 { return nil }
            if b != 0x5C {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < raw.count else { return nil }
            let e = raw[i + 1]
            i += 2
            let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
            if let plain = simple[e] {
                out.append(plain)
                continue
            }
            guard e == 0x75, var scalar = hex4(i) else { return nil }
            i += 4
            if (0xD800...0xDBFF).contains(scalar), i + 1 < raw.count, raw[i] == 0x5C, raw[i + 1] == 0x75 {
                guard let low = hex4(i + 2) else { return nil }
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
            }
            out += Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decoded(_ raw: [UInt8]) -> [UInt8]? {
        guard let value = try? JSONParser.parse([0x5B, 0x22] + raw + [0x22, 0x5D]) else { return nil }
        return value[0]?.string.map { Array($0.utf8) }
    }

    /// Deterministic, so a failure names an input that can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func randomStringsDecodeAsTheReferenceDoes() {
        var random = Generator(state: 7)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let raw = (0..<random.next(24)).flatMap { _ in Self.pieces[random.next(Self.pieces.count)] }
            let ours = Self.decoded(raw), expected = Self.reference(raw).map { Array($0.utf8) }
            if ours != expected, mismatches.count < 5 { mismatches.append(String(describing: raw)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func everyPieceAtEveryOffsetOfTwoWordsDecodesAsTheReferenceDoes() {
        var mismatches: [String] = []
        for first in Self.pieces {
            for second in Self.pieces {
                for before in 0..<17 {
                    let raw = Array(repeating: UInt8(ascii: "x"), count: before) + first + Array("yyyyyyy".utf8) + second
                    let ours = Self.decoded(raw), expected = Self.reference(raw).map { Array($0.utf8) }
                    if ours != expected, mismatches.count < 5 { mismatches.append(String(describing: raw)) }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// The writer copies runs now: checked against escaping scalar by scalar, every scalar below
    /// U+0200 (C0, DEL, C1, Latin) and then some, at every offset.
    @Test func escapingMatchesTheScalarByScalarRules() {
        func reference(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                default:
                    if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                        out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                            + String(scalar.value, radix: 16)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        let scalars = (Array(0...0x1FF) + [0x2028, 0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF]).compactMap(Unicode.Scalar.init).map(String.init)
        var mismatches: [String] = []
        for scalar in scalars {
            for before in 0..<9 {
                let text = String(repeating: "x", count: before) + scalar + "é" + scalar
                if JSONValue.string(text).serialized() != reference(text), mismatches.count < 5 { mismatches.append(text.debugDescription) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// A 10 MB body that is one long escaped string (a recording's biggest field) round-trips
    /// (50 MB was checked by hand; 10 MB keeps the debug suite quick).
    @Test func aTenMegabyteEscapedStringRoundTrips() throws {
        let unit = "{\"id\":\"a\u{7F}é😀\",\"n\":\"line\\nnext\"}\n"
        let text = String(repeating: unit, count: 10_000_000 / unit.utf8.count)
        let encoded = JSONValue.array([.string(text)]).serialized()
        #expect(try JSONParser.parse(encoded)[0]?.string == text)
    }

    /// A value read where it starts ends where the whole document says it does, at any nesting.
    @Test func everyValueReadWhereItStartsMatchesTheDocument() throws {
        let text = #"[{"a":"x\"y\\","b":[1,-2.5e3,true,null,{}]} ,"\u00e9\ud83d\ude00", 12 ,[[[]]],"\uD800z"]"#
        let bytes = Array(text.utf8)
        let whole = try JSONParser.parse(bytes)
        try bytes.withUnsafeBufferPointer { buffer in
            var at = 1
            for item in whole.array ?? [] {
                while buffer[at] == 0x20 || buffer[at] == 0x2C { at += 1 }
                let read = try JSONParser.parseValue(in: buffer, at: at)
                #expect(read.value == item)
                #expect(try JSONParser.parse(UnsafeBufferPointer(rebasing: buffer[at..<read.end])) == item)
                at = read.end
            }
            #expect(buffer[at] == UInt8(ascii: "]"))
        }
    }
}
