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

    /// Whether `name` can name a profile: letters, digits, `.`, `_`, `-`, at most 64, starting with a letter or digit.
    package static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first.isNumber, name.count <= 64 else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
    }

    /// The profile name `connect` uses when none is given: the subdomain, else the tenant's label.
    package static func defaultName(for credentials: Credentials) -> String {
        let label = credentials.tenantLabel.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "-" }
        let name = String(label.prefix(64))
        return isValidName(name) ? name : "default"
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
