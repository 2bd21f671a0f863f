import Foundation

/// Why a JSON document could not be read, with the byte offset where it went wrong.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var description: String { "\(message) at byte \(offset)" }
}

/// A small, fast, order-preserving JSON parser over UTF-8 bytes.
public struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Whether `response.content.text` of the entry being read is stepped over, not decoded.
    private var defersBodyText = false
    /// Where that text lies, quotes included, once stepped over.
    private var bodyText: Range<Int>?

    /// Parses one JSON document; trailing whitespace is allowed, anything else is an error.
    public static func parse(_ data: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        // Bytes already contiguous (an array, a native string's UTF-8) are parsed where they lie.
        let inPlace: Result<JSONValue, JSONParseError>? = data.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer) }
        }
        if let inPlace { return try inPlace.get() }
        let array = Array(data)
        do {
            return try array.withUnsafeBufferPointer { buffer in
                var parser = JSONParser(bytes: buffer)
                return try parser.parseDocument()
            }
        } catch let error as JSONParseError {
            throw error
        } catch {
            throw JSONParseError(message: "\(error)", offset: 0)
        }
    }

    /// Parses bytes in place (a recording's entries are parsed straight from the mapped file).
    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: buffer)
        do {
            return try parser.parseDocument()
        } catch let error as JSONParseError {
            throw error
        } catch {
            throw JSONParseError(message: "\(error)", offset: 0)
        }
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(text.utf8)
    }

    /// Parses the one value that starts at `offset` and says where it ends; what follows is the
    /// caller's (a recording's entries are read this way, straight from the mapped file).
    static func parseValue(
        in buffer: UnsafeBufferPointer<UInt8>, at offset: Int
    ) throws(JSONParseError) -> (value: JSONValue, end: Int) {
        var parser = JSONParser(bytes: buffer)
        parser.index = offset
        do {
            let value = try parser.parseValue()
            return (value, parser.index)
        } catch let error as JSONParseError {
            throw error
        } catch {
            throw JSONParseError(message: "\(error)", offset: offset)
        }
    }

    /// `parseValue(in:at:)` for one HAR entry, except that its `response.content.text` is only
    /// checked, not decoded: it reads as "" and its range (quotes included) comes back, so a
    /// recording's bodies are decoded when asked for (`decodeString`), not all at open.
    static func parseEntry(
        in buffer: UnsafeBufferPointer<UInt8>, at offset: Int
    ) throws(JSONParseError) -> (value: JSONValue, end: Int, bodyText: Range<Int>?) {
        var parser = JSONParser(bytes: buffer)
        parser.index = offset
        parser.defersBodyText = true
        do {
            let value = try parser.parseValue()
            return (value, parser.index, parser.bodyText)
        } catch let error as JSONParseError {
            throw error
        } catch {
            throw JSONParseError(message: "\(error)", offset: offset)
        }
    }

    /// The bytes of a string that `parseEntry` stepped over (quotes included), decoded; text that
    /// is not UTF-8 is repaired as `String` repairs it.
    static func decodeString(_ quoted: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard quoted.count >= 2 else { return [] }
        var parser = JSONParser(bytes: quoted)
        parser.index = 1
        let end = quoted.count - 1
        let decoded = (try? [UInt8](unsafeUninitializedCapacity: end - 1) { out, count in
            count = try parser.decodeEscapes(from: 1, to: end, into: out)
        }) ?? []
        if ByteWord.isASCII(decoded) || String(validating: decoded, as: UTF8.self) != nil { return decoded }
        return Array(String(decoding: decoded, as: UTF8.self).utf8)
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // Skip a UTF-8 byte-order mark: HAR files from some tools start with one.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    /// Containers deeper than this are refused; the parser keeps its own stack, so depth
    /// costs heap, not the thread's stack.
    static let maxDepth = 256

    mutating func parseDocument() throws -> JSONValue {
        skipWhitespace()
        if index >= bytes.count { throw fail("empty document") }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw fail("unexpected text after the document") }
        return value
    }

    /// Reads one value without recursing: open containers wait on `arrays`/`objects`.
    mutating func parseValue() throws -> JSONValue {
        var arrays: [[JSONValue]] = []
        var objects: [JSONObject] = []
        var keys: [String] = []
        var isObject: [Bool] = []
        var value: JSONValue
        next: while true {
            skipWhitespace()
            guard index < bytes.count else { throw truncated() }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                guard try opensContainer(closedBy: UInt8(ascii: "}"), depth: isObject.count) else { value = .object(JSONObject()); break }
                isObject.append(true)
                objects.append(JSONObject())
                keys.append(try parseKey())
                continue next
            case UInt8(ascii: "["):
                guard try opensContainer(closedBy: UInt8(ascii: "]"), depth: isObject.count) else { value = .array([]); break }
                isObject.append(false)
                arrays.append([])
                continue next
            case UInt8(ascii: "\""):
                if defersBodyText, isObject.count == 3, isBodyText(keys, isObject) {
                    let start = index
                    try skipString()
                    bodyText = start..<index
                    value = .string("")
                } else {
                    value = .string(try parseString())
                }
            case UInt8(ascii: "t"): try expectLiteral("true"); value = .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); value = .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber())
            default: throw unexpected()
            }
            // Hand the value to its container; close every container that ends here.
            while let inObject = isObject.last {
                skipWhitespace()
                guard index < bytes.count else { throw truncated() }
                let b = bytes[index]
                if inObject {
                    objects[objects.count - 1][keys.removeLast()] = value
                    if b == UInt8(ascii: ",") {
                        index += 1
                        keys.append(try parseKey())
                        continue next
                    }
                    guard b == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
                    value = .object(objects.removeLast())
                } else {
                    arrays[arrays.count - 1].append(value)
                    if b == UInt8(ascii: ",") {
                        index += 1
                        continue next
                    }
                    guard b == UInt8(ascii: "]") else { throw fail("expected ',' or ']'") }
                    value = .array(arrays.removeLast())
                }
                index += 1
                isObject.removeLast()
            }
            return value
        }
    }

    /// Steps into `{` or `[` at `depth`; false when it closes at once (an empty container).
    private mutating func opensContainer(closedBy close: UInt8, depth: Int) throws -> Bool {
        guard depth < JSONParser.maxDepth else { throw fail("nesting too deep") }
        index += 1
        skipWhitespace()
        guard index < bytes.count, bytes[index] == close else { return true }
        index += 1
        return false
    }

    private func fail(_ message: String) -> JSONParseError {
        JSONParseError(message: message, offset: index)
    }

    private func truncated() -> JSONParseError { fail("unexpected end of input (the file may be truncated)") }

    private func unexpected() -> JSONParseError {
        let b = bytes[index]
        let shown = b >= 0x21 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x" + String(b, radix: 16)
        return fail("unexpected \(shown)")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// `"key"` and its colon, after skipping whitespace.
    private mutating func parseKey() throws -> String {
        skipWhitespace()
        guard index < bytes.count else { throw truncated() }
        guard bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
        let key = try parseString()
        skipWhitespace()
        guard index < bytes.count else { throw truncated() }
        guard bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
        index += 1
        return key
    }

    private mutating func expectLiteral(_ literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for offset in 0..<count {
            guard index < bytes.count else { throw truncated() }
            guard bytes[index] == start[offset] else { throw fail("invalid literal") }
            index += 1
        }
    }

    /// `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`, kept as written.
    private mutating func parseNumber() throws -> JSONNumber {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw truncated() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw fail("invalid number (leading zero)") }
        } else {
            guard skipDigits() else { throw fail("invalid number") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() else { throw fail("invalid number (no digit after '.')") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() else { throw fail("invalid number (no digit in the exponent)") }
        }
        return JSONNumber(validated: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    /// Skips one or more digits; false when there is none.
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index > start
    }

    private mutating func parseString() throws -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("control character in string") }
            index += 1
        }
        // Escapes only shrink text, so the string's raw length bounds its decoded length.
        let end = try endOfString(from: index)
        return try String(unsafeUninitializedCapacity: end - start) { out throws -> Int in
            try decodeEscapes(from: start, to: end, into: out)
        }
    }

    /// Whether the value being read is `response.content.text` of an entry: three objects deep.
    private func isBodyText(_ keys: [String], _ isObject: [Bool]) -> Bool {
        isObject[0] && isObject[1] && isObject[2] && keys.count == 3
            && keys[2] == "text" && keys[1] == "content" && keys[0] == "response"
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
    private mutating func skipString() throws {
        index += 1
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                let special = ByteWord.bytesEqual(word, 0x22) | ByteWord.bytesEqual(word, 0x5C) | ByteWord.bytesBelow(word, 0x20)
                if special == 0 {
                    index += 8
                    continue
                }
                index += special.trailingZeroBitCount >> 3
            }
            let b = bytes[index]
            index += 1
            if b == UInt8(ascii: "\"") { return }
            if b < 0x20 {
                index -= 1
                throw fail("control character in string")
            }
            guard b == UInt8(ascii: "\\") else { continue }
            guard index < bytes.count else { break }
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
        throw JSONParseError(message: "unterminated string (the file may be truncated)", offset: bytes.count)
    }

    /// The offset of the quote closing the string that `offset` is inside (escapes skipped).
    private func endOfString(from offset: Int) throws -> Int {
        var i = offset
        while i < bytes.count {
            if i + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                let special = ByteWord.bytesEqual(word, 0x22) | ByteWord.bytesEqual(word, 0x5C)
                if special == 0 {
                    i += 8
                    continue
                }
                i += special.trailingZeroBitCount >> 3
            }
            switch bytes[i] {
            case UInt8(ascii: "\""): return i
            case UInt8(ascii: "\\"): i += 2
            default: i += 1
            }
        }
        throw JSONParseError(message: "unterminated string (the file may be truncated)", offset: bytes.count)
    }

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
