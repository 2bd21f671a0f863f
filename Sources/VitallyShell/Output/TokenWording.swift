import Foundation
import VitallyKit

/// How `status`, `profiles` and `doctor` speak of a token: where it comes from, how old it is, and
/// when to rotate it. Never the token itself.
enum TokenWording {
    /// `12 days`, `1 day`.
    static func age(_ age: TokenAge) -> String { "\(age.days) day\(age.days == 1 ? "" : "s")" }

    /// Where the token of these credentials comes from, with its age when it is saved.
    static func source(_ credentials: Credentials, now: Date) -> String {
        if let command = credentials.tokenCommand { return "from the command '\(Profile.shownCommand(command).prefix(60))' (not stored)" }
        switch credentials.source {
        case .environment: return "from VITALLY_TOKEN (not stored)"
        case .recording: return "none needed (recording)"
        case .command, .profile:
            guard let age = TokenAge(savedAt: credentials.tokenSavedAt, now: now) else { return "in memory only (not saved)" }
            return "saved in profile '\(credentials.profile ?? "?")', " + (age.days == 0 ? "today" : "\(self.age(age)) ago")
        }
    }

    /// A profile's token source in a few words, for the `profiles` table.
    static func source(_ profile: Profile) -> String {
        profile.tokenCommand.map { "command: \(Profile.shownCommand($0).prefix(40))" } ?? (profile.tokenSavedAt == nil ? "none saved" : "saved")
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
