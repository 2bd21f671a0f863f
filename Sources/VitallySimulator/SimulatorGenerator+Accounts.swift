import Foundation
import VitallyKit

extension SimulatorGenerator {
    func adminRef(_ index: Int) -> JSONValue { set.admins[index % set.admins.count] }

    mutating func addAccount(_ spec: AccountSpec) {
        let id = random.uuid()
        let createdDaysAgo = Double(random.int(90...900))
        let updatedDaysAgo = Double(random.int(0...30)) + random.unit()
        var traits = JSONObject(spec.traits)
        if !spec.stage.isEmpty { traits["vitally.custom.lifecycleStage"] = .string(spec.stage) }
        let users = spec.people.map { person in addUser(person, accountId: id, accountName: spec.name, spec: spec) }
        // An organization-first account's NPS is its organization's.
        let organizationFirst = spec.organization.flatMap { organizationIds[$0] }.map(organizationFirstIds.contains) ?? false
        let scores = organizationFirst ? [] : spec.people.compactMap(\.nps)
        let csm = adminIds[spec.csm % adminIds.count]
        let ae = adminIds[1]
        let account = JSONObject([
            ("id", .string(id)), ("createdAt", stamp(daysAgo: createdDaysAgo)),
            ("updatedAt", stamp(daysAgo: updatedDaysAgo)), ("externalId", .string(spec.externalId)),
            ("name", .string(spec.name)), ("traits", .object(traits)),
            ("organizationId", JSONValue(spec.organization.flatMap { organizationIds[$0] })),
            ("accountOwnerId", .null), ("mrr", JSONValue(spec.mrr)),
            ("nextRenewalDate", renewal(spec.renewalInDays)),
            ("churnedAt", spec.churnedDaysAgo.map { stamp(daysAgo: Double($0)) } ?? .null),
            ("firstSeenTimestamp", spec.lastSeenDaysAgo == nil ? .null : stamp(daysAgo: createdDaysAgo - 1)),
            ("lastSeenTimestamp", spec.lastSeenDaysAgo.map { stamp(daysAgo: Double($0) + 0.3) } ?? .null),
            ("lastInboundMessageTimestamp", spec.conversations.isEmpty ? .null : stamp(daysAgo: 2.4)),
            ("lastOutboundMessageTimestamp", spec.conversations.isEmpty ? .null : stamp(daysAgo: 1.7)),
            ("trialEndDate", spec.trialEndInDays.map { stamp(daysAgo: -Double($0)) } ?? .null),
            ("usersCount", .number(Double(users.count))),
            ("npsDetractorCount", .number(Double(scores.filter { $0 <= 6 }.count))),
            ("npsPassiveCount", .number(Double(scores.filter { $0 == 7 || $0 == 8 }.count))),
            ("npsPromoterCount", .number(Double(scores.filter { $0 >= 9 }.count))),
            ("npsScore", scores.isEmpty ? .null : .number(Self.npsScore(scores))),
            ("healthScore", JSONValue(spec.health)),
            ("csmId", spec.owned ? .string(csm) : .null), ("accountExecutiveId", .string(ae)),
            ("keyRoles", .array((spec.owned ? [keyRole("CSM", adminIndex: spec.csm)] : []) + [keyRole("Account Executive", adminIndex: 1)])),
            ("segments", .array(spec.segments.map { ["id": .string("seg-" + Self.slug($0)), "name": .string($0)] })),
        ])
        set.accounts.append(.object(account))
        if let health = spec.health { addHealthScores(accountId: id, overall: health) }
        if let shape = spec.healthShape { set.healthScoreShapes[id] = shape }
        addActivity(spec: spec, accountId: id, accountName: spec.name, users: users)
    }

    static func npsScore(_ scores: [Int]) -> Double {
        let promoters = Double(scores.filter { $0 >= 9 }.count)
        let detractors = Double(scores.filter { $0 <= 6 }.count)
        return ((promoters - detractors) / Double(scores.count) * 100).rounded()
    }

    mutating func keyRole(_ label: String, adminIndex: Int) -> JSONValue {
        let admin = adminRef(adminIndex)
        return .object(
            JSONObject([
                ("id", .string(random.uuid())), ("createdAt", stamp(daysAgo: 300)), ("assignedAt", stamp(daysAgo: 300)),
                ("keyRole", ["id": .string("kr-" + Self.slug(label)), "createdAt": stamp(daysAgo: 900),
                             "label": .string(label)]),
                ("vitallyUser", admin),
            ]))
    }

    /// The breakdown's real shape is undocumented; rows of `{id, name, score, weight, updatedAt}`.
    /// The categories scatter around `overall`, whose value is their weighted mean.
    mutating func addHealthScores(accountId: String, overall: Double) {
        var rows: [JSONValue] = [
            ["id": .string(random.uuid()), "name": "Overall", "score": .number(overall), "weight": .null,
             "updatedAt": stamp(daysAgo: 1)]
        ]
        // Drawn in the order the ids always were, so every later id stays put.
        let draws = SimulatedHealth.categories.map { _ in (jitter: Double(random.int(-20...20)) / 10, id: random.uuid()) }
        let scores = SimulatedHealth.categoryScores(overall: overall, jitters: draws.map(\.jitter))
        for (((name, weight), draw), score) in zip(zip(SimulatedHealth.categories, draws), scores) {
            rows.append(
                ["id": .string(draw.id), "name": .string(name), "score": .number(score),
                 "weight": .number(weight), "updatedAt": stamp(daysAgo: 1)])
        }
        set.healthScores[accountId] = rows
    }

    mutating func addUser(_ person: PersonSpec, accountId: String, accountName: String, spec: AccountSpec) -> JSONValue {
        let id = random.uuid()
        let orgId = spec.organization.flatMap { organizationIds[$0] }
        let title = random.pick(["Head of Ops", "VP Sales", "Engineer", "Product Manager", "CTO", "Analyst"])
        let user = JSONValue.object(
            JSONObject([
                ("id", .string(id)), ("createdAt", stamp(daysAgo: Double(random.int(60...600)))),
                ("updatedAt", stamp(daysAgo: Double(person.lastSeenDaysAgo ?? 30) + 0.2)),
                ("externalId", .string("user-\(random.int(1000...99999))")), ("name", .string(person.name)),
                ("email", .string(person.email)), ("avatar", .null),
                ("traits", ["vitally.custom.title": .string(title)]),
                ("firstKnown", stamp(daysAgo: 500)), ("joinDate", stamp(daysAgo: 500)),
                ("lastSeenTimestamp", person.lastSeenDaysAgo.map { stamp(daysAgo: Double($0) + 0.3) } ?? .null),
                ("lastInboundMessageTimestamp", .null), ("lastOutboundMessageTimestamp", .null),
                ("npsLastScore", person.nps.map { .number(Double($0)) } ?? .null),
                ("npsLastFeedback", person.nps.map { .string(text.comment(score: $0, dealt: spec.scenario)) } ?? .null),
                ("npsLastRespondedAt", person.nps == nil ? .null : stamp(daysAgo: 40)),
                ("unsubscribedFromConversations", false), ("deactivatedAt", .null), ("segments", []),
                ("accountIds", [.string(accountId)]), ("organizationIds", orgId.map { [.string($0)] } ?? []),
                ("accounts", [["id": .string(accountId), "name": .string(accountName), "externalId": .string(spec.externalId)]]),
                ("organizations", []),
            ]))
        set.users.append(user)
        return user
    }

    mutating func finishOrganizations() {
        for (index, org) in set.organizations.enumerated() {
            guard var object = org.object, let id = object["id"]?.string else { continue }
            let members = set.accounts.filter { $0["organizationId"]?.string == id }
            object["accountsCount"] = .number(Double(members.count))
            object["usersCount"] = .number(members.reduce(0) { $0 + ($1["usersCount"]?.double ?? 0) })
            // An organization-first customer's numbers are its own, not its accounts' sums.
            if organizationFirstIds.contains(id) {
                set.organizations[index] = .object(object)
                continue
            }
            object["mrr"] = .number(members.reduce(0) { $0 + ($1["mrr"]?.double ?? 0) })
            let healths = members.compactMap { $0["healthScore"]?.double }
            object["healthScore"] = healths.isEmpty ? .null : .number((healths.reduce(0, +) / Double(healths.count) * 10).rounded() / 10)
            if object["name"]?.string == "Acme Holdings" { object["traits"] = ["domain": "acme.com"] }
            set.organizations[index] = .object(object)
        }
    }

    /// Each user's `lastInboundMessageTimestamp` (newest message from them) and
    /// `lastOutboundMessageTimestamp` (newest message to them), from the conversations; null when none.
    mutating func stampUserMessages() {
        var inbound: [String: String] = [:], outbound: [String: String] = [:]
        for message in set.conversations.flatMap({ $0["messages"]?.array ?? [] }) {
            guard let when = message["timestamp"]?.string else { continue }
            if message["from"]?["type"]?.string == "user", let id = message["from"]?["id"]?.string { inbound[id] = max(inbound[id] ?? "", when) }
            for to in message["to"]?.array ?? [] where to["type"]?.string == "user" {
                if let id = to["id"]?.string { outbound[id] = max(outbound[id] ?? "", when) }
            }
        }
        for (index, user) in set.users.enumerated() {
            guard var object = user.object, let id = object["id"]?.string, inbound[id] != nil || outbound[id] != nil else { continue }
            object["lastInboundMessageTimestamp"] = JSONValue(inbound[id])
            object["lastOutboundMessageTimestamp"] = JSONValue(outbound[id])
            set.users[index] = .object(object)
        }
    }

    /// Lists are served newest `updatedAt` first, as Vitally does by default.
    mutating func sortAll() {
        func byUpdated(_ a: JSONValue, _ b: JSONValue) -> Bool {
            let ua = a["updatedAt"]?.string ?? "", ub = b["updatedAt"]?.string ?? ""
            return ua != ub ? ua > ub : (a["id"]?.string ?? "") < (b["id"]?.string ?? "")
        }
        set.accounts.sort(by: byUpdated)
        set.organizations.sort(by: byUpdated)
        set.users.sort(by: byUpdated)
        set.notes.sort(by: byUpdated)
        set.tasks.sort(by: byUpdated)
        set.npsResponses.sort(by: byUpdated)
        set.conversations.sort(by: byUpdated)
        set.projects.sort(by: byUpdated)
        set.meetings.sort(by: byUpdated)
    }
}
