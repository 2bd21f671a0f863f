/// Which parts of a document `JSONParser.parse(_:keeping:)` builds; every other part is checked
/// as strictly and stepped over.
package indirect enum JSONKeep: Sendable {
    /// The whole value.
    case all
    /// An object's members with these keys, each kept as its shape says. A value that is not an
    /// object is built whole.
    case members([(key: String, keep: JSONKeep)])
    /// An array's elements, each kept as the shape says. A value that is not an array is built whole.
    case elements(JSONKeep)
}

extension JSONParser {
    /// Parses one document as `parse` does (the same bytes are accepted and refused, containers
    /// deeper than `maxDepth` included) but builds only what `shape` keeps: the value is the
    /// whole document's with the objects `shape` names holding only the named members. A reader
    /// that wants eight fields of each record skips the cost of building the rest.
    package static func parse(_ buffer: UnsafeBufferPointer<UInt8>, keeping shape: JSONKeep) throws(JSONParseError) -> JSONValue {
        var pruning = Pruning(parser: JSONParser(bytes: buffer))
        return try reading(at: 0) { try pruning.document(shape) }
    }

    /// The parser and the stack `skip` keeps (reused across the values it steps over).
    private struct Pruning {
        var parser: JSONParser
        /// For each container `skip` has open: whether it is an object.
        var open: [Bool] = []

        mutating func document(_ shape: JSONKeep) throws -> JSONValue {
            parser.skipWhitespace()
            if parser.index >= parser.bytes.count { throw parser.fail("empty document") }
            let value = try kept(shape, depth: 0)
            parser.skipWhitespace()
            if parser.index < parser.bytes.count { throw parser.fail("unexpected text after the document") }
            return value
        }

        /// The value at the parser's index (inside `depth` open containers), pruned to `shape`.
        mutating func kept(_ shape: JSONKeep, depth: Int) throws -> JSONValue {
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.truncated() }
            switch (shape, parser.bytes[parser.index]) {
            case (.members(let wanted), UInt8(ascii: "{")):
                guard try parser.opensContainer(closedBy: UInt8(ascii: "}"), depth: depth) else { return .object(JSONObject()) }
                var object = JSONObject()
                while true {
                    if let (key, keep) = try member(of: wanted) {
                        object[key] = try kept(keep, depth: depth + 1)
                    } else {
                        try skip(depth: depth + 1)
                    }
                    if try closes(UInt8(ascii: "}"), expected: "expected ',' or '}'") { return .object(object) }
                }
            case (.elements(let each), UInt8(ascii: "[")):
                guard try parser.opensContainer(closedBy: UInt8(ascii: "]"), depth: depth) else { return .array([]) }
                var items: [JSONValue] = []
                while true {
                    items.append(try kept(each, depth: depth + 1))
                    if try closes(UInt8(ascii: "]"), expected: "expected ',' or ']'") { return .array(items) }
                }
            default:
                parser.depthBase = depth
                defer { parser.depthBase = 0 }
                return try parser.parseValue()
            }
        }

        /// After a member or element: true at the container's end (stepped past), false after a comma.
        private mutating func closes(_ close: UInt8, expected: String) throws -> Bool {
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.truncated() }
            let b = parser.bytes[parser.index]
            parser.index += 1
            if b == UInt8(ascii: ",") { return false }
            guard b == close else {
                parser.index -= 1
                throw parser.fail(expected)
            }
            return true
        }

        /// Reads a member's key and colon: the wanted entry it names, or nil. A key without
        /// escapes is compared as it lies in the bytes.
        private mutating func member(of wanted: [(key: String, keep: JSONKeep)]) throws -> (String, JSONKeep)? {
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.truncated() }
            guard parser.bytes[parser.index] == UInt8(ascii: "\"") else { throw parser.fail("expected a quoted key") }
            let start = parser.index + 1
            let stop = parser.nextSpecial(from: start, controls: true)
            var found: (String, JSONKeep)?
            if stop < parser.bytes.count, parser.bytes[stop] == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: parser.bytes[start..<stop])
                parser.index = stop + 1
                for entry in wanted where entry.key.utf8.count == raw.count && entry.key.utf8.elementsEqual(raw) {
                    found = entry
                }
            } else {
                let key = try parser.parseString()
                for entry in wanted where entry.key == key { found = entry }
            }
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.truncated() }
            guard parser.bytes[parser.index] == UInt8(ascii: ":") else { throw parser.fail("expected ':'") }
            parser.index += 1
            return found
        }

        /// Steps over one value (inside `depth` open containers), checking it as `parseValue` would.
        mutating func skip(depth: Int) throws {
            open.removeAll(keepingCapacity: true)
            next: while true {
                parser.skipWhitespace()
                guard parser.index < parser.bytes.count else { throw parser.truncated() }
                switch parser.bytes[parser.index] {
                case UInt8(ascii: "{"):
                    if try parser.opensContainer(closedBy: UInt8(ascii: "}"), depth: depth + open.count) {
                        open.append(true)
                        try skipKey()
                        continue next
                    }
                case UInt8(ascii: "["):
                    if try parser.opensContainer(closedBy: UInt8(ascii: "]"), depth: depth + open.count) {
                        open.append(false)
                        continue next
                    }
                case UInt8(ascii: "\""): try parser.skipString()
                case UInt8(ascii: "t"): try parser.expectLiteral("true")
                case UInt8(ascii: "f"): try parser.expectLiteral("false")
                case UInt8(ascii: "n"): try parser.expectLiteral("null")
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parser.skipNumber()
                default: throw parser.unexpected()
                }
                // Close every container that ends here.
                while let inObject = open.last {
                    if try !closes(inObject ? UInt8(ascii: "}") : UInt8(ascii: "]"),
                                   expected: inObject ? "expected ',' or '}'" : "expected ',' or ']'") {
                        if inObject { try skipKey() }
                        continue next
                    }
                    open.removeLast()
                }
                return
            }
        }

        /// `"key"` and its colon, checked and stepped over.
        private mutating func skipKey() throws {
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.truncated() }
            guard parser.bytes[parser.index] == UInt8(ascii: "\"") else { throw parser.fail("expected a quoted key") }
            try parser.skipString()
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.truncated() }
            guard parser.bytes[parser.index] == UInt8(ascii: ":") else { throw parser.fail("expected ':'") }
            parser.index += 1
        }
    }
}
