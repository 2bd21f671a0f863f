import Foundation

/// Which account traits hold a company domain, and what they say.
/// Vitally has no domain field: keys differ per tenant (see vitally-api.md §7).
package struct DomainTraits: Sendable, Equatable {
    /// Keys integrations commonly use; compared case-insensitively.
    package static let wellKnownKeys = [
        "domain", "website", "url", "companyDomain", "company_domain", "hubspot.domain", "hubspot.website",
        "hspot.domain", "hspot.website", "salesforce.Website", "salesforce.Domain", "vitally.custom.domain",
        "vitally.custom.companyDomain", "vitally.custom.website",
    ]

    /// The keys this tenant uses, in the order they are tried.
    package var keys: [String] { didSet { foldedKeys = DomainTraits.folded(keys) } }
    /// `keys` lower-cased, so each of an account's traits is one set lookup (a match reads every
    /// trait of every account).
    private var foldedKeys: Set<String>
    /// Set when `customFields` could not be read: only the well-known keys are tried, and why.
    package var customFieldsFailure: VitallyError?

    package init(keys: [String] = DomainTraits.wellKnownKeys) {
        self.keys = keys
        foldedKeys = DomainTraits.folded(keys)
    }

    /// The well-known keys only, because `customFields` failed with `error`.
    package init(fallbackAfter error: VitallyError) {
        self.init()
        customFieldsFailure = error
    }

    private static func folded(_ keys: [String]) -> Set<String> { Set(keys.map { $0.lowercased() }) }

    /// Well-known keys plus custom fields whose label or path mentions a domain, website or URL.
    package init(customFields: [CustomField]) {
        var keys = DomainTraits.wellKnownKeys
        var folded = DomainTraits.folded(keys)
        for field in customFields where DomainTraits.mentionsDomain(field.label) || DomainTraits.mentionsDomain(field.path) {
            if folded.insert(field.path.lowercased()).inserted { keys.append(field.path) }
        }
        self.init(keys: keys)
    }

    static func mentionsDomain(_ text: String) -> Bool {
        // Once per trait of every account: searched as bytes.
        let lower = text.lowercased()
        return lower.hasSuffix("url") || ["domain", "website", ".url", " url"].contains { lower.containsBytes(of: $0) }
    }

    /// A trait value cut at commas, semicolons and spaces. ASCII text is cut on its bytes (a
    /// Character walk cost more than the rest of a match); other text by Characters, where a
    /// separator followed by a combining mark is one Character and no place to cut.
    static func pieces(of text: String) -> [String] {
        if text.isASCIIText {
            return text.utf8.split(whereSeparator: { $0 == 0x2C || $0 == 0x20 || $0 == 0x3B }).map { String(Substring($0)) }
        }
        return text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init)
    }

    /// Every (trait key, normalised domain) the account carries.
    package func domains(of account: Account) -> [(key: String, domain: String)] { domains(in: account.traits) }

    /// Every (trait key, normalised domain) in traits: an account's or an organization's.
    package func domains(in traits: JSONObject) -> [(key: String, domain: String)] {
        var found: [(String, String)] = []
        for (key, value) in traits {
            guard reads(key) else { continue }
            let texts: [String] = value.array?.compactMap(\.string) ?? [value.string].compactMap { $0 }
            for text in texts {
                for piece in DomainTraits.pieces(of: text) {
                    if let domain = Domain.normalize(piece), !found.contains(where: { $0.1 == domain }) {
                        found.append((key, domain))
                    }
                }
            }
        }
        return found
    }

    /// Whether matching reads this trait key for domains.
    package func reads(_ key: String) -> Bool {
        // Every trait of every account: a key already in lower case (most) is looked up as it is.
        let folded = key.utf8.contains { $0 &- 0x41 < 26 || $0 >= 0x80 } ? key.lowercased() : key
        return foldedKeys.contains(folded) || (key.hasPrefix("vitally.custom.") && DomainTraits.mentionsDomain(key))
    }

    /// Domain-looking values (`Domain.lookalike`) under keys matching does not read: the
    /// candidates for the trait list that the audit reports.
    package func unusedDomains(in traits: JSONObject) -> [DomainHit] {
        var found: [DomainHit] = []
        for (key, value) in traits {
            guard case .string(let text) = value, text.utf8.contains(0x2E), !reads(key), let domain = Domain.lookalike(text) else { continue }
            found.append(DomainHit(key: key, domain: domain))
        }
        return found
    }
}
