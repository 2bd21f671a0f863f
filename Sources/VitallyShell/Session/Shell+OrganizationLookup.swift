import Foundation
import VitallyKit

extension Shell {
    /// An ORG argument: an organization's id or externalId (one GET), else its name among the
    /// scanned organizations (exact, else containing the text). Nil when none fits; ambiguous names throw.
    func findOrganization(_ text: String) async throws -> Organization? {
        let input = text.trimmingWhitespace()
        guard !input.isEmpty else { return nil }
        if !input.contains(" ") {
            do {
                return try await connection.client.organization(id: input)
            } catch let error as VitallyError where error.code == .notFound || error.code == .badRequest {}
        }
        let scan = try await connection.directory.organizations.load()
        let named = scan.organizations(named: input)
        if named.count > 1 {
            let list = named.prefix(6).map { "\($0.displayName) (\($0.externalId ?? $0.id))" }.joined(separator: ", ")
            throw VitallyError(.invalidInput, cause: "\(named.count) organizations are named like '\(input)': \(list); give the externalId or the exact name")
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
    func accountThroughOrganization(_ text: String) async throws -> Account? {
        guard let organization = try await findOrganization(text) else { return nil }
        let accounts = try await connection.client.organizationAccounts(id: organization.id).collect(limit: 50)
        switch accounts.count {
        case 1:
            resolutionNotes.append("'\(text)' is the organization \(organization.displayName): showing its account \(accounts[0].name)")
            return accounts[0]
        case 0:
            throw VitallyError(.invalidInput, cause: "'\(text)' is the organization \(organization.displayName), which has no accounts; "
                + "try 'organizations show \(organization.externalId ?? organization.id)'")
        default:
            let list = accounts.prefix(6).map { "\($0.name) (\($0.externalId ?? $0.id))" }.joined(separator: ", ")
            throw VitallyError(.invalidInput, cause: "'\(text)' is the organization \(organization.displayName), with \(accounts.count) accounts: "
                + "\(list); give one of them, or try 'organizations show \(organization.externalId ?? organization.id)'")
        }
    }
}
