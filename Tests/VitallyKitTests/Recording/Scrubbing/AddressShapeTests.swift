import Testing

@testable import VitallyKit

/// `ScrubSafeList.isIPv6` reads ASCII byte by byte; the rule by characters is the reference.
@Suite struct AddressShapeTests {
    @Test(arguments: [
        ("fe80::1", true), ("::1", true), ("2001:db8:0:0:0:0:2:1", true), ("::ffff:10.1.2.3", true), ("1:2", false),
        ("a:b:c", false), ("12:30:45", false), ("::g", false), ("", false), ("2001:db8::1 ", false),
        (String(repeating: "a", count: 40) + "::1234", false), ("\u{FF21}::1", true),
    ])
    func addressesAreDecidedAsTheRuleSays(text: String, address: Bool) {
        #expect(ScrubSafeList.isIPv6(text) == address)
        #expect(ScrubSafeList.isIPv6ByCharacters(text) == address)
    }

    /// Random strings of hex digits, colons, dots, other letters, fullwidth digits and combining marks.
    @Test func theByteRuleAgreesWithTheCharacterRuleOnRandomText() {
        var random = SplitMix(seed: 6)
        let parts = ["0", "9", "a", "F", "f", ":", "::", ".", "g", "Z", " ", "-", "\u{FF11}", "\u{FF41}", "\u{0301}", "é", "1234", "ffff"]
        for _ in 0..<50_000 {
            let text = (0..<Int.random(in: 1...24, using: &random)).map { _ in parts.randomElement(using: &random)! }.joined()
            #expect(ScrubSafeList.isIPv6(text) == ScrubSafeList.isIPv6ByCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test(arguments: [
        ("+1 (555) 123-4567", true), ("555.123.4567", true), ("123456", false), ("1234567890123456", false), ("call 5551234567", false),
        ("12 34 56 78", true), ("", false),
    ])
    func phonesAreDigitsInAPhoneLayout(text: String, phone: Bool) {
        #expect(ScrubSafeList.isPhoneShaped(text) == phone)
    }
}
