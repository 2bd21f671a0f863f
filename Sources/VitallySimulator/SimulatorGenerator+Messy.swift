import VitallyKit

extension SimulatorGenerator {
    /// Adds the messy scenario's customers (`SimulatorScenarios.messy`): its organization (no domain,
    /// health, MRR or owner), the domain-like field matching does not read, and the accounts.
    mutating func addMessy() {
        let name = SimulatorScenarios.messyOrganization
        addOrganization(name)
        if let id = organizationIds[name], let index = set.organizations.firstIndex(where: { $0["id"]?.string == id }),
            var object = set.organizations[index].object
        {
            object["csmId"] = .null
            organizationFirstIds.insert(id)  // keeps its own (absent) health and MRR, not its account's sums
            object["mrr"] = .null
            set.organizations[index] = .object(object)
        }
        let field = SimulatorScenarios.messySiteField
        set.customFields["accounts", default: []].append(
            ["id": "cf-company-site", "createdAt": stamp(daysAgo: 700), "label": .string(field.label), "path": .string(field.path),
             "type": "string"])
        set.customFields["accounts"]?.sort { ($0["label"]?.string ?? "") < ($1["label"]?.string ?? "") }
        for spec in SimulatorScenarios.messy { addAccount(spec) }
    }
}
