import Foundation

/// Organizations as `organizations list|search` list them: `--json` is each as Vitally sent it,
/// the text a table drawn from the same records.
package struct OrganizationList: Sendable, Encodable {
    /// The organizations shown (after `--limit`), and how many matched before it.
    package var organizations: [Organization]
    package var total: Int
    /// The read cap when it stopped the scan before every organization was read; nil otherwise.
    package var cappedAt: Int?

    package init(_ found: [Organization], limit: Int, cappedAt: Int?) {
        organizations = Array(found.prefix(limit))
        total = found.count
        self.cappedAt = cappedAt
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for organization in organizations { try container.encode(organization.raw) }
    }
}

/// What `organizations show ORG` reports: `--json` is the organization as Vitally sent it with
/// `_level`, the health level the text shows beside its score.
package struct OrganizationDetail: Sendable, Encodable {
    package var organization: Organization
    /// `HealthLevel`'s name for its score, or "no score".
    package var level: String

    package init(_ organization: Organization) {
        self.organization = organization
        level = HealthLevel.name(of: organization.healthScore)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RecordKey.self)
        try container.encodeMembers(of: organization.raw, before: "_level")
        try container.encode(level, forKey: RecordKey("_level"))
    }
}
