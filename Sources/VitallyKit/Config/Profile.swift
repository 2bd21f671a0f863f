import Foundation

/// A named tenant connection, as the profiles file keeps it: where requests go and where the
/// token comes from, never the token itself (that is in the separate credentials file).
package struct Profile: Sendable, Equatable {
    package var name: String
    package var subdomain: String?
    package var region: VitallyRegion
    package var baseURL: String?
    /// Run at connect time for the token (like the AWS CLI's `credential_process`); the token is then never stored.
    package var tokenCommand: String?
    /// When the saved token was first saved: its age is what rotation advice is about.
    package var tokenSavedAt: Date?
    package var lastUsed: Date?

    package init(name: String, subdomain: String?, region: VitallyRegion = .us, baseURL: String? = nil, tokenCommand: String? = nil,
                tokenSavedAt: Date? = nil, lastUsed: Date? = nil) {
        self.name = name
        self.subdomain = subdomain
        self.region = region
        self.baseURL = baseURL
        self.tokenCommand = tokenCommand
        self.tokenSavedAt = tokenSavedAt
        self.lastUsed = lastUsed
    }

    /// Credentials for this profile with `token`, which came from the credentials file or the command.
    package func credentials(token: String) -> Credentials {
        var credentials = Credentials(subdomain: subdomain, token: token, region: region, baseURL: baseURL, source: .profile)
        credentials.profile = name
        credentials.tokenCommand = tokenCommand
        credentials.tokenSavedAt = tokenCommand == nil ? tokenSavedAt : nil
        return credentials
    }

    /// The longest profile name.
    package static let nameLengthLimit = 64
    /// What a profile name may hold besides ASCII letters and digits (never first).
    package static let nameSymbols: [Character] = [".", "_", "-"]

    /// The rule `isValidName` checks, in words, made from the same values: errors quote it.
    package static var nameRule: String {
        "ASCII letters, digits, " + nameSymbols.map { "'\($0)'" }.joined(separator: ", ")
            + "; starting with a letter or digit; at most \(nameLengthLimit) characters"
    }

    /// Whether `name` can name a profile (`nameRule`).
    package static func isValidName(_ name: String) -> Bool {
        func isLetterOrDigit(_ character: Character) -> Bool { character.isASCII && (character.isLetter || character.isNumber) }
        guard let first = name.first, isLetterOrDigit(first), name.count <= nameLengthLimit else { return false }
        return name.allSatisfy { isLetterOrDigit($0) || nameSymbols.contains($0) }
    }

    /// The profile name `connect` uses when none is given: the subdomain, else the tenant's label.
    package static func defaultName(for credentials: Credentials) -> String {
        let label = credentials.tenantLabel.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "-" }
        let name = String(label.prefix(nameLengthLimit))
        return isValidName(name) ? name : "default"
    }

    /// What may be shown of a token command: its program (the first word that is not a
    /// `NAME=value` assignment), with `…` for the rest. Never its arguments: they may hold a secret
    /// (`curl -H 'Authorization: …'`, `echo sk_live_…`).
    package static func shownCommand(_ command: String) -> String {
        let words = command.split(whereSeparator: \.isWhitespace)
        guard let program = words.first(where: { !$0.contains("=") }) else { return "…" }
        return words.count > 1 ? program + " …" : String(program)
    }
}

/// How old a saved token is, against the rotation interval the shell advises.
package struct TokenAge: Sendable, Equatable {
    /// Tokens this many days old or older get a reminder to rotate them.
    package static let rotationDays = 90
    package var days: Int

    /// Nil when the save time is unknown (a token from a command, the environment, or memory).
    package init?(savedAt: Date?, now: Date) {
        guard let savedAt else { return nil }
        days = max(0, Int((now.timeIntervalSince(savedAt) / 86_400).rounded(.down)))
    }

    package var needsRotation: Bool { days >= TokenAge.rotationDays }
}
