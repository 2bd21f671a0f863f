import Foundation
import VitallyKit

extension SimulatorDataSet {
    /// Reshapes the tenant the way the public evidence describes real ones (`--shape organizations`):
    /// every account gets an organization (its own when it had none), and health, MRR, renewal, NPS,
    /// segments and traits move to it; account traits and those fields are left empty.
    mutating func moveDataToOrganizations() {
        var organizationIndex: [String: Int] = [:]
        for (index, org) in organizations.enumerated() { if let id = org["id"]?.string { organizationIndex[id] = index } }
        let moved = ["healthScore", "mrr", "nextRenewalDate", "npsScore", "npsDetractorCount", "npsPassiveCount", "npsPromoterCount"]
        for (index, account) in accounts.enumerated() {
            guard var object = account.object, let accountId = object["id"]?.string else { continue }
            let orgId: String
            if let existing = object["organizationId"]?.string, organizationIndex[existing] != nil {
                orgId = existing
            } else {
                // Its own organization, with a derived id and externalId (no seeded draws, so ids stay stable).
                orgId = "org-" + accountId
                var org = JSONObject([
                    ("id", .string(orgId)), ("createdAt", object["createdAt"] ?? .null), ("updatedAt", object["updatedAt"] ?? .null),
                    ("externalId", .string("org-" + (object["externalId"]?.string ?? accountId))), ("name", object["name"] ?? ""),
                    ("traits", [:]), ("accountsCount", 1), ("usersCount", object["usersCount"] ?? 0), ("segments", []),
                    ("keyRoles", object["keyRoles"] ?? []), ("churnedAt", object["churnedAt"] ?? .null),
                ])
                for key in moved { org[key] = object[key] ?? .null }
                organizationIndex[orgId] = organizations.count
                organizations.append(.object(org))
                object["organizationId"] = .string(orgId)
            }
            if let orgIndex = organizationIndex[orgId], var org = organizations[orgIndex].object {
                var traits = org["traits"]?.object ?? JSONObject()
                for (key, value) in object["traits"]?.object ?? JSONObject() where traits[key] == nil { traits[key] = value }
                org["traits"] = .object(traits)
                // The NPS counts go with the score: an organization without a score keeps zero counts
                // (not null), which must not outlive the account's score as "0 (0 promoters, …)".
                let npsKeys = ["npsScore", "npsDetractorCount", "npsPassiveCount", "npsPromoterCount"]
                if org["npsScore"]?.isNull ?? true { for key in npsKeys { org[key] = object[key] ?? .null } }
                for key in moved where !npsKeys.contains(key) && (org[key] == nil || org[key]?.isNull == true) { org[key] = object[key] ?? .null }
                if (org["segments"]?.array ?? []).isEmpty { org["segments"] = object["segments"] ?? [] }
                organizations[orgIndex] = .object(org)
            }
            object["traits"] = [:]
            object["segments"] = []
            for key in moved { object[key] = .null }
            accounts[index] = .object(object)
            healthScores[accountId] = nil
        }
        let orgOfAccount = Dictionary(accounts.compactMap { a in a["id"]?.string.flatMap { id in a["organizationId"]?.string.map { (id, $0) } } },
                                      uniquingKeysWith: { first, _ in first })
        users = users.map { user in
            guard var object = user.object, (object["organizationIds"]?.array ?? []).isEmpty else { return user }
            let ids = (object["accountIds"]?.array ?? []).compactMap(\.string).compactMap { orgOfAccount[$0] }
            object["organizationIds"] = .array(ids.map { .string($0) })
            return .object(object)
        }
        customFields["organizations"] = (customFields["organizations"] ?? []) + (customFields["accounts"] ?? []).filter { field in
            !(customFields["organizations"] ?? []).contains { $0["path"] == field["path"] }
        }
    }
}
