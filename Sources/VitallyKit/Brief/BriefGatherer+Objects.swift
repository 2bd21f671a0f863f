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
            bundle.customObjects = try await readObjects(objects, accountId: bundle.account.id, organizationId: bundle.account.organizationId)
        }
        return bundle
    }

    /// Each goal-like object's instances for the account (`customerId`) and its organization
    /// (`organizationId`). A search that fails is reported, not fatal.
    func readObjects(_ objects: [CustomObjectRecord], accountId: String, organizationId: String?) async throws -> [CustomObjectInstances] {
        var criteria = [InstanceCriterion.customerId(accountId)]
        if let organizationId, !organizationId.isEmpty { criteria.append(.organizationId(organizationId)) }
        var found: [CustomObjectInstances] = []
        for object in objects {
            for criterion in criteria {
                do {
                    found.append(try await client.searchInstances(of: object, criterion))
                } catch let error as VitallyError where error.code != .cancelled && error.code != .unauthorized && error.code != .rateLimited {
                    continue
                }
            }
        }
        return found
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
