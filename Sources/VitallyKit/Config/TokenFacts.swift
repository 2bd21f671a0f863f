import Foundation

/// Where a session's or a saved profile's token comes from, as a fact (the shell words it).
package enum TokenOrigin: String, Sendable, Equatable, Encodable {
    /// In the credentials file, saved at a known time.
    case saved
    /// Printed by the profile's token command when connecting; never stored.
    case command
    /// `VITALLY_TOKEN`.
    case environment
    /// None needed: the answers come from a recording.
    case recording
    /// Typed this session and not saved (`--no-save`, no config folder, or saving failed).
    case memory
    /// A saved profile with neither a saved token nor a command.
    case none
}

/// A token described without the token: where it comes from, its command, and how old it is.
package struct TokenFacts: Sendable, Equatable {
    package var origin: TokenOrigin
    /// The token command's program only (`curl …`): its arguments may hold a secret.
    package var command: String?
    /// Nil when the save time is unknown (a command's, the environment's, or one in memory).
    package var age: TokenAge?

    package init(origin: TokenOrigin, command: String? = nil, age: TokenAge? = nil) {
        self.origin = origin
        self.command = command
        self.age = age
    }

    /// The token of the session's credentials.
    package init(_ credentials: Credentials, now: Date) {
        age = TokenAge(savedAt: credentials.tokenSavedAt, now: now)
        command = credentials.tokenCommand.map(Profile.shownCommand)
        if command != nil {
            origin = .command
        } else {
            switch credentials.source {
            case .environment: origin = .environment
            case .recording: origin = .recording
            case .command, .profile: origin = age == nil ? .memory : .saved
            }
        }
    }

    /// The token of a saved profile (a command's token has no age: it is never stored).
    package init(_ profile: Profile, now: Date) {
        command = profile.tokenCommand.map(Profile.shownCommand)
        age = command == nil ? TokenAge(savedAt: profile.tokenSavedAt, now: now) : nil
        origin = command != nil ? .command : profile.tokenSavedAt == nil ? .none : .saved
    }

    /// Old enough to rotate.
    package var needsRotation: Bool { age?.needsRotation == true }
}
