import CEditLine
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The keys libedit reads, one character at a time. An arrow key arrives as ESC [ C; during a
/// Ctrl-R search libedit ends the search on the ESC and then inserts "[C" as text. Here an arrow
/// during a search becomes one key that ends it as bash does: right or left accepts the match
/// (^E, ^B), up or down accepts it and moves through history (^P, ^N).
final class KeyReader {
    /// Characters read ahead and not yet handed to libedit.
    private var pending: [Int32] = []
    /// Whether a Ctrl-R search is under way (it ends on the first key that is not part of it).
    private var searching = false

    static let escape: Int32 = 0x1B, ctrlR: Int32 = 0x12

    /// The next character for libedit: 1 with `out` set, 0 at end of input, -1 on error.
    func next(_ out: UnsafeMutablePointer<wchar_t>) -> Int32 {
        if !pending.isEmpty {
            out.pointee = wchar_t(pending.removeFirst())
            return 1
        }
        guard var ch = readChar() else { return 0 }
        if ch < 0 { return -1 }
        if searching, ch == Self.escape {
            let tail = readAhead()
            if let key = Self.searchKey(tail) {
                ch = key
            } else {
                pending = tail.map(Int32.init)
            }
        }
        track(ch)
        out.pointee = wchar_t(ch)
        return 1
    }

    /// The key an arrow's tail (`[C`, `OC`, ...) stands for during a search, or nil for any other sequence.
    static func searchKey(_ tail: [UInt8]) -> Int32? {
        guard tail.count == 2, tail[0] == UInt8(ascii: "[") || tail[0] == UInt8(ascii: "O") else { return nil }
        switch tail[1] {
        case UInt8(ascii: "C"): return 0x05  // ^E: end the search, cursor to the end of the match
        case UInt8(ascii: "D"): return 0x02  // ^B: end the search, cursor one left
        case UInt8(ascii: "A"): return 0x10  // ^P: end the search, previous history line
        case UInt8(ascii: "B"): return 0x0E  // ^N: end the search, next history line
        default: return nil
        }
    }

    /// Follows whether a search is under way: Ctrl-R starts it; text, Ctrl-R/S, backspace and ^W continue it.
    private func track(_ ch: Int32) {
        if ch == Self.ctrlR {
            searching = true
        } else if searching {
            let continues = ch >= 0x20 && ch != 0x7F || ch == 0x13 || ch == 0x08 || ch == 0x7F || ch == 0x17
            if !continues { searching = false }
        }
    }

    /// Up to two bytes that follow an ESC within 50 ms (a terminal sends an arrow's bytes together).
    private func readAhead() -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < 2 {
            var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0, let byte = readByte() else { break }
            bytes.append(byte)
        }
        return bytes
    }

    /// One character from the terminal, decoded from UTF-8; nil at end of input, -1 on error.
    private func readChar() -> Int32? {
        guard let first = readByte() else { return nil }
        let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
        guard length > 1 else { return Int32(first) }
        var scalar = UInt32(first) & (0xFF >> (length + 1))
        for _ in 1..<length {
            guard let byte = readByte(), byte & 0xC0 == 0x80 else { return 0xFFFD }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        return Int32(bitPattern: scalar)
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = read(STDIN_FILENO, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }
}
