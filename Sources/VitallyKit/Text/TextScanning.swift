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
}

extension StringProtocol {
    /// Without leading and trailing whitespace (newlines included), without Foundation: its
    /// `trimmingCharacters` loads CoreFoundation's character tables on first use.
    package func trimmingWhitespace() -> String {
        var trimmed = self[...]
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        return String(trimmed)
    }
}
