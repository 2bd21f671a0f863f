import Testing
@testable import VitallyKit

/// Our SHA-256 against the FIPS 180-4 examples (NIST's "SHA256.pdf" and the one-million-'a'
/// vector) and HMAC-SHA256 against RFC 4231: scrubbed pseudonyms must be the same on every machine.
@Suite struct SHA256Tests {
    func digest(_ text: String) -> String { SHA256.hex(SHA256.hash(Array(text.utf8))) }

    @Test func oneBlockMessage() {
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func twoBlockMessageOf448Bits() {
        #expect(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func oneMillionAs() {
        #expect(SHA256.hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func emptyMessageAndPaddingBoundaries() {
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // 55 bytes fit one block with the length; 56 need a second.
        #expect(digest(String(repeating: "a", count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(digest(String(repeating: "a", count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    }

    @Test func hmacMatchesRFC4231() {
        // Test case 2: a short key.
        #expect(SHA256.hex(SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // Test case 6: a key longer than the block is hashed first.
        let key = [UInt8](repeating: 0xaa, count: 131)
        #expect(SHA256.hex(SHA256.hmac(key: key, message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// The key's padded blocks are taken in once: every message length around the block edges,
    /// under keys shorter than, as long as and longer than a block, gives HMAC as RFC 2104 writes it.
    @Test func aKeyTakenInOnceGivesTheHMACOfItsDefinition() {
        for keyLength in [0, 1, 20, 63, 64, 65, 200] {
            let key = (0..<keyLength).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
            let prepared = SHA256.Key(key)
            var block = key.count > 64 ? SHA256.hash(key) : key
            block += [UInt8](repeating: 0, count: 64 - block.count)
            for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 300] {
                let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ keyLength) }
                let defined = SHA256.hash(block.map { $0 ^ 0x5c } + SHA256.hash(block.map { $0 ^ 0x36 } + message))
                #expect(prepared.mac(message) == defined, "key \(keyLength), message \(length)")
            }
        }
        #expect(SHA256.hex([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
    }
}
