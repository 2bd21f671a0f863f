import Foundation

/// Substring search on UTF-8 bytes: memchr finds each candidate first byte at memory speed and
/// memcmp checks the rest. Foundation's `contains` bridges to NSString and the generic
/// `Collection.contains` is unspecialized; both showed in profiles of opening, recording and matching.
enum ByteSearch {
    /// Whether the UTF-8 of `needle` occurs in `hay`.
    static func occurs(_ needle: String, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        var needle = needle
        return needle.withUTF8 { needle in
            guard let hayBase = hay.baseAddress, let needleBase = needle.baseAddress, needle.count <= hay.count
            else { return needle.isEmpty }
            var start = UnsafeRawPointer(hayBase)
            var remaining = hay.count
            while remaining >= needle.count {
                guard let found = memchr(start, Int32(needleBase[0]), remaining - needle.count + 1) else { return false }
                if memcmp(found, needleBase, needle.count) == 0 { return true }
                let skipped = UnsafeRawPointer(found) - start + 1
                start += skipped
                remaining -= skipped
            }
            return false
        }
    }
}

extension String {
    /// Whether `needle` occurs in this string, compared byte for byte.
    package func containsBytes(of needle: String) -> Bool {
        var hay = self
        return hay.withUTF8 { ByteSearch.occurs(needle, in: $0) }
    }

    /// Every byte-for-byte occurrence of `needle` replaced, left to right. Unlike Foundation's
    /// replace, a combining mark after the needle does not hide it. (A valid UTF-8 needle starts
    /// and ends on character boundaries, so the result is valid UTF-8.)
    package func replacingBytes(of needle: String, with replacement: String) -> String {
        let needle = Array(needle.utf8)
        guard !needle.isEmpty else { return self }
        var hay = self
        return hay.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            var copied = 0
            while i + needle.count <= bytes.count {
                if bytes[i] == needle[0], memcmp(bytes.baseAddress! + i, needle, needle.count) == 0 {
                    out += UnsafeBufferPointer(rebasing: bytes[copied..<i])
                    out += replacement.utf8
                    i += needle.count
                    copied = i
                } else {
                    i += 1
                }
            }
            out += UnsafeBufferPointer(rebasing: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace (newlines included) and zero-width spaces, as
    /// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` trims, without loading
    /// CoreFoundation's character tables on first use.
    package func trimmingWhitespace() -> String {
        func isSpace(_ character: Character?) -> Bool {
            guard let character else { return false }
            return character.isWhitespace || character == "\u{200B}"
        }
        var trimmed = self[...]
        while isSpace(trimmed.first) { trimmed.removeFirst() }
        while isSpace(trimmed.last) { trimmed.removeLast() }
        return String(trimmed)
    }
}
