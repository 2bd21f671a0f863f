import Foundation

/// The one criterion `customObjects/:id/instances/search` is asked with.
public enum InstanceCriterion: Sendable, Equatable {
    case organizationId(String), customerId(String)

    var item: QueryItem {
        switch self {
        case .organizationId(let id): return QueryItem("organizationId", id)
        case .customerId(let id): return QueryItem("customerId", id)
        }
    }
}

/// One customer's instances of one custom object.
public struct CustomObjectInstances: Sendable {
    public var object: CustomObjectRecord
    public var instances: [CustomObjectRecord]
    /// The answer was `{results, next}` with a `next`: the search takes no cursor, so the rest is not read.
    public var more: Bool
    public var criterion: InstanceCriterion

    /// An instance's traits by the labels the object's fields give them (the path when a field is unknown).
    public func labelled(_ instance: CustomObjectRecord) -> [(label: String, value: JSONValue)] {
        instance.traits.compactMap { key, value in
            guard !value.isNull else { return nil }
            return (object.fields.first { $0.path == key }?.label ?? key, value)
        }
    }
}

extension VitallyClient {
    /// One customer's instances, with exactly one criterion and no `limit`, `from` or `sortBy` (the
    /// documented form). Public sources disagree on the envelope, so a bare array and
    /// `{results, next}` are both read; anything else throws instead of reading as none.
    public func searchInstances(of object: CustomObjectRecord, _ criterion: InstanceCriterion) async throws -> CustomObjectInstances {
        let path = "/resources/customObjects/\(Self.segment(object.id))/instances/search"
        let json = try await getJSON(path, query: [criterion.item])
        guard let rows = json.array ?? json["results"]?.array else {
            throw VitallyError.unrecognisedShape(path: path, query: [criterion.item], expected: "a bare array or {results, next}")
        }
        let next = json["next"].flatMap { $0.isNull ? nil : $0.string }
        return CustomObjectInstances(object: object, instances: rows.map(CustomObjectRecord.init(json:)), more: next?.isEmpty == false,
                                     criterion: criterion)
    }
}
