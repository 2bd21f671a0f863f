import Foundation
import VitallyKit

/// Builds the simulated tenant from a seed: hand-written scenario accounts first, then
/// random ones until the count is reached.
struct SimulatorGenerator {
    var random: SeededRandom
    let anchor: Date
    var set: SimulatorDataSet
    var adminIds: [String] = []
    var organizationIds: [String: String] = [:]
    var usedNames: Set<String> = []
    /// Organizations that hold their customer's data themselves.
    var organizationFirstIds: Set<String> = []

    init(seed: UInt64, anchor: Date) {
        random = SeededRandom(seed: seed)
        self.anchor = anchor
        set = SimulatorDataSet(anchor: anchor)
    }

    /// `anchor - days`, in Vitally's millisecond timestamp form.
    func stamp(daysAgo days: Double) -> JSONValue {
        .string(VitallyDate.format(anchor.addingTimeInterval(-days * 86400)))
    }

    func day(inDays days: Int) -> JSONValue {
        .string(VitallyDate.formatDay(anchor.addingTimeInterval(Double(days) * 86400)))
    }

    static func adminRecords(anchor: Date) -> [JSONValue] {
        var random = SeededRandom(seed: 7)
        return SimulatorScenarios.admins.map { admin in
            ["id": .string(random.uuid()), "name": .string(admin.name), "email": .string(admin.email),
             "licenseStatus": .string(admin.status)]
        }
    }

    mutating func build(accountCount: Int, messy: Bool = false) -> SimulatorDataSet {
        set.admins = SimulatorGenerator.adminRecords(anchor: anchor)
        adminIds = set.admins.compactMap { $0["id"]?.string }
        buildDefinitions()
        for name in SimulatorScenarios.organizations { addOrganization(name) }
        var specs = SimulatorScenarios.accounts
        usedNames = Set(specs.map(\.name))
        // The organization-first customer is added last, so every other record keeps its id.
        let organizationFirst = SimulatorScenarios.organizationFirst
        while specs.count < accountCount - organizationFirst.accounts.count { specs.append(randomSpec(index: specs.count)) }
        for spec in specs { addAccount(spec) }
        addOrganizationFirst(organizationFirst)
        // The messy customers come after everything else, so the standard tenant keeps its bytes.
        if messy { addMessy() }
        finishOrganizations()
        stampUserMessages()
        sortAll()
        return set
    }

    mutating func buildDefinitions() {
        let created = stamp(daysAgo: 700)
        let accountFields: [(String, String, String)] = [
            ("Company domain", "vitally.custom.companyDomain", "string"),
            ("Website", "vitally.custom.website", "string"),
            ("Lifecycle stage", "vitally.custom.lifecycleStage", "select"),
            ("Plan", "vitally.custom.plan", "string"),
            ("Renewal stage", "vitally.custom.renewalStage", "select"),
        ]
        set.customFields["accounts"] = accountFields.map { label, path, type in
            var field: JSONObject = JSONObject([
                ("id", .string(random.uuid())), ("createdAt", created), ("label", .string(label)),
                ("path", .string(path)), ("type", .string(type)),
            ])
            if path.hasSuffix("lifecycleStage") {
                field["options"] = .array(SimulatorScenarios.stages.map { ["label": .string($0), "value": .string($0)] })
            }
            return .object(field)
        }.sorted { ($0["label"]?.string ?? "") < ($1["label"]?.string ?? "") }
        set.customFields["users"] = [
            ["id": .string(random.uuid()), "createdAt": created, "label": "Title", "path": "vitally.custom.title",
             "type": "string"]
        ]
        for name in ["Meeting", "Call", "Risk", "Internal"] {
            set.noteCategories.append(
                ["id": .string(random.uuid()), "name": .string(name), "createdAt": created, "updatedAt": created])
        }
        for name in ["Renewal", "Onboarding", "Support"] {
            set.taskCategories.append(
                ["id": .string(random.uuid()), "name": .string(name), "createdAt": created, "updatedAt": created])
        }
        set.customObjects = [
            ["id": .string(Self.contractsId), "createdAt": created, "updatedAt": created, "name": "contracts",
             "label": "Contracts", "syncActive": false, "writeMode": "api", "customFields": []]
        ]
        set.customObjectInstances[Self.contractsId] = []
        set.customObjects.append(Self.customerGoals(created: created))
        set.customObjectInstances[Self.customerGoalsId] = []
        // Fixed ids: the organizations' fields came later, and must not move the seeded ids above.
        set.customFields["organizations"] = [("Website", "vitally.custom.website", "string"), ("Plan", "vitally.custom.plan", "string"),
                                             ("Lifecycle stage", "vitally.custom.lifecycleStage", "select")].map { label, path, type in
            ["id": .string("cf-org-" + Self.slug(label)), "createdAt": created, "label": .string(label), "path": .string(path),
             "type": .string(type)]
        }
    }

    mutating func addOrganization(_ name: String) {
        let id = random.uuid()
        organizationIds[name] = id
        set.organizations.append(
            .object(
                JSONObject([
                    ("id", .string(id)), ("createdAt", stamp(daysAgo: 800)), ("updatedAt", stamp(daysAgo: 3)),
                    ("externalId", .string(Self.slug(name))), ("name", .string(name)), ("traits", [:]),
                    ("organizationOwnerId", .null), ("mrr", 0), ("firstPaidDate", stamp(daysAgo: 780)),
                    ("nextRenewalDate", .null), ("churnedAt", .null), ("trialEndDate", .null), ("usersCount", 0),
                    ("accountsCount", 0), ("healthScore", .null), ("csmId", .string(adminIds[0])),
                    ("accountExecutiveId", .null), ("keyRoles", []), ("segments", []), ("npsDetractorCount", 0),
                    ("npsPassiveCount", 0), ("npsPromoterCount", 0), ("npsScore", .null),
                ])))
    }

    static func slug(_ s: String) -> String {
        String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    static func domainLabel(_ name: String) -> String {
        var base = name
        for suffix in [" Inc", " LLC", " Ltd", " GmbH", " Corp"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
        }
        return String(base.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// A random account: where its domain lives varies the way real tenants vary.
    mutating func randomSpec(index: Int) -> AccountSpec {
        var name = ""
        repeat {
            name = random.pick(SimulatorScenarios.namePrefixes) + " " + random.pick(SimulatorScenarios.nameSuffixes)
                + random.pick(SimulatorScenarios.legalSuffixes)
            if usedNames.contains(name) { name += " \(random.int(2...99))" }
        } while usedNames.contains(name)
        usedNames.insert(name)
        let domain = Self.domainLabel(name) + random.pick([".com", ".com", ".io", ".co", ".de"])
        var spec = AccountSpec(name: name, externalId: "ext-\(1000 + index)")
        switch random.int(0...9) {
        case 0, 1, 2: spec.traits.append(("domain", .string(domain)))
        case 3: spec.traits.append(("hubspot.domain", .string(domain)))
        case 4: spec.traits.append(("vitally.custom.companyDomain", .string(domain.uppercased())))
        case 5: spec.traits.append(("vitally.custom.website", .string("https://www." + domain + "/")))
        case 6: spec.traits.append(("salesforce.Website", .string("www." + domain)))
        default: break  // no domain trait: only users' emails say who they are
        }
        spec.traits.append(("vitally.custom.plan", .string(random.pick(["Starter", "Growth", "Enterprise"]))))
        spec.health = random.chance(0.06) ? nil : (Double(random.int(10...98)) / 10)
        if random.chance(0.11) { spec.churnedDaysAgo = random.int(5...400) }
        spec.mrr = random.chance(0.05) ? nil : Double(random.int(2...120) * 50)
        spec.renewalInDays = spec.churnedDaysAgo == nil ? random.int(5...365) : nil
        if random.chance(0.05) { spec.trialEndInDays = random.int(-5...20) }
        spec.lastSeenDaysAgo = random.chance(0.08) ? nil : random.int(0...90)
        if random.chance(0.05) { spec.organization = random.pick(Array(SimulatorScenarios.organizations.dropFirst())) }
        let peopleCount = random.int(0...5)
        for _ in 0..<peopleCount {
            let first = random.pick(SimulatorScenarios.firstNames)
            let last = random.pick(SimulatorScenarios.lastNames)
            let local = (first + "." + last).lowercased().filter { $0.isLetter || $0 == "." }
            let host = random.chance(0.12) ? random.pick(SimulatorScenarios.freeMail) : domain
            spec.people.append(
                PersonSpec(
                    name: "\(first) \(last)", email: "\(local)\(random.int(1...99))@\(host)",
                    lastSeenDaysAgo: random.chance(0.2) ? nil : random.int(0...120),
                    nps: random.chance(0.4) ? random.int(0...10) : nil))
        }
        spec.notes = random.int(0...4)
        spec.openTasks = random.int(0...2)
        spec.overdueTasks = random.int(0...1)
        spec.doneTasks = random.int(0...3)
        if random.chance(0.3) {
            spec.conversations.append(
                (random.pick(SimulatorScenarios.conversationSubjects), random.pick(["open", "closed"]),
                 random.pick([nil, "Satisfied", "Neutral", "Unsatisfied"])))
        }
        if random.chance(0.3) { spec.onboarding = (random.chance(0.6), random.chance(0.3)) }
        spec.meetings = random.int(0...2)
        spec.stage = spec.churnedDaysAgo != nil ? "Churned" : random.pick(SimulatorScenarios.stages)
        spec.segments = [random.pick(["SMB", "Mid-Market", "Enterprise"])]
        spec.csm = random.int(0...3)
        return spec
    }
}
