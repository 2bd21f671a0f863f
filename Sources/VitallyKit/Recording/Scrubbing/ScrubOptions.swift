import Foundation

/// How the scrubber pseudonymises: the salt, and whether domains and account names go too.
package struct ScrubOptions: Sendable, Equatable {
    /// Same salt, same pseudonyms, in every file. Keep it private: with it, pseudonyms of guessed
    /// values can be recomputed.
    package var salt: String
    /// Also pseudonymise email and trait domains (`acme.com` -> `org-7f3a9c1b2e4d.example`); free-mail
    /// domains stay, because matching treats them specially.
    package var domains: Bool
    /// Also pseudonymise account and organization names (legal suffixes kept).
    package var accounts: Bool

    /// A shorter salt is refused: pseudonyms of guessed values would give it away by brute force.
    package static let minimumSaltLength = 16

    package init(salt: String, domains: Bool = false, accounts: Bool = false) {
        self.salt = salt
        self.domains = domains
        self.accounts = accounts
    }

    /// A fresh random salt, for when none is given: pseudonyms then differ from file to file.
    package static func randomSalt() -> String {
        (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}

/// What one scrub replaced, by kind; the `original -> pseudonym` pairs go only to `--map FILE`.
package struct ScrubMap: Sendable, Equatable {
    /// The kinds of value replaced, in the order they are listed.
    package enum Kind: String, Sendable, CaseIterable {
        case emails, names, phones, ips, domains, accounts, texts

        /// What one value of this kind is called: `email address`.
        package var label: String {
            switch self {
            case .emails: return "email address"
            case .names: return "person name"
            case .phones: return "phone number"
            case .ips: return "IP address"
            case .domains: return "domain"
            case .accounts: return "account name"
            case .texts: return "free text"
            }
        }
    }

    package var pairs: [Kind: [String: String]] = [:]

    package init() {}

    package func count(_ kind: Kind) -> Int { pairs[kind]?.count ?? 0 }

    /// The map file: pseudonyms of identifying values (free texts are not listed, only counted).
    package var json: JSONValue {
        var object = JSONObject()
        for kind in Kind.allCases where kind != .texts {
            let sorted = (pairs[kind] ?? [:]).sorted { $0.key < $1.key }
            object[kind.rawValue] = .object(JSONObject(sorted.map { ($0.key, .string($0.value)) }))
        }
        object["textsNeutralised"] = .number(Double(count(.texts)))
        return .object(object)
    }

    /// Reads a map the scrubber wrote.
    package static func load(_ url: URL) throws(VitallyError) -> ScrubMap {
        guard let data = FileManager.default.contents(atPath: url.path),
            let json = try? JSONParser.parse(Array(data)), json["textsNeutralised"] != nil
        else {
            throw VitallyError(.invalidInput, path: url.path, cause: "\(url.path) is not a scrub map", hint: .scrubMapExpected)
        }
        var map = ScrubMap()
        for kind in Kind.allCases {
            guard let object = json[kind.rawValue]?.object else { continue }
            var pairs: [String: String] = [:]
            for (key, value) in object { if let text = value.string { pairs[key] = text } }
            map.pairs[kind] = pairs
        }
        return map
    }

    /// `text` with every original the map lists replaced by its pseudonym: turns a session
    /// script or a calendar invite written for the original into one for the scrubbed copy.
    package func translate(_ text: String) -> String {
        var matcher = LiteralMatcher()
        for kind in Kind.allCases where kind != .texts {
            for (original, pseudonym) in pairs[kind] ?? [:] {
                let boundary: LiteralMatcher.Boundary = kind == .emails ? .email : kind == .domains ? .domain : .word
                matcher.add(original, replacement: pseudonym, boundary: boundary)
            }
        }
        matcher.prepare()
        return matcher.replace(in: text)
    }
}

/// What `RecordingScrubber.scrub` did.
package struct ScrubReport: Sendable {
    package var input: URL
    package var output: URL
    package var entries: Int
    package var map: ScrubMap
    package var options: ScrubOptions
    /// Bytes of the written file the post-write scan read.
    package var scannedBytes: Int
    /// With `--accounts` or `--domains`: domains whose match (rule and accounts) differs between the
    /// original and the copy (`acme.com: company name (Acme) -> no account`); none is expected.
    package var lostCompanyMatches: [String] = []
}
