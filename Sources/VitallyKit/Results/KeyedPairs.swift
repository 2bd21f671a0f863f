import Foundation

/// An object whose keys are named at run time, encoded in the order given (an absent optional as null).
struct KeyedPairs: Encodable {
    let pairs: [(String, any Encodable)]

    init(_ pairs: [(String, any Encodable)]) { self.pairs = pairs }

    func encode(to encoder: any Encoder) throws { try encoder.object(pairs) }
}

/// A key named at run time, for values whose keys depend on a case.
struct NamedKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Encoder {
    /// An object of these keys and values, in this order (an absent optional as null).
    func object(_ pairs: [(String, any Encodable)]) throws {
        var container = container(keyedBy: NamedKey.self)
        for (key, value) in pairs { try container.encode(value, forKey: NamedKey(stringValue: key)) }
    }
}
