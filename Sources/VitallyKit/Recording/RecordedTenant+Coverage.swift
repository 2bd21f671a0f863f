import Foundation

extension RecordedTenant {
    /// How much of one list a recording holds (`recordings show FILE --coverage`).
    package struct Coverage: Sendable, Equatable, Encodable {
        package var resource: String
        /// `""` for the whole tenant, else `accounts/ID`.
        package var scope: String
        /// Distinct items the recording holds for this list (the tenant's: from every scope).
        package var items: Int
        /// Recorded pages of this list.
        package var pages: Int
        /// Read to its end: unfiltered pages from the first to one with `next: null`.
        package var complete: Bool
    }

    /// One row per recorded list, tenant lists first within each resource.
    package var coverage: [Coverage] {
        listOrder.keys.sorted().map { key in
            Coverage(
                resource: key.resource, scope: key.scope, items: items(in: key)?.count ?? 0,
                pages: pages[key]?.count ?? 0, complete: isComplete(key))
        }
    }
}
