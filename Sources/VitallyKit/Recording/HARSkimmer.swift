/// Finds where a HAR's parts start and end without building them, so the reader can parse one
/// entry at a time (memory stays near the file's size) and keep the entries before a torn tail.
/// It checks only the outline (`{"log":{…,"entries":[…]}}`); the reader parses each entry strictly
/// where it starts, and the skimmer steps over only those that fail.
struct HARSkimmer {
    /// Where the outline ends early (a cut file) or breaks.
    enum Failure: Error {
        case truncated
        case invalid(offset: Int)
    }

    /// The byte ranges of the parts the reader uses.
    struct Outline {
        var entryCount = 0
        var creator: Range<Int>?
        var metadata: Range<Int>?
        var hasLog = false
        var hasEntries = false
        /// The file ends inside `log.entries` or after it: a recording cut short.
        var tornTail = false
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    /// The outline of the document. Each entry goes to `parse` as soon as it is found (so the
    /// caller reads it while its bytes are fresh and lets them go), which returns where it ended,
    /// or nil when it is not valid JSON: `malformed` then gets its range, found by its brackets.
    mutating func outline(
        parse: (Int) -> Int?, malformed: (Range<Int>) -> Void
    ) throws(Failure) -> Outline {
        var outline = Outline()
        do throws(Failure) {
            try object { skimmer, key throws(Failure) in
                if key == "log" {
                    outline.hasLog = true
                    try skimmer.log(into: &outline, parse: parse, malformed: malformed)
                } else {
                    _ = try skimmer.value()
                }
            }
            skipWhitespace()
            if index < bytes.count { throw Failure.invalid(offset: index) }
        } catch .truncated where outline.hasEntries {
            outline.tornTail = true
        }
        return outline
    }

    private mutating func log(
        into outline: inout Outline, parse: (Int) -> Int?, malformed: (Range<Int>) -> Void
    ) throws(Failure) {
        try object { skimmer, key throws(Failure) in
            switch key {
            case "entries":
                outline.hasEntries = true
                try skimmer.array { skimmer throws(Failure) in
                    let start = skimmer.index
                    if let end = parse(start) {
                        skimmer.index = end
                    } else {
                        malformed(try skimmer.value())
                    }
                    outline.entryCount += 1
                }
            case "creator": outline.creator = try skimmer.value()
            case "_vitallyShell": outline.metadata = try skimmer.value()
            default: _ = try skimmer.value()
            }
        }
    }

    /// Whether only whitespace lies between `offset` and the next `,`, `]` or the end of the bytes:
    /// an entry parsed up to `offset` is the whole element (`123abc` is not). A number or literal
    /// that runs to the very end of the bytes may itself be cut short, so it does not count.
    static func endsElement(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var skimmer = HARSkimmer(bytes)
        skimmer.index = offset
        skimmer.skipWhitespace()
        guard skimmer.index < bytes.count else {
            return skimmer.index > offset || (offset > 0 && [0x7D, 0x5D, 0x22].contains(bytes[offset - 1]))
        }
        return bytes[skimmer.index] == 0x2C || bytes[skimmer.index] == 0x5D
    }

    /// Where the value that starts at `offset` ends, found by its brackets as `value()` finds it;
    /// nil when the bytes end first or it breaks.
    static func valueEnd(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        var skimmer = HARSkimmer(bytes)
        skimmer.index = offset
        return try? skimmer.value().upperBound
    }

    /// Walks an object's members: `member` gets each key and must consume its value.
    private mutating func object(_ member: (inout HARSkimmer, String) throws(Failure) -> Void) throws(Failure) {
        skipWhitespace()
        try expect(0x7B)
        skipWhitespace()
        if try peek() == 0x7D {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            let key = try string()
            skipWhitespace()
            try expect(0x3A)
            skipWhitespace()
            try member(&self, key)
            skipWhitespace()
            switch try peek() {
            case 0x2C: index += 1
            case 0x7D:
                index += 1
                return
            default: throw .invalid(offset: index)
            }
        }
    }

    /// Walks an array: `element` must consume each element.
    private mutating func array(_ element: (inout HARSkimmer) throws(Failure) -> Void) throws(Failure) {
        try expect(0x5B)
        skipWhitespace()
        if try peek() == 0x5D {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            _ = try peek()
            try element(&self)
            skipWhitespace()
            switch try peek() {
            case 0x2C: index += 1
            case 0x5D:
                index += 1
                return
            default: throw .invalid(offset: index)
            }
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func peek() throws(Failure) -> UInt8 {
        guard index < bytes.count else { throw .truncated }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard try peek() == byte else { throw .invalid(offset: index) }
        index += 1
    }

    /// A key, as raw text between its quotes (escapes kept: HAR keys have none).
    private mutating func string() throws(Failure) -> String {
        guard try peek() == 0x22 else { throw .invalid(offset: index) }
        let start = index + 1
        try skipString()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
    }

    private mutating func skipString() throws(Failure) {
        index += 1
        // To the next quote or backslash eight bytes at a time: a body is one long string.
        while true {
            index = ByteWord.nextQuoteOrBackslash(in: bytes, from: index, controls: false)
            guard index < bytes.count else { throw .truncated }
            if bytes[index] == 0x22 {
                index += 1
                return
            }
            index += 2
        }
    }

    /// Skips one value (any kind), returning its range.
    mutating func value() throws(Failure) -> Range<Int> {
        let start = index
        switch try peek() {
        case 0x22: try skipString()
        case 0x7B, 0x5B:
            var depth = 0
            repeat {
                guard index < bytes.count else { throw .truncated }
                switch bytes[index] {
                case 0x22:
                    try skipString()
                    continue
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D: depth -= 1
                default: break
                }
                index += 1
            } while depth > 0
        default:
            while index < bytes.count {
                switch bytes[index] {
                case 0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09: return start..<index
                default: index += 1
                }
            }
            throw .truncated
        }
        return start..<index
    }
}
