import Foundation
import VitallyKit

extension SimulatorGenerator {
    /// The "Customer Goals" object's id: fixed, a UUID like Vitally's own.
    static let customerGoalsId = "5d0c7a3e-6b1f-4c2a-9e8d-7f3b2a1c0d4e"
    /// The contracts object's id: fixed, a UUID like Vitally's own (a scrubbed copy keeps ids on its safe list).
    static let contractsId = "8a2f4c61-3d7e-4b95-a0c8-2e6f1b9d7c53"

    /// The "Customer Goals" custom object, as the public MCP server's team keeps goals.
    static func customerGoals(created: JSONValue) -> JSONValue {
        ["id": .string(customerGoalsId), "createdAt": created, "updatedAt": created, "name": "customerGoals",
         "label": "Customer Goals", "syncActive": false, "writeMode": "api",
         "customFields": [
            ["id": "cf-goal-due", "label": "Due date", "path": "vitally.custom.dueDate", "type": "date"],
            ["id": "cf-goal-status", "label": "Status", "path": "vitally.custom.status", "type": "string"],
         ]]
    }

    /// An organization that keeps health, MRR, renewal, NPS, segments and domain traits itself,
    /// with accounts whose own fields and traits are empty.
    mutating func addOrganizationFirst(_ spec: OrganizationSpec) {
        addOrganization(spec.name)
        guard let id = organizationIds[spec.name], let index = set.organizations.firstIndex(where: { $0["id"]?.string == id }),
            var object = set.organizations[index].object
        else { return }
        organizationFirstIds.insert(id)
        for account in spec.accounts { addAccount(account) }
        let scores = spec.accounts.flatMap(\.people).compactMap(\.nps)
        object["externalId"] = .string(spec.externalId)
        object["traits"] = .object(JSONObject(spec.traits))
        object["healthScore"] = JSONValue(spec.health)
        object["mrr"] = JSONValue(spec.mrr)
        object["nextRenewalDate"] = renewal(spec.renewalInDays)
        object["segments"] = .array(spec.segments.map { ["id": .string("seg-" + Self.slug($0)), "name": .string($0)] })
        object["npsScore"] = scores.isEmpty ? .null : .number(Self.npsScore(scores))
        object["npsDetractorCount"] = .number(Double(scores.filter { $0 <= 6 }.count))
        object["npsPassiveCount"] = .number(Double(scores.filter { $0 == 7 || $0 == 8 }.count))
        object["npsPromoterCount"] = .number(Double(scores.filter { $0 >= 9 }.count))
        object["keyRoles"] = .array([keyRole("CSM", adminIndex: 0)])
        set.organizations[index] = .object(object)
        for goal in spec.goals { addGoal(goal, organizationId: id) }
        for goal in spec.accountGoals {
            guard let account = set.accounts.first(where: { $0["externalId"]?.string == goal.externalId })?["id"]?.string else { continue }
            // A derived id (no seeded draw), so the rest of the tenant keeps its bytes.
            addGoal((goal.name, goal.dueInDays, goal.status), organizationId: id, customerId: account, instanceId: "goal-" + goal.externalId)
        }
    }

    mutating func addGoal(_ goal: (name: String, dueInDays: Int, status: String), organizationId: String, customerId: String? = nil,
                          instanceId: String? = nil) {
        let created = stamp(daysAgo: 90)
        set.customObjectInstances[Self.customerGoalsId, default: []].append(
            .object(
                JSONObject([
                    ("id", .string(instanceId ?? random.uuid())), ("createdAt", created), ("updatedAt", stamp(daysAgo: 4)),
                    ("name", .string(goal.name)), ("externalId", .null), ("customObjectId", .string(Self.customerGoalsId)),
                    ("customerId", JSONValue(customerId)), ("organizationId", .string(organizationId)),
                    ("traits", ["vitally.custom.dueDate": day(inDays: goal.dueInDays), "vitally.custom.status": .string(goal.status)]),
                    ("archivedAt", .null),
                ])))
    }
}
