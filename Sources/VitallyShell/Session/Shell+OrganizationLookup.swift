import Foundation
import VitallyKit

extension Shell {
    /// An ORG argument: an organization's id or externalId (one GET), else its name among the
    /// scanned organizations (exact, else containing the text), else (`byDomain`) a domain its traits
    /// hold. Nil when none fits; ambiguous names throw.
    func findOrganization(_ text: String, exactName: Bool = false, byDomain: Bool = true) async throws -> Organization? {
        let input = text.trimmingWhitespace()
        guard !input.isEmpty else { return nil }
        if !input.contains(" ") {
            do {
                return try await connection.client.organization(id: input)
            } catch let error as VitallyError where error.code == .notFound || error.code == .badRequest {}
        }
        let scan = try await connection.directory.organizations.load()
        var named = scan.organizations(named: input).filter { !exactName || $0.name.lowercased() == input.lowercased() }
        // A domain held only by an organization's traits (rule 4's evidence) names that organization.
        if named.isEmpty, byDomain, !exactName, !input.contains(" "), input.contains("."), let domain = Domain.normalize(input) {
            named = scan.organizations(forDomain: domain).map(\.entry.organization)
        }
        if named.count > 1 {
            let list = named.prefix(6).map { "\($0.displayName) (\(Format.reference(externalId: $0.externalId, id: $0.id)))" }.joined(separator: ", ")
            // Organizations with one and the same name are told apart by their externalId only.
            let sameName = Set(named.map { $0.name.lowercased() }).count == 1
            throw VitallyError(.invalidInput, cause: "\(named.count) organizations are named like '\(input)': \(list)\(named.count > 6 ? ", …" : ""); "
                + (sameName ? "give the externalId" : "give the externalId or the exact name"))
        }
        return named.first
    }

    /// The organization, or a one-line error saying none fits.
    func resolveOrganization(_ text: String) async throws -> Organization {
        if let organization = try await findOrganization(text) { return organization }
        let scan = try await connection.directory.organizations.load()
        let capped = scan.capped ? " among the first \(scan.limit) organizations (Vitally has no name search)" : ""
        throw VitallyError(.invalidInput, cause: "no organization found for '\(text)'\(capped): give its id, externalId or name")
    }

    /// An ACCOUNT argument that names an organization: its only account, noted in the output as
    /// what it resolved to. Several accounts (or none) is a one-line error naming them.
    func accountThroughOrganization(_ text: String, exactName: Bool = false) async throws -> Account? {
        guard let organization = try await findOrganization(text, exactName: exactName) else { return nil }
        let cap = 50
        let accounts = try await connection.client.organizationAccounts(id: organization.id).collect(limit: cap)
        switch accounts.count {
        case 1:
            resolutionNotes.append("'\(text)' is the organization \(organization.displayName): showing its account \(accounts[0].name)")
            return accounts[0]
        case 0:
            throw VitallyError(.invalidInput, cause: "'\(text)' is the organization \(organization.displayName), which has no accounts; "
                + "try 'organizations show \(organization.externalId ?? organization.id)'")
        default:
            // Six are named; the rest are said, not hidden ('organizations accounts' lists them all).
            let list = accounts.prefix(6).map { "\($0.name) (\(Format.reference(externalId: $0.externalId, id: $0.id)))" }.joined(separator: ", ")
            let ref = organization.externalId ?? organization.id
            let more = accounts.count > 6 ? ", … (all: 'organizations accounts \(ref)')" : ""
            throw VitallyError(.invalidInput, cause: "'\(text)' is the organization \(organization.displayName), with \(accounts.count >= cap ? "at least " : "")\(accounts.count) accounts: "
                + "\(list)\(more); give one of them, or try 'organizations show \(ref)'")
        }
    }
}
