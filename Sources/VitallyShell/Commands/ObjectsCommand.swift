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
        guard let target = command.arguments.first else { return CommandResult(output: list(objects)) }
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
        let owner: String
        var organizationHint = ""
        // An account's domain is the account's, even when its organization's traits hold it too:
        // organizations by id or name first, then accounts, then a domain only an organization holds.
        if let organization = try await shell.findOrganization(target, byDomain: false) {
            criterion = .organizationId(organization.id)
            owner = "organization \(organization.displayName)"
        } else {
            do {
                let account = try await shell.resolveAccount(target)
                criterion = .customerId(account.id)
                owner = "account \(account.name)"
                if let org = account.organizationId, !org.isEmpty { organizationHint = "; its organization's: 'objects \(org)'" }
            } catch let error as VitallyError where error.code == .invalidInput {
                guard let organization = try await shell.findOrganization(target) else { throw error }
                criterion = .organizationId(organization.id)
                owner = "organization \(organization.displayName)"
            }
        }
        // An organization's instance that names an account (`customerId`) is that account's: labelled with it.
        var accountNames: [String: String] = [:]
        func label(_ instance: CustomObjectRecord) -> String {
            guard case .organizationId = criterion, case .accounts(let ids) = ItemOwner(instance.raw) else { return "" }
            return "[" + ids.map { accountNames[$0] ?? $0 }.joined(separator: ", ") + "] "
        }
        if case .organizationId(let id) = criterion {
            let accounts = (try? await client.organizationAccounts(id: id).collect(limit: 200)) ?? []
            accountNames = Dictionary(accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        }
        var blocks: [OutputBlock] = [.line([Span(owner, .bold), Span(" · \(Format.count(chosen.count, "custom object"))", .dim)])]
        var json: [JSONValue] = []
        for object in chosen {
            let found: CustomObjectInstances
            do {
                found = try await client.searchInstances(of: object, criterion)
            } catch let error as VitallyError where [.unrecognisedShape, .forbidden, .notFound, .badRequest].contains(error.code) {
                blocks.append(shell.notice(error))
                continue
            }
            blocks.append(.text("\(object.displayName) (\(found.instances.count))", .bold))
            for instance in found.instances {
                let fields = found.labelled(instance).map { "\($0.label): \($0.value.string ?? $0.value.serialized())" }
                blocks.append(.text("  \(label(instance))\(instance.name ?? instance.id)" + (fields.isEmpty ? "" : " — " + fields.joined(separator: ", "))))
            }
            if found.instances.isEmpty { blocks.append(.text("  none for this \(owner.split(separator: " ")[0])\(organizationHint)", .dim)) }
            if found.more { blocks.append(.text("  (Vitally said there are more; the search takes no cursor, so they are not shown)", .warn)) }
            json.append(["object": object.raw, "instances": .array(found.instances.map(\.raw)), "more": .bool(found.more)])
        }
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(json)))
    }

    static func list(_ objects: [CustomObjectRecord]) -> ShellOutput {
        guard !objects.isEmpty else { return ShellOutput(blocks: [.text("No custom objects in this tenant.", .dim)], json: []) }
        let rows = objects.map { object in
            [Span(object.displayName), Span(object.name ?? "—", .dim), Span(object.fields.map(\.label).joined(separator: ", ").ifEmpty("—")),
             Span(object.id, .dim)]
        }
        return ShellOutput(blocks: [.table(Table(columns: ["LABEL", "NAME", "FIELDS", "ID"], rows: rows, flexible: [2, 3]))],
                           json: .array(objects.map(\.raw)))
    }
}
