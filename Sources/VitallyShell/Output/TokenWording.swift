import Foundation
import VitallyKit

/// How `status`, `profiles` and `doctor` speak of a token: where it comes from, how old it is, and
/// when to rotate it. Never the token itself.
enum TokenWording {
    /// `12 days`, `1 day`.
    static func age(_ age: TokenAge) -> String { "\(age.days) day\(age.days == 1 ? "" : "s")" }

    /// Where a session's token comes from, with its age when it is saved (`profile`: the profile it is saved in).
    static func source(_ token: TokenFacts, profile: String?) -> String {
        switch token.origin {
        case .command: return "from the command '\((token.command ?? "").prefix(60))' (not stored)"
        case .environment: return "from VITALLY_TOKEN (not stored)"
        case .recording: return "none needed (recording)"
        case .memory, .none: return "in memory only (not saved)"
        case .saved:
            guard let age = token.age else { return "in memory only (not saved)" }
            return "saved in profile '\(profile ?? "?")', " + (age.days == 0 ? "today" : "\(self.age(age)) ago")
        }
    }

    /// A saved profile's token source in a few words, for the `profiles` table.
    static func tableSource(_ token: TokenFacts) -> String {
        switch token.origin {
        case .command: return "command: \((token.command ?? "").prefix(40))"
        case .none: return "none saved"
        default: return "saved"
        }
    }

    /// The one-line reminder for a token at least `TokenAge.rotationDays` old; nil for a younger one.
    static func reminder(_ age: TokenAge?, profile: String?) -> String? {
        guard let age, age.needsRotation else { return nil }
        let reconnect = profile.map { "'connect --profile \($0)'" } ?? "'connect'"
        return "this token was saved \(age.days) days ago: rotate it (Vitally: \(ErrorAdvice.tokenPlace), roll or create a key), "
            + "then run \(reconnect) with the new one"
    }

    /// `3 days ago`, `today`, `never`.
    static func lastUsed(_ date: Date?, now: Date) -> String {
        guard let date else { return "never" }
        let days = Int((now.timeIntervalSince(date) / 86_400).rounded(.down))
        return days <= 0 ? "today" : days == 1 ? "yesterday" : "\(days) days ago"
    }
}
