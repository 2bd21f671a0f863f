import Foundation

extension BriefGatherer {
    /// The tenant's goal-like custom objects: those whose name or label says "goal" (the public
    /// evidence keeps customer goals as a custom object). At most three; none when the list cannot be read.
    func goalObjects() async -> [CustomObjectRecord] {
        guard let objects = try? await client.customObjects().collect(limit: 100) else { return [] }
        return Array(objects.filter { ($0.label ?? "").lowercased().contains("goal") || ($0.name ?? "").lowercased().contains("goal") }.prefix(3))
    }

    /// The brief's account at `position`: its bundle (lists only within `accountsWithLists`), with
    /// its goal-like objects' instances when its lists are read.
    func gather(accountId id: String, position: Int, objects: [CustomObjectRecord]) async throws -> AccountBundle {
        let withLists = position < accountsWithLists
        var bundle = try await gather(accountId: id, withLists: withLists)
        if withLists, !objects.isEmpty {
            let read = try await readObjects(objects, accountId: bundle.account.id, organizationId: bundle.account.organizationId)
            bundle.customObjects = read.found
            bundle.customObjectFailures = read.failed.map { "\($0.object) not read: \(AccountBundle.describe($0.outcome))" }
        }
        return bundle
    }

    /// Each goal-like object's instances for the account (`customerId`) and its organization
    /// (`organizationId`). A search that fails is reported, not fatal. An organization's instance
    /// that names an account (`customerId`) is that account's: shown once, never a sibling's.
    func readObjects(_ objects: [CustomObjectRecord], accountId: String, organizationId: String?) async throws
        -> (found: [CustomObjectInstances], failed: [(object: String, outcome: ListOutcome)])
    {
        var failed: [(object: String, outcome: ListOutcome)] = []
        var criteria = [InstanceCriterion.customerId(accountId)]
        if let organizationId, !organizationId.isEmpty { criteria.append(.organizationId(organizationId)) }
        var found: [CustomObjectInstances] = []
        for object in objects {
            for criterion in criteria {
                do {
                    var instances = try await client.searchInstances(of: object, criterion)
                    if case .organizationId = criterion {
                        let known = Set(found.filter { $0.object.id == object.id }.flatMap(\.instances).map(\.id))
                        instances.instances = OrganizationItems(instances.instances, forAccount: nil, known: known).organizationLevel
                    }
                    found.append(instances)
                } catch let error as VitallyError where error.code != .cancelled && error.code != .unauthorized && error.code != .rateLimited {
                    failed.append((object.displayName, ListOutcome(error)))
                }
            }
        }
        return (found, failed)
    }
}

extension BriefComposer {
    /// "Customer Goals: Reduce churn (Due date 2027-02-01, Status On track)", with Vitally's own
    /// names for the object and its fields; an organization's instances labelled.
    func goals(_ bundle: AccountBundle) -> [Insight] {
        let customer = bundle.customer
        return bundle.customObjects.flatMap { found in
            found.instances.filter { $0.raw.nonNull("archivedAt") == nil }.map { instance in
                let fields = found.labelled(instance).compactMap { label, value in
                    (value.string ?? value.double.map { Wording.score($0) }).map { "\(label) \($0)" }
                }
                let from: String
                if case .organizationId = found.criterion { from = " · \(customer.fromOrganization)" } else { from = "" }
                let text = "\(found.object.displayName): \(instance.name ?? instance.id)" + (fields.isEmpty ? "" : " (\(fields.joined(separator: ", ")))") + from
                return Insight(.info, text, data: ["object": .string(found.object.displayName), "instance": instance.raw])
            }
        }
    }
}
