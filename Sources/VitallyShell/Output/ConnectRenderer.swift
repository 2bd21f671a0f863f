import VitallyKit

/// What `connect` reports, as one value: the tenant connected to, where requests go, where its
/// token comes from, and what was saved. `--json` is this value encoded; `ConnectRenderer` draws the text.
struct ConnectResult: Encodable {
    var subdomain: String?
    var region: VitallyRegion
    var host: String?
    /// The profile the connection is saved as; nil when nothing was saved.
    var profile: String?
    var tenant: String
    var token: TokenFacts?
    var save: ProfileSave

    enum CodingKeys: String, CodingKey {
        case connected, subdomain, region, host, profile, tenant, saved, saveProblem, replaced, tokenSource, tokenCommand
    }

    enum ReplacedKeys: String, CodingKey { case name, subdomain, baseURL, region }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(true, forKey: .connected)
        try container.encode(subdomain, forKey: .subdomain)
        try container.encode(region.rawValue, forKey: .region)
        try container.encode(host, forKey: .host)
        try container.encode(profile, forKey: .profile)
        try container.encode(tenant, forKey: .tenant)
        try container.encode(save.saved, forKey: .saved)
        try container.encode(save.problem, forKey: .saveProblem)
        if case .saved(_, _, let old?) = save {
            var nested = container.nestedContainer(keyedBy: ReplacedKeys.self, forKey: .replaced)
            try nested.encode(old.name, forKey: .name)
            try nested.encode(old.subdomain, forKey: .subdomain)
            try nested.encode(old.baseURL, forKey: .baseURL)
            try nested.encode(old.region.rawValue, forKey: .region)
        } else {
            try container.encodeNil(forKey: .replaced)
        }
        try container.encode(token?.origin, forKey: .tokenSource)
        try container.encode(token?.command, forKey: .tokenCommand)
    }
}

/// What `connect` did about saving the connection as a profile.
enum ProfileSave: Equatable {
    /// `--no-save`: nothing was written.
    case memoryOnly
    /// No config folder to write to.
    case noConfigFolder
    /// Writing failed, for this reason.
    case failed(String)
    /// Saved as profile `name` (with its token command instead of the token); `replaced` is
    /// another tenant's profile that had the same name.
    case saved(name: String, tokenCommand: Bool, replaced: Profile?)

    var saved: Bool { if case .saved = self { return true } else { return false } }

    /// Why nothing was saved when saving was asked for; nil when saved or `--no-save`.
    var problem: String? {
        switch self {
        case .memoryOnly, .saved: return nil
        case .noConfigFolder: return StateFolders.noConfigFolder
        case .failed(let reason): return reason
        }
    }
}

/// The text of `connect`, from a `ConnectResult`: the notes about the input and the handover,
/// then "Connected" with the region, host and what was saved.
struct ConnectRenderer: ResultRenderer {
    /// What was said along the way (the subdomain kept, the pasted token cleaned, a recording stopped).
    let notes: [OutputBlock]

    func blocks(_ result: ConnectResult) -> [OutputBlock] {
        notes + [
            .line([Span("Vitally: Connected (\(result.tenant))", .good)]),
            .text("region \(result.region.rawValue), host \(result.host ?? "?"); \(Self.words(result.save))", .dim),
        ]
    }

    /// What was saved, in words.
    static func words(_ save: ProfileSave) -> String {
        switch save {
        case .memoryOnly: return "token kept in memory only (--no-save): nothing was written"
        case .noConfigFolder: return "credentials " + StateFolders.noConfigFolder
        case .failed(let reason): return "credentials not saved (\(reason))"
        case .saved(let name, let tokenCommand, let replaced):
            return (tokenCommand
                ? "saved as profile '\(name)' with its token command (the token itself is not stored)"
                : "saved as profile '\(name)'")
                + (replaced.map { "; this replaced profile '\(name)' for \($0.subdomain ?? $0.baseURL ?? "another tenant") (\($0.region.rawValue))" } ?? "")
        }
    }
}
