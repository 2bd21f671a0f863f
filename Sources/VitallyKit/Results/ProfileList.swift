import Foundation

/// What `profiles` lists, as one value: each saved profile with where its token comes from and
/// how old it is (never the token), which one is current, and the folder the files are in.
/// `--json` is the profiles encoded (an array, one object each); the folder is for the text.
package struct ProfileList: Sendable, Encodable {
    /// One saved profile.
    package struct Row: Sendable, Equatable, Encodable {
        package var name: String
        package var subdomain: String?
        package var region: VitallyRegion
        package var baseURL: String?
        package var token: TokenFacts
        package var lastUsed: Date?
        /// The profile in use (the live one), else the one last switched to.
        package var current: Bool

        package func encode(to encoder: any Encoder) throws {
            try encoder.object([
                ("name", name), ("subdomain", subdomain), ("region", region.rawValue), ("baseURL", baseURL),
                ("tokenSource", token.origin), ("tokenCommand", token.command), ("tokenAgeDays", token.age?.days),
                ("lastUsed", lastUsed), ("current", current),
            ])
        }
    }

    /// A saved profile that cannot be read, and why (`describe` of its error).
    package struct Unreadable: Sendable, Equatable, Encodable {
        package var name: String
        package var unreadable: String
    }

    package var profiles: [Row]
    package var unreadable: [Unreadable]
    /// Where the profiles and credentials files are; nil when there is no config folder (nothing can be saved).
    package var folder: String?

    /// `saved`'s profiles, `current` marked; `now` ages their tokens; `describe` words why one cannot be read.
    package init(_ saved: SavedProfiles?, current: String?, folder: String?, now: Date, describe: (VitallyError) -> String = \.description) {
        profiles = (saved?.profiles ?? []).map { profile in
            Row(name: profile.name, subdomain: profile.subdomain, region: profile.region, baseURL: profile.baseURL,
                token: TokenFacts(profile, now: now), lastUsed: profile.lastUsed, current: profile.name == current)
        }
        unreadable = (saved?.unreadable ?? []).map { Unreadable(name: $0.name, unreadable: describe($0.problem)) }
        self.folder = folder
    }

    /// Profiles whose saved token is old enough to rotate.
    package var needingRotation: [Row] { profiles.filter(\.token.needsRotation) }

    /// The rows, then one `{"name", "unreadable"}` for each profile that cannot be read.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for row in profiles { try container.encode(row) }
        for entry in unreadable { try container.encode(entry) }
    }
}
