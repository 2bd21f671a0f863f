import Foundation

/// A coding key for any name: a record's keys as Vitally sent them, and the derived keys a
/// result value adds beside them.
struct RecordKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedEncodingContainer where Key == RecordKey {
    /// Every member of `raw` (an object, as Vitally sent it) in its order, except `derived`, the
    /// key the caller writes after them.
    mutating func encodeMembers(of raw: JSONValue, before derived: String) throws {
        for (key, value) in raw.object ?? JSONObject() where key != derived { try encode(value, forKey: RecordKey(key)) }
    }
}
