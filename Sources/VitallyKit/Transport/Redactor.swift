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
    public static func forms(of token: String) -> [String] { SecretForms.of(token) }

    /// Header names whose value is always a secret.
    static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]
    static let secretWords = ["token", "key", "secret", "password", "passwd", "auth", "session", "signature", "sig"]

    /// Whether a header or parameter name looks like it carries a credential.
    static func isSecretName(_ name: String) -> Bool {
        let lower = name.lowercased()
        if secretHeaders.contains(lower) { return true }
        let words = lower.split { !$0.isLetter }.map(String.init)
        return secretWords.contains { word in words.contains(word) || lower.hasSuffix(word) }
    }

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
    public func leaks(in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { hay in secrets.contains { Redactor.occurs($0, in: hay) } }
    }

    /// Replaces every secret (longest form first) and hides URL userinfo. Texts are scanned as
    /// bytes, and rebuilt only where a secret occurs: a 150 KB body usually holds none.
    public static func scrub(_ s: String, secrets: [String]) -> String {
        var out = s
        for secret in secrets where !secret.isEmpty {
            var text = out
            guard text.withUTF8({ occurs(secret, in: $0) }) else { continue }
            out = out.replacingOccurrences(of: secret, with: placeholder)
        }
        return hidingUserinfo(out)
    }

    /// Whether the UTF-8 of `needle` occurs in `hay`.
    static func occurs(_ needle: String, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        var needle = needle
        return needle.withUTF8 { needle in
            guard let hayBase = hay.baseAddress, let needleBase = needle.baseAddress, needle.count <= hay.count
            else { return needle.isEmpty }
            // memchr finds each candidate first byte at memory speed; memcmp checks the rest.
            var start = UnsafeRawPointer(hayBase)
            var remaining = hay.count
            while remaining >= needle.count {
                guard let found = memchr(start, Int32(needleBase[0]), remaining - needle.count + 1) else { return false }
                if memcmp(found, needleBase, needle.count) == 0 { return true }
                let skipped = UnsafeRawPointer(found) - start + 1
                start += skipped
                remaining -= skipped
            }
            return false
        }
    }
}
