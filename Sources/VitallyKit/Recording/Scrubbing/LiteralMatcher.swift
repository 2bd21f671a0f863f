/// Finds and replaces many literal values in one pass over the bytes, only where a value stands
/// on its own: `pat.lee@acme.com` is not found inside `xpat.lee@acme.com`, nor `Li` inside `Limited`.
/// The scrubber replaces with it and the post-write scan searches with it, so both agree.
struct LiteralMatcher {
    /// How a value's neighbours decide whether it stands on its own.
    enum Boundary: Sendable {
        /// Letters and digits on either side join it (names, text, IP addresses, phones).
        case word
        /// Also `.`, `_`, `+`, `-` before it, and `-` or `.x` after it (an email address).
        case email
        /// Also `-` before it (a `.` before is a subdomain, which matches), `-` or `.x` after it.
        case domain
    }

    struct Needle {
        var bytes: [UInt8]
        var replacement: [UInt8]
        var boundary: Boundary
        var tag: Int
    }

    private var needles: [Needle] = []
    /// Needles by their first two bytes, longest first, so the longest standing value wins.
    private var byPrefix: [UInt16: [Int]] = [:]
    private var shortNeedles: [Int] = []

    init() {}

    var isEmpty: Bool { needles.isEmpty }

    mutating func add(_ value: String, replacement: String, boundary: Boundary, tag: Int = 0) {
        let bytes = Array(value.utf8)
        guard !bytes.isEmpty else { return }
        needles.append(Needle(bytes: bytes, replacement: Array(replacement.utf8), boundary: boundary, tag: tag))
        let index = needles.count - 1
        if bytes.count >= 2 {
            byPrefix[Self.prefix(bytes, 0), default: []].append(index)
        } else {
            shortNeedles.append(index)
        }
    }

    /// Sorts candidate lists longest first; call once after the last `add`.
    mutating func prepare() {
        for key in byPrefix.keys { byPrefix[key]?.sort { needles[$0].bytes.count > needles[$1].bytes.count } }
    }

    private static func prefix(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1]) }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b >= 0x80
    }

    private func stands(_ needle: Needle, in hay: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let end = start + needle.bytes.count
        if start > 0 {
            let before = hay[start - 1]
            if Self.isWordByte(before) { return false }
            switch needle.boundary {
            case .word: break
            case .email: if before == 0x2e || before == 0x5f || before == 0x2b || before == 0x2d { return false }
            case .domain: if before == 0x2d { return false }
            }
        }
        if end < hay.count {
            let after = hay[end]
            if Self.isWordByte(after) { return false }
            if needle.boundary != .word {
                if after == 0x2d { return false }
                if after == 0x2e, end + 1 < hay.count, Self.isWordByte(hay[end + 1]) { return false }
            }
        }
        return true
    }

    /// The needle standing at `start`, if any.
    private func match(in hay: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        if start + 1 < hay.count, let list = byPrefix[UInt16(hay[start]) << 8 | UInt16(hay[start + 1])] {
            for index in list {
                let needle = needles[index]
                guard start + needle.bytes.count <= hay.count else { continue }
                var j = 2
                while j < needle.bytes.count && hay[start + j] == needle.bytes[j] { j += 1 }
                if j == needle.bytes.count, stands(needle, in: hay, at: start) { return index }
            }
        }
        for index in shortNeedles where hay[start] == needles[index].bytes[0] && stands(needles[index], in: hay, at: start) {
            return index
        }
        return nil
    }

    /// `text` with every standing value replaced by its replacement.
    func replace(in text: String) -> String {
        guard !needles.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var changed = false
        bytes.withUnsafeBufferPointer { hay in
            var i = 0
            while i < hay.count {
                if let index = match(in: hay, at: i) {
                    if !changed {
                        out.reserveCapacity(hay.count + 16)
                        out.append(contentsOf: hay[0..<i])
                        changed = true
                    }
                    out.append(contentsOf: needles[index].replacement)
                    i += needles[index].bytes.count
                } else {
                    if changed { out.append(hay[i]) }
                    i += 1
                }
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    /// The first standing value in `bytes`: its tag and byte offset.
    func firstHit(in bytes: [UInt8]) -> (tag: Int, offset: Int)? {
        guard !needles.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { hay -> (Int, Int)? in
            for i in 0..<hay.count {
                if let index = match(in: hay, at: i) { return (needles[index].tag, i) }
            }
            return nil
        }
    }
}
