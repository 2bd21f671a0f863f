import Foundation

/// What changed between two recorded sessions of one tenant: accounts, their health, MRR, renewal and
/// status, users' account links, domain traits, new notes and tasks, and request-level changes.
package struct RecordingDiff: Sendable, Equatable {
    /// An account as the diff names it.
    package struct AccountRef: Sendable, Equatable {
        package var id: String
        package var name: String
    }

    /// One field of one account, before and after (`Globex health 7.4 → 5.1`).
    package struct FieldChange: Sendable, Equatable {
        package var account: AccountRef
        package var field: String
        package var before: String?
        package var after: String?
    }

    /// A user whose linked accounts changed: the usual reason an attendee stopped matching.
    package struct LinkChange: Sendable, Equatable {
        package var user: String
        package var removed: [AccountRef]
        package var added: [AccountRef]
    }

    /// A domain-bearing trait (`domain=acme.com`) added to or removed from an account.
    package struct TraitChange: Sendable, Equatable {
        package var account: AccountRef
        package var trait: String
        package var added: Bool
    }

    /// A note or task that only the second recording lists.
    package struct NewActivity: Sendable, Equatable {
        package var kind: String
        package var id: String
        package var title: String
        package var account: AccountRef?
    }

    /// The same request answered with another status (`200 → 403`); 0 is a transport failure.
    package struct StatusChange: Sendable, Equatable {
        package var request: String
        package var before: Int
        package var after: Int
    }

    /// A request whose sequence of answers changed as a whole: the same answers in another order
    /// (a replay serves them in order), or more or fewer of them.
    package struct SequenceChange: Sendable, Equatable {
        package enum Kind: Sendable, Equatable {
            case reordered(count: Int)
            case count(before: Int, after: Int)
        }

        package var request: String
        package var kind: Kind

        package init(request: String, kind: Kind) {
            self.request = request
            self.kind = kind
        }
    }

    package var accountsAdded: [AccountRef] = []
    package var accountsRemoved: [AccountRef] = []
    package var accountsChurned: [AccountRef] = []
    package var fieldChanges: [FieldChange] = []
    package var linkChanges: [LinkChange] = []
    package var traitChanges: [TraitChange] = []
    package var newActivities: [NewActivity] = []
    package var statusChanges: [StatusChange] = []
    package var onlyInFirst: [String] = []
    package var onlyInSecond: [String] = []
    package var sequenceChanges: [SequenceChange] = []
    /// The named account field changes (`fieldChanges`), grouped: "330 renewal dates moved +30 days".
    package var fieldGroups: [ChangeGroup] = []
    /// Every other field that a replay would serve differently, grouped by resource and field, largest first.
    package var responseGroups: [ChangeGroup] = []
    /// The account the diff was narrowed to (`--account`), as both files name it.
    package var account: AccountRef?
    /// Whether both files list all accounts, so that added and removed mean something.
    package var comparedAccountLists = false

    package var isEmpty: Bool {
        accountsAdded.isEmpty && accountsRemoved.isEmpty && accountsChurned.isEmpty && fieldChanges.isEmpty
            && linkChanges.isEmpty && traitChanges.isEmpty && newActivities.isEmpty && statusChanges.isEmpty
            && onlyInFirst.isEmpty && onlyInSecond.isEmpty && sequenceChanges.isEmpty && responseGroups.isEmpty
    }

    /// Compares `first` (before) with `second` (after) as a replay would serve them; with
    /// `account` (an id, externalId or name), only what concerns that account. Each group keeps
    /// `examples` items.
    package static func compare(_ first: HARRecording, _ second: HARRecording, account: String? = nil, examples: Int = 3)
        throws(VitallyError) -> RecordingDiff
    {
        try compare(RecordingSnapshot(first), RecordingSnapshot(second), account: account, examples: examples) { accounts in
            ReplayComparison(first, second, examples: examples, narrowedTo: accounts)
        }
    }

    /// The files at `first` and `second` compared as `compare(_:_:)` does, each read an entry at a
    /// time and its bodies read again only when compared: memory stays near one entry per file
    /// plus the facts compared, whatever the files' sizes.
    package static func compare(files first: URL, _ second: URL, account: String? = nil, examples: Int = 3)
        throws(VitallyError) -> RecordingDiff
    {
        var a = RecordingSnapshot()
        let x = try IndexedRecording(first) { a.note($0) }
        var b = RecordingSnapshot(sharingWith: a)
        let y = try IndexedRecording(second) { b.note($0) }
        return try compare(a, b, account: account, examples: examples) { accounts in
            ReplayComparison(x, y, examples: examples, narrowedTo: accounts)
        }
    }

    /// The snapshots compared, then what a replay would serve (`replay`, given the ids of the
    /// account the diff is narrowed to, once it is known).
    static func compare(
        _ a: RecordingSnapshot, _ b: RecordingSnapshot, account: String?, examples: Int,
        replay compareReplay: (Set<String>?) -> ReplayComparison
    ) throws(VitallyError) -> RecordingDiff {
        var diff = RecordingDiff()
        // The account to narrow to is known before any body is compared, so changes of others are never kept.
        var narrowed: (id: String, names: Set<String>)?
        if let account {
            guard let id = a.resolve(account) ?? b.resolve(account) else {
                throw VitallyError(.invalidInput, cause: "neither recording holds an account \(account.debugDescription); "
                    + "give its id, externalId or name as the recordings list it")
            }
            narrowed = (id, Set([id] + [a.accounts[id]?.externalId, b.accounts[id]?.externalId].compactMap { $0 }))
        }
        let replay = compareReplay(narrowed?.names)
        func ref(_ id: String) -> AccountRef {
            AccountRef(id: id, name: b.accounts[id]?.name ?? a.accounts[id]?.name ?? id)
        }
        // Added and removed only mean something when both files hold the account list.
        diff.comparedAccountLists = a.hasAccountList && b.hasAccountList
        if diff.comparedAccountLists {
            diff.accountsAdded = b.accountOrder.filter { a.accounts[$0] == nil }.map(ref)
            diff.accountsRemoved = a.accountOrder.filter { b.accounts[$0] == nil }.map(ref)
        }
        for id in a.accountOrder {
            guard let before = a.accounts[id], let after = b.accounts[id] else { continue }
            if !before.churned && after.churned { diff.accountsChurned.append(ref(id)) }
            guard before != after else { continue }
            let (fieldsBefore, fieldsAfter) = (before.fields, after.fields)
            for (key, label) in RecordingSnapshot.accountFields where fieldsBefore[key] != fieldsAfter[key] {
                diff.fieldChanges.append(FieldChange(account: ref(id), field: label, before: fieldsBefore[key], after: fieldsAfter[key]))
            }
            let (traitsBefore, traitsAfter) = (before.domainTraits, after.domainTraits)
            for trait in traitsAfter.filter({ !traitsBefore.contains($0) }).sorted() {
                diff.traitChanges.append(TraitChange(account: ref(id), trait: trait, added: true))
            }
            for trait in traitsBefore.filter({ !traitsAfter.contains($0) }).sorted() {
                diff.traitChanges.append(TraitChange(account: ref(id), trait: trait, added: false))
            }
        }
        for id in a.userOrder {
            guard let before = a.users[id], let after = b.users[id], before.accountIds != after.accountIds else { continue }
            diff.linkChanges.append(LinkChange(
                user: after.label, removed: before.accountIds.subtracting(after.accountIds).sorted().map(ref),
                added: after.accountIds.subtracting(before.accountIds).sorted().map(ref)))
        }
        for key in b.requestOrder {
            guard let listed = b.activities[key], let earlier = a.activities[key] else { continue }
            let known = Set(earlier.map(\.id))
            let kind = key.split(separator: "?")[0].hasSuffix("/notes") ? "note" : "task"
            for item in listed where !known.contains(item.id) {
                diff.newActivities.append(NewActivity(kind: kind, id: item.id, title: item.title, account: item.accountId.map(ref)))
            }
        }
        diff.statusChanges = replay.statusChanges
        diff.sequenceChanges = replay.sequenceChanges
        diff.onlyInFirst = replay.onlyInFirst
        diff.onlyInSecond = replay.onlyInSecond
        if let narrowed {
            diff.narrow(to: narrowed.names)
            diff.account = ref(narrowed.id)
        }
        diff.fieldGroups = group(diff.fieldChanges.map(\.valueChange), examples: examples)
        diff.responseGroups = replay.values.groups
        return diff
    }

    /// Keeps only what concerns the account known by `ids` (its id and externalId).
    mutating func narrow(to ids: Set<String>) {
        func mine(_ ref: AccountRef) -> Bool { ids.contains(ref.id) }
        func mentions(_ request: String) -> Bool {
            ids.contains { id in request.contains("/" + id) || request.contains("=" + URLEncoding.encode(id)) }
        }
        accountsAdded = accountsAdded.filter(mine)
        accountsRemoved = accountsRemoved.filter(mine)
        accountsChurned = accountsChurned.filter(mine)
        fieldChanges = fieldChanges.filter { mine($0.account) }
        traitChanges = traitChanges.filter { mine($0.account) }
        linkChanges = linkChanges.compactMap { change in
            var change = change
            change.removed = change.removed.filter(mine)
            change.added = change.added.filter(mine)
            return change.removed.isEmpty && change.added.isEmpty ? nil : change
        }
        newActivities = newActivities.filter { $0.account.map(mine) ?? false }
        statusChanges = statusChanges.filter { mentions($0.request) }
        sequenceChanges = sequenceChanges.filter { mentions($0.request) }
        onlyInFirst = onlyInFirst.filter(mentions)
        onlyInSecond = onlyInSecond.filter(mentions)
    }
}

extension RecordingDiff.FieldChange {
    /// This change as a grouped value: numbers as numbers, so that a shared shift shows.
    var valueChange: ValueChange {
        func value(_ text: String?) -> JSONValue? {
            guard let text else { return nil }
            if let number = Double(text), number.isFinite { return .number(number) }
            return .string(text)
        }
        return ValueChange(resource: "accounts", field: field, itemKey: account.id, itemLabel: account.name,
                           accounts: [account.id], before: value(before), after: value(after))
    }
}
