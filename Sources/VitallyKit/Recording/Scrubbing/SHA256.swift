/// SHA-256 and HMAC-SHA256 (FIPS 180-4, RFC 2104), for salted pseudonyms that are stable across
/// runs and machines (Swift's `Hasher` is seeded per process) and not reversible without the salt.
enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The eight working words after some whole 64-byte blocks, and how many bytes those were.
    struct State: Sendable {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        var length = 0

        /// Takes in one 64-byte block at `block` (the message schedule lives on the stack).
        mutating func compress(_ block: UnsafePointer<UInt8>) {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                for i in 0..<16 {
                    let b = block + i * 4
                    w[i] = UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
                }
                for i in 16..<64 {
                    let s0 = SHA256.rotr(w[i - 15], 7) ^ SHA256.rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                    let s1 = SHA256.rotr(w[i - 2], 17) ^ SHA256.rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var (a, b, c, d, e, f, g, hh) = h
                SHA256.k.withUnsafeBufferPointer { k in
                    for i in 0..<64 {
                        let s1 = SHA256.rotr(e, 6) ^ SHA256.rotr(e, 11) ^ SHA256.rotr(e, 25)
                        let ch = (e & f) ^ (~e & g)
                        let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                        let s0 = SHA256.rotr(a, 2) ^ SHA256.rotr(a, 13) ^ SHA256.rotr(a, 22)
                        let maj = (a & b) ^ (a & c) ^ (b & c)
                        let t2 = s0 &+ maj
                        (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                    }
                }
                h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
            }
            length += 64
        }

        /// The digest of what was taken in followed by `message`, padded as FIPS 180-4 says.
        func finish(_ message: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            var state = self
            var offset = 0
            while message.count - offset >= 64 {
                state.compress(message.baseAddress! + offset)
                offset += 64
            }
            let rest = message.count - offset
            let bitLength = UInt64(state.length + rest) &* 8
            // The rest, 0x80, zeros and the length: one block, or two when the rest is 56 bytes or more.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                let blocks = rest < 56 ? 1 : 2
                tail.initialize(repeating: 0)
                for i in 0..<rest { tail[i] = message[offset + i] }
                tail[rest] = 0x80
                for i in 0..<8 { tail[blocks * 64 - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(i * 8)) }
                for b in 0..<blocks { state.compress(UnsafePointer(tail.baseAddress! + b * 64)) }
            }
            // The eight words, big-endian (a tuple of one type is laid out as an array).
            let h = state.h
            let words = (h.0.bigEndian, h.1.bigEndian, h.2.bigEndian, h.3.bigEndian, h.4.bigEndian, h.5.bigEndian, h.6.bigEndian, h.7.bigEndian)
            return withUnsafeBytes(of: words) { Array($0) }
        }
    }

    static func hash(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBufferPointer { State().finish($0) }
    }

    /// HMAC-SHA256 under one key, its padded key blocks taken in once: each message then costs
    /// the compressions of its own bytes and of the inner digest, not of the two key blocks again.
    struct Key: Sendable {
        private let inner: State
        private let outer: State

        init(_ key: [UInt8]) {
            var block = key.count > 64 ? SHA256.hash(key) : key
            block += [UInt8](repeating: 0, count: 64 - block.count)
            var inner = State(), outer = State()
            (block.map { $0 ^ 0x36 }).withUnsafeBufferPointer { inner.compress($0.baseAddress!) }
            (block.map { $0 ^ 0x5c }).withUnsafeBufferPointer { outer.compress($0.baseAddress!) }
            self.inner = inner
            self.outer = outer
        }

        func mac(_ message: [UInt8]) -> [UInt8] {
            let digest = message.withUnsafeBufferPointer { inner.finish($0) }
            return digest.withUnsafeBufferPointer { outer.finish($0) }
        }
    }

    static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] { Key(key).mac(message) }

    static func hex(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (i, byte) in bytes.enumerated() {
                out[2 * i] = hexDigits[Int(byte >> 4)]
                out[2 * i + 1] = hexDigits[Int(byte & 15)]
            }
            return bytes.count * 2
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    fileprivate static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
