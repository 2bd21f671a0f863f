import Foundation

/// Reduces what people paste as the token to the secret itself. Vitally's UI offers both the
/// Secret Token and a ready-made "Basic Auth Header" (`Basic base64(TOKEN:)`); either, with or
/// without the `Basic ` prefix, quotes or surrounding whitespace, yields the secret.
package enum TokenInput {
    /// Something done to the pasted text, so the user can be told.
    package enum Change: Sendable, Equatable {
        /// Leading or trailing whitespace or quotes were removed.
        case stripped
        /// It was a `Basic …` header: the secret was decoded from it.
        case decodedBasicHeader
        /// It was base64 of `TOKEN:` without the `Basic ` prefix: the secret was decoded from it.
        case decodedBase64
        /// It was a shell assignment (`VITALLY_TOKEN=…`, `export VITALLY_TOKEN=…`): its value was kept.
        case removedVariableName
        /// It was a `Bearer …` header, which Vitally does not take: the token after it was kept.
        case removedBearer
    }

    /// The secret and what was done to get it.
    package struct Parsed: Sendable, Equatable {
        package var token: String
        package var changes: [Change]
    }

    /// The secret in `input`; `source` names where it came from in an error (`VITALLY_TOKEN`,
    /// `the token command's output`). A token holding a control character is refused.
    package static func parse(_ input: String, from source: String = "the token") throws(VitallyError) -> Parsed {
        let parsed = try decode(input)
        try refuseControlCharacters(in: parsed.token, from: source)
        return parsed
    }

    /// Refuses a token with a control or invisible format character inside (a colour escape from a
    /// command, a tab, a zero-width space): Vitally would answer it with a bare 401. Names the
    /// character's code, never the token.
    package static func refuseControlCharacters(in token: String, from source: String) throws(VitallyError) {
        guard let bad = token.unicodeScalars.first(where: { [.control, .format].contains($0.properties.generalCategory) }) else { return }
        let code = String(bad.value, radix: 16, uppercase: true)
        throw VitallyError(
            .invalidInput,
            cause: "\(source) holds a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)) inside the token; "
                + "a token is plain printable text: give it alone, without colours or escapes")
    }

    static func decode(_ input: String) throws(VitallyError) -> Parsed {
        var changes: [Change] = []
        var text = strip(input)
        if text != input { changes.append(.stripped) }
        for prefix in ["export vitally_token=", "vitally_token="] where text.lowercased().hasPrefix(prefix) {
            text = strip(String(text.dropFirst(prefix.count)))
            changes.append(.removedVariableName)
            break
        }
        if text.lowercased().hasPrefix("authorization:") {
            text = strip(String(text.dropFirst("authorization:".count)))
        }
        if text.lowercased().hasPrefix("bearer ") {
            text = strip(String(text.dropFirst("bearer ".count)))
            changes.append(.removedBearer)
        }
        if text.lowercased().hasPrefix("basic ") {
            let encoded = strip(String(text.dropFirst(6)))
            guard let secret = secret(fromBase64: encoded) else {
                throw VitallyError(
                    .invalidInput,
                    cause: "the pasted 'Basic …' value does not decode to a token; paste the Secret Token itself "
                        + "(Settings > Operations > Integrations > Vitally REST API)")
            }
            return Parsed(token: secret, changes: changes + [.decodedBasicHeader])
        }
        guard !text.isEmpty else { throw VitallyError(.invalidInput, cause: "the token is empty") }
        if let secret = secret(fromBase64: text) { return Parsed(token: secret, changes: changes + [.decodedBase64]) }
        return Parsed(token: text, changes: changes)
    }

    /// The user name of `base64(user:)`, when the text is exactly that and the user looks like a key.
    static func secret(fromBase64 text: String) -> String? {
        guard text.count >= 8, let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8),
            decoded.hasSuffix(":")
        else { return nil }
        let user = String(decoded.dropLast())
        guard !user.isEmpty, !user.contains(":"), user.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline && $0.asciiValue.map { $0 >= 33 && $0 < 127 } == true })
        else { return nil }
        return user
    }

    package static func strip(_ text: String) -> String {
        text.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'`“”‘’")))
    }
}

extension TokenInput.Change: CustomStringConvertible {
    package var description: String {
        switch self {
        case .stripped: return "removed surrounding spaces or quotes from the token"
        case .decodedBasicHeader: return "that was the Basic Auth Header: using the secret token decoded from it"
        case .decodedBase64: return "that was base64 of 'TOKEN:': using the secret token decoded from it"
        case .removedVariableName: return "that was a 'VITALLY_TOKEN=…' assignment: using the value after '='"
        case .removedBearer:
            return "Vitally does not take 'Bearer' tokens (it uses Basic auth with the token as user name): using the token after 'Bearer'"
        }
    }
}
