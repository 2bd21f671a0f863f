import Foundation
import VitallyKit

/// Removes secrets from a typed line before it is stored in the history or redrawn on screen:
/// the value of every flag declared `secret` (`--token`, `--salt`) in any spacing, quoting or
/// case, `--token=…`, a mistyped secret flag within two edits (`--sal VALUE`), `VITALLY_TOKEN=…`,
/// a URL's `user:password@`, a token pasted at the prompt by mistake (`sk_live_…`, `Bearer …`,
/// `Authorization: Basic …`), and every form of the session's known secrets anywhere.
package enum LineRedactor {
    static let placeholder = Redactor.placeholder
    /// Flags whose value is a secret, from the command descriptors: the token, and a scrub's salt
    /// (it lets pseudonyms be recomputed).
    static let secretFlags: [String] = CommandCatalog.secretFlagNames
    /// Every declared flag: a word that is one is never taken for a mistyped secret flag.
    static let knownFlags: Set<String> = Set(CommandCatalog.flags.map(\.name))
    static let assignmentPrefixes = ["vitally_token="]
    /// Vitally's token prefixes: a word that starts with one is a token pasted at the wrong prompt.
    static let tokenPrefixes = ["sk_live_", "sk_test_"]
    /// Authorization schemes: the long word after one (`Bearer sk_…`, `Basic c2tf…`) is a credential.
    static let authorizationSchemes: Set<String> = ["bearer", "basic"]

    /// The line with secrets replaced by `REDACTED`; unchanged when it holds none.
    package static func redact(_ line: String, secrets: [String] = []) -> String {
        var characters = Array(line)
        var replacements: [(Range<Int>, String)] = []
        for command in ShellWords.tokens(characters, comments: false).commands {
            var index = 0
            while index < command.count {
                let word = command[index]
                index += 1
                let lower = word.text.lowercased()
                if let prefix = assignmentPrefixes.first(where: { lower.hasPrefix($0) }) {
                    replacements.append((word.range, String(word.text.prefix(prefix.count)) + placeholder))
                    continue
                }
                if tokenPrefixes.contains(where: { lower.hasPrefix($0) && lower.count > $0.count + 3 }) {
                    replacements.append((word.range, placeholder))
                    continue
                }
                if authorizationSchemes.contains(lower), index < command.count, command[index].text.count >= 16 {
                    replacements.append((command[index].range, placeholder))
                    index += 1
                    continue
                }
                guard lower.hasPrefix("--") else { continue }
                let name = String(lower.prefix { $0 != "=" })
                guard isSecret(name) else { continue }
                if name.count < lower.count {  // --salt=VALUE
                    replacements.append((word.range, String(word.text.prefix(name.count + 1)) + placeholder))
                } else if index < command.count {
                    replacements.append((command[index].range, placeholder))
                    index += 1
                }
            }
        }
        for (range, text) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            characters.replaceSubrange(range, with: Array(text))
        }
        let flagged = String(characters)
        return redactUserinfo(Redactor.scrub(flagged, secrets: secrets.filter { $0.count >= 4 }))
    }

    /// A secret flag, or a word no command declares within two edits of one (`--sal`, `--tokne`).
    static func isSecret(_ name: String) -> Bool {
        if secretFlags.contains(name) { return true }
        guard !knownFlags.contains(name) else { return false }
        return secretFlags.contains { Suggest.distance(name, $0) <= 2 }
    }

    /// `https://u:pass@host` -> `https://REDACTED@host`.
    package static func redactUserinfo(_ text: String) -> String { Redactor.hidingUserinfo(text) }
}
