extension Redactor {
    /// `https://u:pass@host/x` -> `https://REDACTED@host/x`, for every URL in `text`. The text is
    /// scanned as bytes (every delimiter is ASCII) and copied only when a URL has userinfo.
    package static func hidingUserinfo(_ text: String) -> String {
        var text = text
        let cuts = text.withUTF8(userinfoRanges(in:))
        guard !cuts.isEmpty else { return text }
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var copied = 0
            for cut in cuts {
                out += UnsafeBufferPointer(rebasing: bytes[copied..<cut.lowerBound])
                out += placeholder.utf8
                copied = cut.upperBound
            }
            out += UnsafeBufferPointer(rebasing: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Each URL's userinfo: from after `://` to the last `@` before its authority ends.
    private static func userinfoRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var cuts: [Range<Int>] = []
        var i = 0
        while i + 3 <= bytes.count {
            guard bytes[i] == 0x3A, bytes[i + 1] == 0x2F, bytes[i + 2] == 0x2F else {
                i += 1
                continue
            }
            let start = i + 3
            var end = start
            var at: Int?
            while end < bytes.count, !isAuthorityEnd(bytes[end]) {
                if bytes[end] == 0x40 { at = end }
                end += 1
            }
            if let at { cuts.append(start..<at) }
            i = at ?? start
        }
        return cuts
    }

    /// `/?#\`, whitespace, quotes and angle brackets end a URL's authority.
    private static func isAuthorityEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2F, 0x3F, 0x23, 0x5C, 0x20, 0x09, 0x0D, 0x0A, 0x22, 0x27, 0x3C, 0x3E: return true
        default: return false
        }
    }
}
