import Foundation

extension JSONValue {
    /// Serialises with keys in their stored order; `pretty` indents by two spaces, each line after
    /// the first starting `indent` spaces further in.
    package func serialized(pretty: Bool = false, indent: Int = 0) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, pretty: pretty, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    package func data(pretty: Bool = false) -> Data { Data(serialized(pretty: pretty).utf8) }

    /// Written as bytes, not appended to a String: a scrub serialises every body and entry, and a
    /// String's appends (each keeping its flags and capacity) were most of that work.
    private func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let n): out += n.text.utf8
        case .string(let s): JSONValue.writeEscaped(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(indent + 2, into: &out) }
                item.write(into: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { JSONValue.newline(indent, into: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in object.orderedMembers {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                if pretty { JSONValue.newline(indent + 2, into: &out) }
                JSONValue.writeEscaped(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { JSONValue.newline(indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and `indent` spaces.
    static func newline(_ indent: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent))
    }

    /// Appends `s` as a JSON string. Runs that need no escape are copied as they are (a recorded
    /// body is mostly such runs); C0, DEL and C1 are escaped, so JSON reaches a terminal inert.
    static func writeEscaped(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 2)
            out.append(0x22)
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
                out += UnsafeBufferPointer(rebasing: bytes[run..<i])
                let value = width == 2 ? bytes[i + 1] : b
                switch value {
                case 0x22, 0x5C: out.append(0x5C); out.append(value)
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                case 0x08: out.append(0x5C); out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(0x5C); out.append(UInt8(ascii: "f"))
                default: out += String(format: "\\u%04x", value).utf8
                }
                i += width
                run = i
            }
            out += UnsafeBufferPointer(rebasing: bytes[run...])
            out.append(0x22)
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
