import Foundation

extension RecordedTenant {
    /// How much of one list a recording holds (`recordings show FILE --coverage`).
    public struct Coverage: Sendable, Equatable, Encodable {
        public var resource: String
        /// `""` for the whole tenant, else `accounts/ID`.
        public var scope: String
        /// Distinct items the recording holds for this list (the tenant's: from every scope).
        public var items: Int
        /// Recorded pages of this list.
        public var pages: Int
        /// Read to its end: unfiltered pages from the first to one with `next: null`.
        public var complete: Bool
    }

    /// One row per recorded list, tenant lists first within each resource.
    public var coverage: [Coverage] {
        listOrder.keys.sorted().map { key in
            Coverage(
                resource: key.resource, scope: key.scope, items: items(in: key)?.count ?? 0,
                pages: pages[key]?.count ?? 0, complete: isComplete(key))
        }
    }
}
