import Foundation

extension JSONValue {
    /// Serialises with keys in their stored order; `pretty` indents by two spaces, each line after
    /// the first starting `indent` spaces further in.
    package func serialized(pretty: Bool = false, indent: Int = 0) -> String {
        var out = ""
        out.reserveCapacity(256)
        write(into: &out, pretty: pretty, indent: indent)
        return out
    }

    package func data(pretty: Bool = false) -> Data { Data(serialized(pretty: pretty).utf8) }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.text
        case .string(let s): JSONValue.writeEscaped(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { JSONValue.newline(indent + 2, into: &out) }
                item.write(into: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { JSONValue.newline(indent, into: &out) }
            out += "]"
        case .object(let object):
            if object.isEmpty { out += "{}"; return }
            out += "{"
            var first = true
            for (key, value) in object.orderedMembers {
                if !first { out += "," }
                first = false
                if pretty { JSONValue.newline(indent + 2, into: &out) }
                JSONValue.writeEscaped(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { JSONValue.newline(indent, into: &out) }
            out += "}"
        }
    }

    /// A line break and `indent` spaces (the usual depths without building a string each time).
    static func newline(_ indent: Int, into out: inout String) {
        if indent < newlines.count { out += newlines[indent] } else { out += "\n" + String(repeating: " ", count: indent) }
    }

    private static let newlines = (0..<24).map { "\n" + String(repeating: " ", count: $0) }

    /// Appends `s` as a JSON string. Runs that need no escape are copied as they are (a recorded
    /// body is mostly such runs); C0, DEL and C1 are escaped, so JSON reaches a terminal inert.
    static func writeEscaped(_ s: String, into out: inout String) {
        var s = s
        // Most strings need no escape at all: appended as they are.
        if s.utf8.count <= 64, s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 < 0x7F }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        s.withUTF8 { bytes in
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + bytes.count / 8 + 2)
            escaped.append(0x22)
            var run = 0
            var i = 0
            while i < bytes.count {
                // Eight bytes at a time while none can need an escape (0xC2 may start a C1 control).
                if i + 8 <= bytes.count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                    let special = ByteWord.bytesBelow(word, 0x20) | ByteWord.bytesEqual(word, 0x22)
                        | ByteWord.bytesEqual(word, 0x5C) | ByteWord.bytesEqual(word, 0x7F) | ByteWord.bytesEqual(word, 0xC2)
                    if special == 0 {
                        i += 8
                        continue
                    }
                    i += special.trailingZeroBitCount >> 3
                }
                let b = bytes[i]
                let width: Int
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F {
                    // C1 controls are U+0080...U+009F: 0xC2 0x80...0x9F in UTF-8.
                    guard b == 0xC2, i + 1 < bytes.count, bytes[i + 1] & 0xE0 == 0x80 else {
                        i += 1
                        continue
                    }
                    width = 2
                } else {
                    width = 1
                }
                escaped += UnsafeBufferPointer(rebasing: bytes[run..<i])
                let value = width == 2 ? bytes[i + 1] : b
                switch value {
                case 0x22: escaped += [0x5C, 0x22]
                case 0x5C: escaped += [0x5C, 0x5C]
                case 0x0A: escaped += [0x5C, 0x6E]
                case 0x0D: escaped += [0x5C, 0x72]
                case 0x09: escaped += [0x5C, 0x74]
                case 0x08: escaped += [0x5C, 0x62]
                case 0x0C: escaped += [0x5C, 0x66]
                default: escaped += Array(String(format: "\\u%04x", value).utf8)
                }
                i += width
                run = i
            }
            escaped += UnsafeBufferPointer(rebasing: bytes[run...])
            escaped.append(0x22)
            out += String(decoding: escaped, as: UTF8.self)
        }
    }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else if let n = try? container.decode(Double.self) { self = .number(n) }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else if let a = try? container.decode([JSONValue].self) { self = .array(a) }
        else {
            let dict = try container.decode([String: JSONValue].self)
            self = .object(JSONObject(dict.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .number(let n): try container.encode(n.double)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o):
            var dict: [String: JSONValue] = [:]
            for (k, v) in o { dict[k] = v }
            try container.encode(dict)
        }
    }
}
