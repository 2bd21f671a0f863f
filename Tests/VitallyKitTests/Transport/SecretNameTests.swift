import Testing

@testable import VitallyKit

/// `Redactor.isSecretName` decides ASCII names byte by byte; the rule by characters is the reference.
@Suite struct SecretNameTests {
    @Test(arguments: [
        ("Authorization", true), ("SET-COOKIE", true), ("x-api-key", true), ("apikey", true), ("X-Amz-Security-Token", true),
        ("sig", true), ("client_secret", true), ("keyboard", false), ("Content-Type", false), ("monkeys", false), ("", false),
        ("x_auth_2", true), ("tokenizer", false), ("passwd1", true),
    ])
    func namesAreDecidedAsTheRuleSays(name: String, secret: Bool) {
        #expect(Redactor.isSecretName(name) == secret)
        #expect(Redactor.isSecretNameByCharacters(name) == secret)
    }

    /// Random names built from the secret words, letters, digits and separators in every case.
    @Test func theByteRuleAgreesWithTheCharacterRuleOnRandomNames() {
        var random = SplitMix(seed: 21)
        let parts = Redactor.secretWords + ["x", "api", "amz", "Cookie", "authorization", "a", "ey", "-", "_", ".", " ", "1", "\r\n", "\t", "é"]
        for _ in 0..<20_000 {
            var name = (0..<Int.random(in: 1...5, using: &random)).map { _ in parts.randomElement(using: &random)! }.joined()
            if Bool.random(using: &random) { name = name.uppercased() }
            #expect(Redactor.isSecretName(name) == Redactor.isSecretNameByCharacters(name), "\(name.debugDescription)")
        }
    }
}
