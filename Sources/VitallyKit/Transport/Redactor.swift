import Foundation

/// Replaces secrets with `REDACTED` in headers, query parameters, URLs and bodies.
public struct Redactor: Sendable {
    public static let placeholder = "REDACTED"
    /// Literal secret values (the token, its Basic form) to scrub wherever they appear.
    public var secrets: [String]

    public init(token: String?) {
        secrets = token.map(Redactor.forms(of:)) ?? []
    }

    public init(secrets: [String]) { self.secrets = secrets.filter { $0.count >= 4 } }

    /// The token and every encoded form of it that could be written somewhere.
    package static func forms(of token: String) -> [String] { SecretForms.of(token) }

    /// Header names whose value is always a secret.
    static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]
    static let secretWords = ["token", "key", "secret", "password", "passwd", "auth", "session", "signature", "sig"]

    /// Whether a header or parameter name looks like it carries a credential.
    static func isSecretName(_ name: String) -> Bool {
        // Header and parameter names are ASCII: decided on their bytes (the Unicode rule below
        // was a twentieth of a scrub, which asks it of every header and query item).
        if let ascii = name.utf8.withContiguousStorageIfAvailable(isSecretASCIIName), let decided = ascii { return decided }
        return isSecretNameByCharacters(name)
    }

    /// `isSecretName` by characters: the rule, for any text.
    static func isSecretNameByCharacters(_ name: String) -> Bool {
        let lower = name.lowercased()
        if secretHeaders.contains(lower) { return true }
        let words = lower.split { !$0.isLetter }.map(String.init)
        return secretWords.contains { word in words.contains(word) || lower.hasSuffix(word) }
    }

    /// `isSecretName` of ASCII bytes (nil for any other text): the same rule, byte by byte.
    private static func isSecretASCIIName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func lowered(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
        func equal(_ range: Range<Int>, _ word: [UInt8]) -> Bool {
            range.count == word.count && zip(range, word).allSatisfy { lowered(bytes[$0]) == $1 }
        }
        if secretHeaderBytes.contains(where: { equal(0..<bytes.count, $0) }) { return true }
        // The words are the runs of letters; a secret word may also end the name (`apikey`).
        var start = 0
        for i in 0...bytes.count where i == bytes.count || lowered(bytes[i]) &- 0x61 >= 26 {
            if i > start, secretWordBytes.contains(where: { equal(start..<i, $0) }) { return true }
            start = i + 1
        }
        return secretWordBytes.contains { $0.count <= bytes.count && equal(bytes.count - $0.count..<bytes.count, $0) }
    }

    private static let secretHeaderBytes = secretHeaders.map { Array($0.utf8) }
    private static let secretWordBytes = secretWords.map { Array($0.utf8) }

    public func header(_ header: HTTPHeader) -> HTTPHeader {
        if Redactor.isSecretName(header.name) { return HTTPHeader(header.name, Redactor.placeholder) }
        return HTTPHeader(header.name, text(header.value))
    }

    public func query(_ item: QueryItem) -> QueryItem {
        if Redactor.isSecretName(item.name) { return QueryItem(item.name, Redactor.placeholder) }
        return QueryItem(item.name, text(item.value))
    }

    public func text(_ s: String) -> String { Redactor.scrub(s, secrets: secrets) }

    /// Whether any secret value still occurs in `bytes`.
    package func leaks(in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { hay in secrets.contains { ByteSearch.occurs($0, in: hay) } }
    }

    /// Replaces every secret (longest form first) and hides URL userinfo. Texts are scanned as
    /// bytes, and rebuilt only where a secret occurs: a 150 KB body usually holds none. A secret
    /// is replaced wherever its bytes are, even when a combining mark follows it; a non-ASCII one
    /// is also looked for as characters, so another Unicode normal form of it goes too.
    package static func scrub(_ s: String, secrets: [String]) -> String {
        var out = s
        for secret in secrets where !secret.isEmpty {
            if out.containsBytes(of: secret) { out = out.replacingBytes(of: secret, with: placeholder) }
            if !secret.isASCIIText, out.contains(secret) {
                out = out.replacingOccurrences(of: secret, with: placeholder)
            }
        }
        return hidingUserinfo(out)
    }
}
