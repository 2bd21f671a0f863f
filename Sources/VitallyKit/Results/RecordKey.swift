import Foundation

/// A coding key for any name: a record's keys as Vitally sent them, and the derived keys a
/// result value adds beside them.
package struct RecordKey: CodingKey {
    package var stringValue: String
    package var intValue: Int? { nil }
    package init(_ string: String) { stringValue = string }
    package init?(stringValue: String) { self.stringValue = stringValue }
    package init?(intValue: Int) { nil }
}

extension KeyedEncodingContainer where Key == RecordKey {
    /// Every member of `raw` (an object, as Vitally sent it) in its order, except `derived`, the
    /// keys the caller writes after them.
    package mutating func encodeMembers(of raw: JSONValue, before derived: String...) throws {
        try encodeMembers(of: raw, before: derived)
    }

    /// As `encodeMembers(of:before:)`, the derived keys given as an array.
    package mutating func encodeMembers(of raw: JSONValue, before derived: [String]) throws {
        for (key, value) in raw.object ?? JSONObject() where !derived.contains(key) { try encode(value, forKey: RecordKey(key)) }
    }
}
