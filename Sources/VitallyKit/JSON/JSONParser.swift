import Foundation

/// Why a JSON document could not be read, with the byte offset where it went wrong.
package struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String
    package var offset: Int
    package var description: String { "\(message) at byte \(offset)" }
}

/// A small, fast, order-preserving JSON parser over UTF-8 bytes.
package struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Where the string `parseValue(deferring:)` stepped over lies, quotes included. (The parser
    /// holds no reference, so its methods do not retain anything to be called.)
    private var deferred: Range<Int>?
    /// Containers already open around where `parseValue` starts (`parse(_:keeping:)` builds the
    /// outer ones itself), so the depth limit counts from the document's top.
    var depthBase = 0

    /// Parses one JSON document; trailing whitespace is allowed, anything else is an error.
    package static func parse(_ data: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        // Bytes already contiguous (an array, a native string's UTF-8) are parsed where they lie.
        let inPlace: Result<JSONValue, JSONParseError>? = data.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer) }
        }
        if let inPlace { return try inPlace.get() }
        return try Array(data).withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer) }
        }.get()
    }

    /// Parses bytes in place (a recording's entries are parsed straight from the mapped file).
    package static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: buffer)
        return try reading(at: 0) { try parser.parseDocument() }
    }

    package static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(text.utf8)
    }

    /// Parses the one value that starts at `offset` and says where it ends; what follows is the
    /// caller's (a recording's entries are read this way, straight from the mapped file). A string
    /// reached through the object keys `path` is only checked, not decoded: it reads as "" and its
    /// range (quotes included) comes back, for `decodeString` when it is wanted.
    static func parseValue(
        in buffer: UnsafeBufferPointer<UInt8>, at offset: Int, deferring path: [String]? = nil
    ) throws(JSONParseError) -> (value: JSONValue, end: Int, deferred: Range<Int>?) {
        var parser = JSONParser(bytes: buffer)
        parser.index = offset
        let value = try reading(at: offset) { try parser.parseValue(deferring: path) }
        return (value, parser.index, parser.deferred)
    }

    /// Runs a read whose errors are all `JSONParseError`s, as a typed throw.
    static func reading<T>(at offset: Int, _ read: () throws -> T) throws(JSONParseError) -> T {
        do {
            return try read()
        } catch let error as JSONParseError {
            throw error
        } catch {
            throw JSONParseError(message: "\(error)", offset: offset)
        }
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

    /// Reads one value without recursing: open containers wait on `arrays`/`objects`. A string
    /// reached through the object keys `deferredPath` is stepped over, not decoded.
    mutating func parseValue(deferring deferredPath: [String]? = nil) throws -> JSONValue {
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
                guard try opensContainer(closedBy: UInt8(ascii: "}"), depth: isObject.count + depthBase) else { value = .object(JSONObject()); break }
                isObject.append(true)
                objects.append(JSONObject())
                keys.append(try parseKey())
                continue next
            case UInt8(ascii: "["):
                guard try opensContainer(closedBy: UInt8(ascii: "]"), depth: isObject.count + depthBase) else { value = .array([]); break }
                isObject.append(false)
                arrays.append([])
                continue next
            case UInt8(ascii: "\""):
                // Only objects are open (one key each) and their keys are the deferred path.
                if let path = deferredPath, isObject.count == path.count, keys.count == path.count, keys == path {
                    let start = index
                    try skipString()
                    deferred = start..<index
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
    mutating func opensContainer(closedBy close: UInt8, depth: Int) throws -> Bool {
        guard depth < JSONParser.maxDepth else { throw fail("nesting too deep") }
        index += 1
        skipWhitespace()
        guard index < bytes.count, bytes[index] == close else { return true }
        index += 1
        return false
    }

    func fail(_ message: String) -> JSONParseError {
        JSONParseError(message: message, offset: index)
    }

    func truncated() -> JSONParseError { fail("unexpected end of input (the file may be truncated)") }

    func unexpected() -> JSONParseError {
        let b = bytes[index]
        let shown = b >= 0x21 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x" + String(b, radix: 16)
        return fail("unexpected \(shown)")
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// `"key"` and its colon, after skipping whitespace.
    mutating func parseKey() throws -> String {
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

    mutating func expectLiteral(_ literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for offset in 0..<count {
            guard index < bytes.count else { throw truncated() }
            guard bytes[index] == start[offset] else { throw fail("invalid literal") }
            index += 1
        }
    }

    /// `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`, kept as written.
    mutating func parseNumber() throws -> JSONNumber {
        let start = index
        try skipNumber()
        return JSONNumber(validated: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    /// Steps over a number, checking it as `parseNumber` does.
    mutating func skipNumber() throws {
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
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    /// Skips one or more digits; false when there is none.
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index > start
    }
}
