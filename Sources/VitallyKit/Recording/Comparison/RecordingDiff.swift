/// What changed between two recorded sessions of one tenant: accounts, their health, MRR, renewal and
/// status, users' account links, domain traits, new notes and tasks, and request-level changes.
public struct RecordingDiff: Sendable, Equatable {
    /// An account as the diff names it.
    public struct AccountRef: Sendable, Equatable {
        public var id: String
        public var name: String
    }

    /// One field of one account, before and after (`Globex health 7.4 → 5.1`).
    public struct FieldChange: Sendable, Equatable {
        public var account: AccountRef
        public var field: String
        public var before: String?
        public var after: String?
    }

    /// A user whose linked accounts changed: the usual reason an attendee stopped matching.
    public struct LinkChange: Sendable, Equatable {
        public var user: String
        public var removed: [AccountRef]
        public var added: [AccountRef]
    }

    /// A domain-bearing trait (`domain=acme.com`) added to or removed from an account.
    public struct TraitChange: Sendable, Equatable {
        public var account: AccountRef
        public var trait: String
        public var added: Bool
    }

    /// A note or task that only the second recording lists.
    public struct NewActivity: Sendable, Equatable {
        public var kind: String
        public var id: String
        public var title: String
        public var account: AccountRef?
    }

    /// The same request answered with another status (`200 → 403`); 0 is a transport failure.
    public struct StatusChange: Sendable, Equatable {
        public var request: String
        public var before: Int
        public var after: Int
    }

    public var accountsAdded: [AccountRef] = []
    public var accountsRemoved: [AccountRef] = []
    public var accountsChurned: [AccountRef] = []
    public var fieldChanges: [FieldChange] = []
    public var linkChanges: [LinkChange] = []
    public var traitChanges: [TraitChange] = []
    public var newActivities: [NewActivity] = []
    public var statusChanges: [StatusChange] = []
    public var onlyInFirst: [String] = []
    public var onlyInSecond: [String] = []
    /// Whether both files list all accounts, so that added and removed mean something.
    public var comparedAccountLists = false

    public var isEmpty: Bool {
        accountsAdded.isEmpty && accountsRemoved.isEmpty && accountsChurned.isEmpty && fieldChanges.isEmpty
            && linkChanges.isEmpty && traitChanges.isEmpty && newActivities.isEmpty && statusChanges.isEmpty
            && onlyInFirst.isEmpty && onlyInSecond.isEmpty
    }

    /// Compares `first` (before) with `second` (after).
    public static func compare(_ first: HARRecording, _ second: HARRecording) -> RecordingDiff {
        let a = RecordingSnapshot(first)
        let b = RecordingSnapshot(second)
        var diff = RecordingDiff()
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
            for (key, label) in RecordingSnapshot.accountFields where before.fields[key] != after.fields[key] {
                diff.fieldChanges.append(FieldChange(account: ref(id), field: label, before: before.fields[key], after: after.fields[key]))
            }
            for trait in after.domainTraits.subtracting(before.domainTraits).sorted() {
                diff.traitChanges.append(TraitChange(account: ref(id), trait: trait, added: true))
            }
            for trait in before.domainTraits.subtracting(after.domainTraits).sorted() {
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
        for key in a.requestOrder {
            guard let before = a.statuses[key] else { continue }
            if let after = b.statuses[key] {
                if before != after { diff.statusChanges.append(StatusChange(request: key, before: before, after: after)) }
            } else {
                diff.onlyInFirst.append(key)
            }
        }
        diff.onlyInSecond = b.requestOrder.filter { a.statuses[$0] == nil }
        return diff
    }
}
