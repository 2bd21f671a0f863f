import Foundation

/// One value that differs between two answers to the same request at the same place in its
/// replay sequence: a field of an item (`accounts` item `acme` field `traits.champion`), or a
/// whole item present in only one of them.
struct ValueChange {
    /// The collection the item belongs to: `accounts`, `notes`, `users` (the last word of the path).
    var resource: String
    /// Dotted path inside the item (`traits.champion`, `users[].name`); empty for a whole item.
    var field: String
    /// The item's id, or its position when it has none: changes are counted once per item.
    var itemKey: String
    /// How the report names the item (its name, email, subject or id).
    var itemLabel: String
    /// The accounts the item belongs to (the account itself, `accountId`, `accountIds`, the path's).
    var accounts: [String]
    /// nil when absent on that side.
    var before: JSONValue?
    var after: JSONValue?
}

extension RecordingDiff {
    /// Changes of one kind to one field, over every item it touched: "330 account renewal dates
    /// moved +30 days" is one group.
    package struct ChangeGroup: Sendable, Equatable {
        package enum Kind: Sendable, Equatable {
            /// Dates that all moved by the same number of days.
            case moved(days: Int)
            /// Numbers that all moved by the same amount.
            case shifted(by: Double)
            case changed
            /// Whole items only the second (added) or first (removed) answer lists.
            case added, removed
        }

        /// One item's before and after (nil: absent).
        package struct Example: Sendable, Equatable {
            package var item: String
            package var before: JSONValue?
            package var after: JSONValue?
        }

        package var resource: String
        package var field: String
        package var kind: Kind
        /// Distinct items changed.
        package var count: Int
        /// The first few items, in the order met.
        package var examples: [Example]
    }

    /// Groups changes by resource, field and kind, counts distinct items and keeps `examples`
    /// of each; the largest group first.
    static func group(_ changes: [ValueChange], examples limit: Int) -> [ChangeGroup] {
        var grouper = ChangeGrouper(examples: limit)
        for change in changes { grouper.add(change) }
        return grouper.groups
    }

    /// Groups changes as they are found, so that a diff holds its groups (a few examples each and
    /// the keys of the items counted), not every change with its values.
    struct ChangeGrouper {
        private struct Bucket {
            var group: ChangeGroup
            var items: Set<String>
            var order: Int
        }

        let limit: Int
        private var buckets: [String: Bucket] = [:]

        init(examples limit: Int) { self.limit = limit }

        mutating func add(_ change: ValueChange) {
            let kind = RecordingDiff.kind(change)
            let key = "\(change.resource)\u{1}\(change.field)\u{1}\(kind)"
            if buckets[key] == nil {
                buckets[key] = Bucket(
                    group: ChangeGroup(resource: change.resource, field: change.field, kind: kind, count: 0, examples: []),
                    items: [], order: buckets.count)
            }
            // Changed where it lies: a copy taken out and put back would copy its set of items each time.
            guard buckets[key]!.items.insert(change.itemKey).inserted else { return }
            buckets[key]!.group.count += 1
            if buckets[key]!.group.examples.count < limit {
                buckets[key]!.group.examples.append(ChangeGroup.Example(item: change.itemLabel, before: change.before, after: change.after))
            }
        }

        /// The groups, largest first.
        var groups: [ChangeGroup] {
            // A shift shared by several items is its own line; one item's shift joins its field's "changed".
            RecordingDiff.merged(buckets.values.sorted { $0.order < $1.order }.map(\.group), examples: limit)
                .sorted { $0.count != $1.count ? $0.count > $1.count : ($0.resource, $0.field) < ($1.resource, $1.field) }
        }
    }

    /// Folds shift groups of a field that hold a single item into that field's `changed` group.
    fileprivate static func merged(_ groups: [ChangeGroup], examples limit: Int) -> [ChangeGroup] {
        var result: [ChangeGroup] = []
        var changedAt: [String: Int] = [:]
        func fold(_ group: ChangeGroup) {
            let key = group.resource + "\u{1}" + group.field
            if let at = changedAt[key] {
                result[at].count += group.count
                result[at].examples = Array((result[at].examples + group.examples).prefix(limit))
                return
            }
            var changed = group
            changed.kind = .changed
            changedAt[key] = result.count
            result.append(changed)
        }
        for group in groups {
            switch group.kind {
            case .moved, .shifted:
                if group.count > 1 { result.append(group) } else { fold(group) }
            case .changed: fold(group)
            case .added, .removed: result.append(group)
            }
        }
        return result
    }

    /// Whether a change is a date move, a number shift, a plain change, or a whole item in one side only.
    static func kind(_ change: ValueChange) -> ChangeGroup.Kind {
        guard change.field.isEmpty == false || (change.before != nil && change.after != nil) else {
            return change.before == nil ? .added : .removed
        }
        if let a = change.before?.double, let b = change.after?.double, a.isFinite, b.isFinite {
            return .shifted(by: b - a)
        }
        if let a = change.before?.string, let b = change.after?.string, a.count >= 10, b.count >= 10,
            let x = VitallyDate.parse(a), let y = VitallyDate.parse(b)
        {
            let seconds = y.timeIntervalSince(x)
            if seconds.truncatingRemainder(dividingBy: 86400) == 0, let days = Int(exactly: seconds / 86400) { return .moved(days: days) }
        }
        return .changed
    }
}
