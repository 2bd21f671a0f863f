/// Steps through a JSON document's bytes one object member or array element at a time, parsing
/// only the values asked for: a large document (a recording) is read a part at a time, and no
/// tree of the whole is ever built.
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    /// The first byte of the next value (after whitespace).
    mutating func peek() throws(JSONParseError) -> UInt8 {
        skipWhitespace()
        guard index < bytes.count else { throw JSONParseError(message: "unexpected end of input (the file may be truncated)", offset: index) }
        return bytes[index]
    }

    /// Parses the value here, whole.
    mutating func value() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        let (value, end, _) = try JSONParser.parseValue(in: bytes, at: index)
        index = end
        return value
    }

    /// Steps over the object here by its brackets, without building it (as `HARSkimmer` steps over
    /// an entry), and returns its range: for a caller that parses it elsewhere. Nil, the cursor
    /// unmoved, when the value here is not an object or the bytes end or break before it does.
    mutating func skipObject() throws(JSONParseError) -> Range<Int>? {
        guard try peek() == UInt8(ascii: "{"), let end = HARSkimmer.valueEnd(bytes, at: index) else { return nil }
        defer { index = end }
        return index..<end
    }

    /// Walks the object here: `member` gets each key with the cursor on its value, and must consume it.
    mutating func members(_ member: (inout JSONCursor, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            guard try peek() == UInt8(ascii: "\""), case .string(let key) = try value() else { throw fail("expected a quoted key") }
            guard try peek() == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            _ = try peek()
            try member(&self, key)
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw fail("expected ',' or '}'")
            }
        }
    }

    /// Walks the array here: `element` gets each index with the cursor on the element, and must consume it.
    mutating func elements(_ element: (inout JSONCursor, Int) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        var count = 0
        while true {
            _ = try peek()
            try element(&self, count)
            count += 1
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return
            default: throw fail("expected ',' or ']'")
            }
        }
    }

    /// Only whitespace is left.
    mutating func expectEnd() throws(JSONParseError) {
        skipWhitespace()
        if index < bytes.count { throw fail("unexpected text after the document") }
    }

    private mutating func expect(_ byte: UInt8) throws(JSONParseError) {
        guard try peek() == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    private func fail(_ message: String) -> JSONParseError { JSONParseError(message: message, offset: index) }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }
}
