/// JSON strings: decoded into a `String` sized by their raw length, stepped over with the same
/// checks, or decoded to bytes later (a recording's bodies). Long strings are scanned eight bytes
/// at a time for the bytes that matter (quote, backslash, control).
extension JSONParser {
    /// The bytes of a string that `parseValue(in:at:deferring:)` stepped over (quotes included),
    /// decoded; text that is not UTF-8 is repaired as `String` repairs it.
    static func decodeString(_ quoted: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard quoted.count >= 2 else { return [] }
        var parser = JSONParser(bytes: quoted)
        parser.index = 1
        let end = quoted.count - 1
        let decoded = (try? [UInt8](unsafeUninitializedCapacity: end - 1) { out, count in
            count = try parser.decodeEscapes(from: 1, to: end, into: out)
        }) ?? []
        if decoded.withUnsafeBytes(ByteWord.isASCII) || String(validating: decoded, as: UTF8.self) != nil { return decoded }
        return Array(String(decoding: decoded, as: UTF8.self).utf8)
    }

    mutating func parseString() throws -> String {
        index += 1
        let start = index
        index = nextSpecial(from: index, controls: true)
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return s
            case UInt8(ascii: "\\"): break
            default: throw fail("control character in string")
            }
        }
        // Escapes only shrink text, so the string's raw length bounds its decoded length.
        let end = try endOfString(from: index)
        return try String(unsafeUninitializedCapacity: end - start) { out throws -> Int in
            try decodeEscapes(from: start, to: end, into: out)
        }
    }

    /// Decodes the string from `start` (after its opening quote) to `end` (its closing quote) into
    /// `out`, which holds `end - start` bytes; the bytes from `start` to `index` are plain. Leaves
    /// `index` after the closing quote and returns the decoded length.
    private mutating func decodeEscapes(from start: Int, to end: Int, into out: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        var count = index - start
        if count > 0 { out.baseAddress!.update(from: bytes.baseAddress! + start, count: count) }
        while index < end {
            // Eight bytes at a time up to the next backslash or control byte.
            if index + 8 <= end {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let ordered = UInt64(littleEndian: word)  // the first byte lowest
                let special = ByteWord.bytesEqual(ordered, 0x5C) | ByteWord.bytesBelow(ordered, 0x20)
                // The word is stored whole: `count + 8` stays within `end - start`.
                UnsafeMutableRawPointer(out.baseAddress! + count).storeBytes(of: word, as: UInt64.self)
                let plain = special == 0 ? 8 : special.trailingZeroBitCount >> 3
                count += plain
                index += plain
                if plain == 8 { continue }
            }
            let b = bytes[index]
            if b != UInt8(ascii: "\\") {
                if b < 0x20 { throw fail("control character in string") }
                out[count] = b
                count += 1
                index += 1
                continue
            }
            index += 1
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): out[count] = 0x22
            case UInt8(ascii: "\\"): out[count] = 0x5C
            case UInt8(ascii: "/"): out[count] = 0x2F
            case UInt8(ascii: "b"): out[count] = 0x08
            case UInt8(ascii: "f"): out[count] = 0x0C
            case UInt8(ascii: "n"): out[count] = 0x0A
            case UInt8(ascii: "r"): out[count] = 0x0D
            case UInt8(ascii: "t"): out[count] = 0x09
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800...0xDBFF).contains(scalar), index + 1 < end,
                    bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                {
                    let second = index
                    index += 2
                    let low = try parseHex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        index = second  // not a pair: the next escape stands on its own
                    }
                }
                // A lone surrogate is not a character: U+FFFD in its place.
                let char = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                UTF8.encode(char) { unit in
                    out[count] = unit
                    count += 1
                }
                continue
            default: throw fail("invalid escape")
            }
            count += 1
        }
        index = end + 1
        return count
    }

    /// Steps over a string, checking what decoding it would check (escapes, control characters).
    mutating func skipString() throws {
        index += 1
        while true {
            index = nextSpecial(from: index, controls: true)
            guard index < bytes.count else { throw unterminated() }
            let b = bytes[index]
            index += 1
            if b == UInt8(ascii: "\"") { return }
            if b < 0x20 {
                index -= 1
                throw fail("control character in string")
            }
            guard index < bytes.count else { throw unterminated() }
            switch bytes[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                index += 1
            case UInt8(ascii: "u"):
                index += 1
                _ = try parseHex4()
            default:
                index += 1  // where decoding would report it: after the escape's letter
                throw fail("invalid escape")
            }
        }
    }

    /// The offset of the quote closing the string that `offset` is inside (escapes skipped).
    private func endOfString(from offset: Int) throws -> Int {
        var i = offset
        while true {
            i = nextSpecial(from: i, controls: false)
            guard i < bytes.count else { throw unterminated() }
            if bytes[i] == UInt8(ascii: "\"") { return i }
            i += 2  // a backslash and the byte it escapes
        }
    }

    /// The first quote or backslash (or, with `controls`, byte below 0x20) at or after `start`,
    /// eight bytes at a time; the end of the bytes when there is none.
    func nextSpecial(from start: Int, controls: Bool) -> Int {
        ByteWord.nextQuoteOrBackslash(in: bytes, from: start, controls: controls)
    }

    private func unterminated() -> JSONParseError {
        JSONParseError(message: "unterminated string (the file may be truncated)", offset: bytes.count)
    }

    /// Four hex digits of a `\u` escape.
    private mutating func parseHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
