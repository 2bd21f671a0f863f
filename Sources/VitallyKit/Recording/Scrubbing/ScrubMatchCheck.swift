import Foundation

/// With `--accounts` or `--domains`, names and domains become pseudonyms, and a domain can stop
/// matching the account it matched (`bruce@wayneenterprises.com` -> Wayne Enterprises by company
/// name). The scrubber replays the domain rules for every domain the file holds (users' email domains, accounts' domain
/// traits) and for the guess each account name invites
/// (`wayneenterprises.com`), on both files, and says which outcome changed.
enum ScrubMatchCheck {
    /// The score the matcher's company-name rule needs (`AttendeeMatcher.nameThreshold`).
    static let threshold = 0.9

    /// What a domain matches in one file: the first rule that answers and its accounts' ids.
    struct Outcome: Equatable {
        var rule: MatchRule?
        var accountIds: [String]
    }

    /// `domain: rule (Account, …) -> rule (…)` for each domain whose outcome differs between
    /// `original` and `scrubbed`, the domain translated as `options` scrub it; accounts are paired by
    /// id, which the scrub keeps. `accountNames` are those the scrub read (by default, the account lists').
    static func changedMatches(
        original: HARRecording, scrubbed: HARRecording, options: ScrubOptions, accountNames: Set<String>? = nil
    ) -> [String] {
        changedMatches(before: RecordingSnapshot(original), after: RecordingSnapshot(scrubbed), options: options, accountNames: accountNames)
    }

    /// The same, from the two files' snapshots (`RecordingSnapshot.read(_:)` reads one without loading
    /// it); the domains are answered `batchSize` at a time on every core.
    static func changedMatches(
        before: RecordingSnapshot, after: RecordingSnapshot, options: ScrubOptions, accountNames: Set<String>? = nil, batchSize: Int = 256
    ) -> [String] {
        // What each file is looked up in, and the replacer that names the copies, are built on
        // other cores while this one lists the domains (a second, for 80,000 accounts, on one core).
        let names = before.accountOrder.compactMap { before.accounts[$0]?.name }
        let afterSide = PendingBatch(on: .global()) { (DomainIndex(after), CompanyNameIndex(accountNames: after)) }
        let beforeSide = PendingBatch(on: .global()) { (DomainIndex(before), CompanyNameIndex(accountNames: before)) }
        let named = PendingBatch(on: .global()) {
            var replacer = ScrubReplacer(options: options)
            replacer.accountNames = accountNames ?? Set(names)
            return replacer
        }
        var domains: [String] = []
        var seen: Set<String> = []
        func note(_ raw: String?) {
            guard let raw, let domain = Domain.normalize(raw) else { return }
            let registrable = Domain.registrable(domain)
            if !Domain.isFreeMail(registrable), seen.insert(registrable).inserted { domains.append(registrable) }
        }
        for id in before.accountOrder {
            for trait in before.accounts[id]?.domainTraits ?? [] { note(String(trait.drop { $0 != "=" }.dropFirst())) }
        }
        for id in before.userOrder { note(before.users[id].flatMap { Domain.ofEmail($0.label) }) }
        for name in names where CompanyName.isComparable(name) { note(CompanyName.tokens(name).joined() + ".com") }
        let (beforeIndex, beforeNames) = beforeSide.wait()
        let (afterIndex, afterNames) = afterSide.wait()
        // Each domain is answered on its own (two name lookups per file, an HMAC for its copy):
        // a batch at a time on every core, each with its copy of the replacer and a memo of its
        // own (each domain is asked once), the lines taken back in the domains' order.
        let template = named.wait()
        return domains.inOrderedBatches(of: batchSize) { batch in
            var replacer = template.withOwnMemo()
            return batch.compactMap { domain in
                let copy = Domain.registrable(replacer.emailHost(ScrubSafeList.fold(domain)))
                let was = outcome(domain, in: before, index: beforeIndex, names: beforeNames)
                let now = outcome(copy, in: after, index: afterIndex, names: afterNames)
                return was == now ? nil : "\(domain): \(describe(was, in: before)) -> \(describe(now, in: after))"
            }
        }
    }

    /// A recording's accounts by the registrable domain of their users' emails and of their domain traits.
    struct DomainIndex {
        var byUsers: [String: Set<String>] = [:]
        /// The accounts (places in `accountOrder`) with a domain trait at each registrable domain:
        /// the latest entry, then each entry's `next` (-1 ends). One per account, not a set each.
        private var byTraits: [String: Int32] = [:]
        private var entries: [(account: Int32, next: Int32)] = []

        init(_ snapshot: RecordingSnapshot) {
            for id in snapshot.userOrder {
                guard let user = snapshot.users[id], let domain = Domain.ofEmail(user.label) else { continue }
                byUsers[Domain.registrable(domain), default: []].formUnion(user.accountIds)
            }
            for (place, id) in snapshot.accountOrder.enumerated() {
                for trait in snapshot.accounts[id]?.domainTraits ?? [] {
                    guard let domain = Domain.normalize(String(trait.drop { $0 != "=" }.dropFirst())) else { continue }
                    let registrable = Domain.registrable(domain)
                    let latest = byTraits[registrable] ?? -1
                    // Accounts are taken in order: one already noted at this domain is the latest.
                    if latest >= 0, entries[Int(latest)].account == Int32(place) { continue }
                    entries.append((Int32(place), latest))
                    byTraits[registrable] = Int32(entries.count - 1)
                }
            }
        }

        /// The places in `accountOrder` of the accounts with a domain trait at `domain`.
        func traitAccounts(_ domain: String) -> [Int] {
            var places: [Int] = []
            var at = byTraits[domain] ?? -1
            while at >= 0 {
                places.append(Int(entries[Int(at)].account))
                at = entries[Int(at)].next
            }
            return places
        }
    }

    /// The domain rules in the matcher's order, as far as a recording answers them: the accounts
    /// of users at the domain, then accounts with it as a domain trait, then the company name.
    static func outcome(_ domain: String, in snapshot: RecordingSnapshot, index: DomainIndex, names: CompanyNameIndex) -> Outcome {
        if let ids = index.byUsers[domain], !ids.isEmpty { return Outcome(rule: .emailDomain, accountIds: ids.sorted()) }
        let places = index.traitAccounts(domain)
        if !places.isEmpty { return Outcome(rule: .accountDomainTrait, accountIds: places.map { snapshot.accountOrder[$0] }.sorted()) }
        // Every account whose name scores best (at least the threshold), as the matcher ties them.
        guard let best = names.best(label: Domain.companyLabel(domain), threshold: threshold) else { return Outcome(rule: nil, accountIds: []) }
        return Outcome(rule: .companyName, accountIds: best.positions.map { snapshot.accountOrder[$0] }.sorted())
    }

    /// `company name (Wayne Enterprises)`, or `no account`.
    static func describe(_ outcome: Outcome, in snapshot: RecordingSnapshot) -> String {
        guard let rule = outcome.rule else { return "no account" }
        return rule.rawValue + " (" + outcome.accountIds.map { snapshot.accounts[$0]?.name ?? $0 }.joined(separator: ", ") + ")"
    }
}

extension CompanyNameIndex {
    /// A snapshot's account names, in its order (positions are those of `accountOrder`).
    init(accountNames snapshot: RecordingSnapshot) {
        self.init(snapshot.accountOrder.map { snapshot.accounts[$0]?.name ?? "" })
    }
}
