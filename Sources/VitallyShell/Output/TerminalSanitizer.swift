/// Makes text safe to write to a terminal: control characters and escape sequences from data
/// (`ESC]0;title BEL`, `ESC]52;c;…` clipboard writes, `ESC[2J`) are shown as visible escapes
/// (`\e]0;title\a`) instead of acting, and so are bidirectional overrides (`\u{202e}`), which
/// would reorder what is shown. Newlines and tabs stay; so do colour sequences (`ESC[…m`) when
/// asked, which is how our own colours get through once the data in the text was made visible.
package enum TerminalSanitizer {
    /// `text` with every control character but `\n` and `\t` made visible.
    package static func visible(_ text: String, keepingColours: Bool = false) -> String {
        guard needsWork(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\u{1B}", keepingColours, let end = colourSequenceEnd(scalars, from: i) {
                out.unicodeScalars.append(contentsOf: scalars[i...end])
                i = end + 1
                continue
            }
            switch s.value {
            case 0x0A, 0x09: out.unicodeScalars.append(s)
            case 0x1B: out += "\\e"
            case 0x07: out += "\\a"
            case 0x08: out += "\\b"
            case 0x0D: out += "\\r"
            case 0x00: out += "\\0"
            case 0..<0x20, 0x7F: out += "\\x" + hex(s.value, digits: 2)
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: out += "\\u{" + hex(s.value, digits: 2) + "}"
            default: out.unicodeScalars.append(s)
            }
            i += 1
        }
        return out
    }

    /// Whether any byte could act on a terminal: C0 controls but `\n`/`\t`, DEL, C1 (UTF-8 `C2 80`-`C2 9F`),
    /// or a bidirectional override (U+202A-U+202E `E2 80 AA`-`AE`, U+2066-U+2069 `E2 81 A6`-`A9`).
    static func needsWork(_ text: String) -> Bool {
        var (twoBack, previous): (UInt8, UInt8) = (0, 0)
        for b in text.utf8 {
            if b < 0x20, b != 0x0A, b != 0x09 { return true }
            if b == 0x7F || (previous == 0xC2 && b >= 0x80 && b <= 0x9F) { return true }
            if twoBack == 0xE2, (previous == 0x80 && (0xAA...0xAE).contains(b)) || (previous == 0x81 && (0xA6...0xA9).contains(b)) {
                return true
            }
            (twoBack, previous) = (previous, b)
        }
        return false
    }

    /// The index of the `m` closing `ESC[` digits and `;` `m` at `start`, if that is what is there.
    static func colourSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start + 1
        guard i < scalars.count, scalars[i] == "[" else { return nil }
        i += 1
        while i < scalars.count, i - start < 24 {
            let s = scalars[i]
            if s == "m" { return i }
            guard ("0"..."9").contains(s) || s == ";" else { return nil }
            i += 1
        }
        return nil
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
