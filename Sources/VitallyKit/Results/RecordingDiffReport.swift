import Foundation

/// What `recordings diff A.har B.har` reports, as one value: the comparison and the two files'
/// names. `--json` is this value encoded and the shell's renderer draws the text from it.
package struct RecordingDiffReport: Sendable, Encodable {
    package var diff: RecordingDiff
    /// The files' names as shown (their last path component).
    package var first: String
    package var second: String

    package init(_ diff: RecordingDiff, first: String, second: String) {
        self.diff = diff
        self.first = first
        self.second = second
    }

    package func encode(to encoder: any Encoder) throws {
        try encoder.object([
            ("same", diff.isEmpty), ("first", first), ("second", second), ("account", diff.account),
            ("comparedAccountLists", diff.comparedAccountLists), ("accountsAdded", diff.accountsAdded),
            ("accountsRemoved", diff.accountsRemoved), ("accountsChurned", diff.accountsChurned),
            ("accountChanges", diff.fieldChanges), ("accountChangeGroups", diff.fieldGroups), ("userLinkChanges", diff.linkChanges),
            ("domainTraitChanges", diff.traitChanges), ("notesAndTasksAdded", diff.newActivities), ("otherChanges", diff.responseGroups),
            ("statusChanges", diff.statusChanges), ("sequenceChanges", diff.sequenceChanges), ("onlyInFirst", diff.onlyInFirst),
            ("onlyInSecond", diff.onlyInSecond),
        ])
    }
}

extension RecordingDiff.AccountRef: Encodable {
    package func encode(to encoder: any Encoder) throws { try encoder.object([("id", id), ("name", name)]) }
}

extension RecordingDiff.FieldChange: Encodable {
    package func encode(to encoder: any Encoder) throws {
        try encoder.object([("account", account), ("field", field), ("before", before), ("after", after)])
    }
}

extension RecordingDiff.LinkChange: Encodable {
    package func encode(to encoder: any Encoder) throws { try encoder.object([("user", user), ("removed", removed), ("added", added)]) }
}

extension RecordingDiff.TraitChange: Encodable {
    package func encode(to encoder: any Encoder) throws { try encoder.object([("account", account), ("trait", trait), ("added", added)]) }
}

extension RecordingDiff.NewActivity: Encodable {
    package func encode(to encoder: any Encoder) throws {
        try encoder.object([("kind", kind), ("id", id), ("title", title), ("account", account)])
    }
}

extension RecordingDiff.StatusChange: Encodable {
    package func encode(to encoder: any Encoder) throws { try encoder.object([("request", request), ("before", before), ("after", after)]) }
}

extension RecordingDiff.SequenceChange: Encodable {
    package func encode(to encoder: any Encoder) throws {
        switch kind {
        case .reordered(let count): try encoder.object([("request", request), ("reordered", count)])
        case .count(let before, let after): try encoder.object([("request", request), ("before", before), ("after", after)])
        }
    }
}

extension RecordingDiff.ChangeGroup: Encodable {
    package func encode(to encoder: any Encoder) throws {
        var pairs: [(String, any Encodable)] = [("resource", resource), ("field", field)]
        switch kind {
        case .moved(let days): pairs += [("kind", "moved"), ("days", days)]
        case .shifted(let by): pairs += [("kind", "shifted"), ("by", by)]
        case .changed: pairs.append(("kind", "changed"))
        case .added: pairs.append(("kind", "added"))
        case .removed: pairs.append(("kind", "removed"))
        }
        try encoder.object(pairs + [("count", count), ("examples", examples)])
    }
}

extension RecordingDiff.ChangeGroup.Example: Encodable {
    package func encode(to encoder: any Encoder) throws {
        try encoder.object([("item", item), ("before", before ?? JSONValue.null), ("after", after ?? JSONValue.null)])
    }
}
