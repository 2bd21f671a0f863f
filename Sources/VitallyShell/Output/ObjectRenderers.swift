import VitallyKit

/// The text of `objects`: a row per custom object.
struct CustomObjectListRenderer: ResultRenderer {
    func blocks(_ list: CustomObjectList) -> [OutputBlock] {
        guard !list.objects.isEmpty else { return [.text("No custom objects in this tenant.", .dim)] }
        let rows = list.objects.map { object in
            [Span(object.displayName), Span(object.name ?? "—", .dim), Span(object.fields.map(\.label).joined(separator: ", ").ifEmpty("—")),
             Span(object.id, .dim)]
        }
        return [.table(Table(columns: ["LABEL", "NAME", "FIELDS", "ID"], rows: rows, flexible: [2, 3]))]
    }
}

/// The text of `objects ORG|ACCOUNT [NAME]`: per custom object, its instances with their fields by label.
struct CustomerObjectInstancesRenderer: ResultRenderer {
    func blocks(_ report: CustomerObjectInstances) -> [OutputBlock] {
        let owner = "\(report.ownerKind.rawValue) \(report.ownerName)"
        let hint = report.organizationId.map { "; its organization's: 'objects \($0)'" } ?? ""
        var blocks: [OutputBlock] = [.line([Span(owner, .bold), Span(" · \(Format.count(report.entries.count, "custom object"))", .dim)])]
        for entry in report.entries {
            guard let found = entry.found else {
                blocks.append(.text(entry.error ?? "\(entry.object.displayName) could not be read", .warn))
                continue
            }
            blocks.append(.text("\(entry.object.displayName) (\(found.instances.count))", .bold))
            for instance in found.instances {
                let accounts = report.accounts(of: instance)
                let label = accounts.isEmpty ? "" : "[" + accounts.joined(separator: ", ") + "] "
                let fields = found.labelled(instance).map { "\($0.label): \($0.value.string ?? $0.value.serialized())" }
                blocks.append(.text("  \(label)\(instance.name ?? instance.id)" + (fields.isEmpty ? "" : " — " + fields.joined(separator: ", "))))
            }
            if found.instances.isEmpty { blocks.append(.text("  none for this \(report.ownerKind.rawValue)\(hint)", .dim)) }
            if found.more { blocks.append(.text("  (Vitally said there are more; the search takes no cursor, so they are not shown)", .warn)) }
        }
        return blocks
    }
}
