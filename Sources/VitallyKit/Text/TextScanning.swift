import Foundation

/// Substring search on UTF-8 bytes: memchr finds each candidate first byte at memory speed and
/// memcmp checks the rest. Foundation's `contains` bridges to NSString and the generic
/// `Collection.contains` is unspecialized; both showed in profiles of opening, recording and matching.
enum ByteSearch {
    /// Where `needle` first occurs in `hay` at or after `start`.
    static func firstOffset(
        of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from start: Int = 0
    ) -> Int? {
        guard let hayBase = hay.baseAddress, let needleBase = needle.baseAddress, start + needle.count <= hay.count
        else { return needle.isEmpty && start <= hay.count ? start : nil }
        var at = start
        while at + needle.count <= hay.count {
            guard let found = memchr(hayBase + at, Int32(needleBase[0]), hay.count - needle.count + 1 - at) else { return nil }
            at = UnsafeRawPointer(found) - UnsafeRawPointer(hayBase)
            if memcmp(found, needleBase, needle.count) == 0 { return at }
            at += 1
        }
        return nil
    }

    /// Whether the UTF-8 of `needle` occurs in `hay`.
    static func occurs(_ needle: String, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        var needle = needle
        return needle.withUTF8 { firstOffset(of: $0, in: hay) != nil }
    }
}

/// Eight bytes at a time: which bytes of a little-endian word hold a value (SWAR), for the
/// JSON decoder and encoder's scans of long strings.
enum ByteWord {
    /// High bit set in each byte of `word` equal to `byte`. Only the lowest flag is exact (a borrow
    /// can flag bytes above it), which is the one the callers use.
    @inline(__always) static func bytesEqual(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// High bit set in each byte of `word` below `limit` (at most 0x80); the lowest flag is exact.
    @inline(__always) static func bytesBelow(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080
    }

    /// The offset of the first `"` or `\` (or, with `controls`, byte below 0x20) at or after
    /// `start`, eight bytes at a time; `bytes.count` when there is none.
    static func nextQuoteOrBackslash(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, controls: Bool) -> Int {
        var i = start
        while i + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
            var special = bytesEqual(word, 0x22) | bytesEqual(word, 0x5C)
            if controls { special |= bytesBelow(word, 0x20) }
            if special != 0 { return i + special.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 || b == 0x5C || (controls && b < 0x20) { return i }
            i += 1
        }
        return i
    }

    /// Whether every byte is below 0x80, eight at a time.
    static func isASCII(_ raw: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        var high: UInt64 = 0
        while i + 8 <= raw.count {
            high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < raw.count {
            high |= UInt64(raw[i])
            i += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }
}

extension String {
    /// Whether the text is all ASCII (the byte paths of matching and redaction take only that).
    package var isASCIIText: Bool {
        var text = self
        return text.withUTF8 { ByteWord.isASCII(UnsafeRawBufferPointer($0)) }
    }

    /// Whether `needle` occurs in this string, compared byte for byte.
    package func containsBytes(of needle: String) -> Bool {
        var hay = self
        return hay.withUTF8 { ByteSearch.occurs(needle, in: $0) }
    }

    /// Every byte-for-byte occurrence of `needle` replaced, left to right. Unlike Foundation's
    /// replace, a combining mark after the needle does not hide it. (A valid UTF-8 needle starts
    /// and ends on character boundaries, so the result is valid UTF-8.)
    package func replacingBytes(of needle: String, with replacement: String) -> String {
        var needle = needle
        var hay = self
        return needle.withUTF8 { needle in
            guard !needle.isEmpty else { return self }
            return hay.withUTF8 { bytes in
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count)
                var copied = 0
                while let found = ByteSearch.firstOffset(of: needle, in: bytes, from: copied) {
                    out += UnsafeBufferPointer(rebasing: bytes[copied..<found])
                    out += replacement.utf8
                    copied = found + needle.count
                }
                out += UnsafeBufferPointer(rebasing: bytes[copied...])
                return String(decoding: out, as: UTF8.self)
            }
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
