import Foundation

/// The encoded forms the walk looks inside: percent escapes and base64 text (ids, keys, cursors).
extension ScrubWalk {
    static func hasPercentEscape(_ s: String) -> Bool {
        var utf8 = s.utf8.makeIterator()
        var previous: (UInt8, UInt8) = (0, 0)
        while let b = utf8.next() {
            if previous.0 == 0x25, ScrubSafeList.isHex(previous.1), ScrubSafeList.isHex(b) { return true }
            previous = (previous.1, b)
        }
        return false
    }

    /// The text a base64 (or base64url) string of 12+ characters holds, when it is printable UTF-8.
    /// (Decoded here byte by byte: ids, keys and cursors all come this way, most of them not base64.)
    static func base64Text(_ s: String) -> String? {
        let count = s.utf8.count
        guard count >= 12, count <= 1_000_000 else { return nil }
        // Most strings (dates, words, URLs) leave the alphabet: told before anything is allocated.
        guard s.utf8.allSatisfy({ ScrubSafeList.isBase64Byte($0) }) else { return nil }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        var padding = 0
        for b in s.utf8 {
            let value: UInt32
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(b - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(b - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(b - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="):
                padding += 1
                continue
            default: return nil
            }
            // Padding only at the end, as Foundation's decoder requires.
            if padding > 0 { return nil }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                decoded.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        // As Foundation decodes it (padded to a multiple of 4, trailing `=` ignored): no lone sixth of a byte.
        guard (count - padding) % 4 != 1, !decoded.isEmpty else { return nil }
        guard let text = String(validating: decoded, as: UTF8.self) else { return nil }
        if decoded.allSatisfy({ $0 >= 0x20 && $0 < 0x7F || $0 == 0x0A || $0 == 0x09 }) { return text }
        guard text.unicodeScalars.allSatisfy({ !$0.properties.generalCategory.isControlOrUnassigned || $0 == "\n" || $0 == "\t" }) else {
            return nil
        }
        return text
    }

    /// `text` base64-encoded in the alphabet and padding `original` used.
    static func base64(_ text: String, like original: String) -> String {
        var encoded = Data(text.utf8).base64EncodedString()
        if original.utf8.contains(where: { $0 == 0x2D || $0 == 0x5F }) {
            encoded = encoded.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        }
        if !original.hasSuffix("=") { while encoded.hasSuffix("=") { encoded.removeLast() } }
        return encoded
    }
}

extension Unicode.GeneralCategory {
    var isControlOrUnassigned: Bool { self == .control || self == .unassigned || self == .surrogate || self == .privateUse }
}
