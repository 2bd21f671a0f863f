import Foundation

extension AttendeeMatcher {
    /// Rule 4: the domain lives only on an organization (its domain traits, from
    /// `customFields?model=organizations` and the well-known keys), or the user rule 1 found
    /// names organizations but no account: the organizations' accounts are the match.
    func organizations(of domain: String, into result: inout AttendeeMatch) async throws -> AttendeeMatch? {
        let parent = Domain.registrable(domain)
        let scan: OrganizationDirectory.Scan
        do {
            scan = try await directory.organizations.load()
        } catch let error as VitallyError where error.code == .forbidden {
            // Organizations the token may not read leave the account rules' answer standing: the rule says why.
            // Other failures (a timeout, a 5xx, a replay miss) are traced "could not check" by the caller.
            result.trace.append(RuleTrace(rule: .organizationDomainTrait, outcome: .nothing, finding: .organizationsUnreadable(error)))
            return nil
        }
        let asked = RuleTrace.Attempt.organizationTraitScan(
            organizations: scan.entries.count, keys: scan.keys, domain: parent, capped: scan.capped,
            customFieldsFailure: scan.customFieldsFailure)
        var holders: [(organization: Organization, because: MatchedAccount.Evidence)] = []
        if let user = result.user, user.accountIds.isEmpty {
            for id in user.organizationIds {
                let org = scan.entries.first { $0.organization.id == id }?.organization
                let name = org?.displayName ?? id
                holders.append((org ?? Organization(json: ["id": .string(id)]), .userOrganization(user: user.displayName, organization: name)))
            }
        }
        for (entry, hit) in scan.organizations(forDomain: domain) where !holders.contains(where: { $0.organization.id == entry.organization.id }) {
            holders.append((entry.organization, .organizationTrait(organization: entry.organization.displayName, key: hit.key, domain: hit.domain)))
        }
        guard !holders.isEmpty else {
            result.trace.append(RuleTrace(rule: .organizationDomainTrait, outcome: .nothing, attempt: asked, finding: .noOrganizationTrait(domain: parent)))
            return nil
        }
        var accounts: [MatchedAccount] = []
        // Rule 3 loaded the account scan: an organization's accounts are read from it, so a calendar
        // full of organization domains costs no request per organization. Without the scan (its load
        // failed), one page of `organizations/:id/accounts`. Either way 100 accounts is plenty for matching.
        let index = await directory.loadedIndex()
        for holder in holders {
            let members: [MatchedAccount]
            if let index {
                members = index.accounts(inOrganization: holder.organization.id).prefix(100).map { summary in
                    MatchedAccount(id: summary.id, name: summary.name, externalId: summary.externalId, churned: summary.churned,
                                   because: holder.because)
                }
            } else {
                members = try await client.organizationAccounts(id: holder.organization.id).collect(limit: 100).map { account in
                    MatchedAccount(id: account.id, name: account.name, externalId: account.externalId, churned: account.isChurned,
                                   because: holder.because)
                }
            }
            for member in members where !accounts.contains(where: { $0.id == member.id }) { accounts.append(member) }
        }
        let names = holders.map(\.organization.displayName)
        result.trace.append(RuleTrace(
            rule: .organizationDomainTrait, outcome: accounts.isEmpty ? .nothing : .matched, attempt: asked,
            finding: .organizationsHold(organizations: names, accounts: accounts)))
        guard !accounts.isEmpty else { return nil }
        // One organization is one customer, however many accounts it has.
        return finish(result, accounts, .organizationDomainTrait, holders.count == 1 ? 0.75 : 0.5)
    }
}
