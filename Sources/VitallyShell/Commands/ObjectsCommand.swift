import Foundation
import VitallyKit

/// `objects [ORG|ACCOUNT [NAME]]`: the tenant's custom objects, or one customer's instances of
/// them (read with `instances/search` and exactly one criterion: `organizationId` or `customerId`).
struct ObjectsCommand: ShellCommand {
    static let spec = CommandSpec(
        "objects", group: .explore, rank: 10, summary: "the tenant's custom objects, or one customer's instances (goals and the like)",
        synopsis: "[ORG|ACCOUNT [NAME]]", argument: .account, arguments: 0...2,
        example: "objects dunder-mifflin \"Customer Goals\"")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let client = shell.connection.client
        let objects = try await client.customObjects().collect()
        guard let target = command.arguments.first else {
            return try CommandResult(CustomObjectList(objects), renderedBy: CustomObjectListRenderer())
        }
        var chosen = objects
        if command.arguments.count > 1 {
            let name = command.arguments[1].lowercased()
            chosen = objects.filter { [$0.label, $0.name, $0.id].contains { $0?.lowercased() == name } }
            guard !chosen.isEmpty else {
                let known = objects.map(\.displayName).joined(separator: ", ")
                return .failure("no custom object is named '\(command.arguments[1])'; the tenant has: \(known.isEmpty ? "none" : known)")
            }
        }
        // An organization is asked by organizationId, an account by customerId.
        let criterion: InstanceCriterion
        var report: CustomerObjectInstances
        // An account's domain is the account's, even when its organization's traits hold it too:
        // organizations by id or name first, then accounts, then a domain only an organization holds.
        if let organization = try await shell.findOrganization(target, byDomain: false) {
            criterion = .organizationId(organization.id)
            report = CustomerObjectInstances(ownerKind: .organization, ownerName: organization.displayName, organizationId: nil)
        } else {
            do {
                let account = try await shell.resolveAccount(target)
                criterion = .customerId(account.id)
                report = CustomerObjectInstances(ownerKind: .account, ownerName: account.name,
                                                 organizationId: account.organizationId.flatMap { $0.isEmpty ? nil : $0 })
            } catch let error as VitallyError where error.code == .invalidInput {
                guard let organization = try await shell.findOrganization(target) else { throw error }
                criterion = .organizationId(organization.id)
                report = CustomerObjectInstances(ownerKind: .organization, ownerName: organization.displayName, organizationId: nil)
            }
        }
        // An organization's instance that names an account (`customerId`) is that account's: labelled with it.
        if case .organizationId(let id) = criterion {
            let accounts = (try? await client.organizationAccounts(id: id).collect(limit: 200)) ?? []
            report.accountNames = Dictionary(accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        }
        for object in chosen {
            do {
                report.entries.append(.init(object: object, found: try await client.searchInstances(of: object, criterion), error: nil))
            } catch let error as VitallyError where [.unrecognisedShape, .forbidden, .notFound, .badRequest].contains(error.code) {
                report.entries.append(.init(object: object, found: nil, error: shell.advice(error)))
            }
        }
        return try CommandResult(report, renderedBy: CustomerObjectInstancesRenderer())
    }
}
