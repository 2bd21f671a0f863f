import VitallyKit

/// What `use PROFILE` reports, as one value: the profile switched to, its tenant and host, and
/// where its token comes from and how old it is. `--json` is this value encoded; `UseRenderer` draws the text.
struct UseResult: Encodable {
    var profile: String
    var subdomain: String?
    var region: VitallyRegion
    var host: String?
    var tenant: String
    var token: TokenFacts

    enum CodingKeys: String, CodingKey {
        case connected, profile, subdomain, region, host, tenant, tokenSource, tokenCommand, tokenAgeDays, rotateToken
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(true, forKey: .connected)
        try container.encode(profile, forKey: .profile)
        try container.encode(subdomain, forKey: .subdomain)
        try container.encode(region.rawValue, forKey: .region)
        try container.encode(host, forKey: .host)
        try container.encode(tenant, forKey: .tenant)
        try container.encode(token.origin, forKey: .tokenSource)
        try container.encode(token.command, forKey: .tokenCommand)
        try container.encode(token.age?.days, forKey: .tokenAgeDays)
        try container.encode(token.needsRotation, forKey: .rotateToken)
    }
}

/// The text of `use PROFILE`, from a `UseResult`: the handover's notes, "Connected", where the
/// token comes from, and a reminder when it is old.
struct UseRenderer: ResultRenderer {
    /// What the switch said about a recording under way.
    let notes: [OutputBlock]

    func blocks(_ result: UseResult) -> [OutputBlock] {
        var blocks = notes + [
            .line([Span("Vitally: Connected (\(result.tenant)) with profile '\(result.profile)'", .good)]),
            .text("token " + TokenWording.source(result.token, profile: result.profile), .dim),
        ]
        if let reminder = TokenWording.reminder(result.token.age, profile: result.profile) { blocks.append(.text(reminder, .warn)) }
        return blocks
    }
}
