import Foundation

/// A Vitally object read tolerantly from JSON: unknown keys ignored, nulls and wrong types
/// read as absent, ids that arrive as numbers read as strings. `raw` keeps what was sent.
public protocol VitallyModel: Sendable {
    init(json: JSONValue)
    var raw: JSONValue { get }
}

/// `{id, name}` pairs: segments, categories, key-role labels.
public struct NamedRef: Sendable, Equatable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        name = json["name"]?.string ?? json["label"]?.string ?? ""
    }
}

/// A team member (Vitally "admin") as embedded in notes, tasks and key roles.
public struct Admin: VitallyModel, Equatable {
    public var id: String
    public var name: String?
    public var email: String?
    public var licenseStatus: String?
    public let raw: JSONValue

    public init(json: JSONValue) {
        id = json["id"]?.string ?? ""
        name = json["name"]?.string
        email = json["email"]?.string
        licenseStatus = json["licenseStatus"]?.string
        raw = json
    }
}

extension JSONValue {
    /// The items of an array field, or none when absent or not an array.
    func list<T>(_ key: String, _ make: (JSONValue) -> T) -> [T] {
        (self[key]?.array ?? []).map(make)
    }

    func strings(_ key: String) -> [String] {
        (self[key]?.array ?? []).compactMap(\.string)
    }

    /// A non-null object field.
    func nonNull(_ key: String) -> JSONValue? {
        guard let v = self[key], !v.isNull else { return nil }
        return v
    }
}
