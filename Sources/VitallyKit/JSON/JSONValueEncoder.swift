import Foundation

/// Encodes an `Encodable` value into a `JSONValue`: object keys in the order they are encoded
/// (a synthesized `encode(to:)` follows the declaration order), and an absent optional written as
/// `null` rather than left out, so every key of a result type is always there for a script to read.
/// Numbers go through `JSONNumber`, so they print as every other JSON the shell writes.
package struct JSONValueEncoder {
    package init() {}

    package func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Slot()
        try value.encode(to: ValueEncoder(slot: root, codingPath: []))
        return root.resolve()
    }
}

/// One place a value is written: filled once by a container or a single value.
private final class Slot {
    enum Content {
        case unset
        case value(JSONValue)
        case object([(key: String, slot: Slot)])
        case array([Slot])
    }

    var content: Content = .unset

    func resolve() -> JSONValue {
        switch content {
        case .unset: return .null
        case .value(let value): return value
        case .object(let members): return .object(JSONObject(members.map { ($0.key, $0.slot.resolve()) }))
        case .array(let items): return .array(items.map { $0.resolve() })
        }
    }

    /// The member for `key`, created at the end when new (a key written twice keeps its first place).
    func member(_ key: String) -> Slot {
        if case .object(var members) = content {
            if let existing = members.first(where: { $0.key == key }) { return existing.slot }
            let slot = Slot()
            content = .unset  // the members are then held once, and grow where they lie
            members.append((key, slot))
            content = .object(members)
            return slot
        }
        let slot = Slot()
        content = .object([(key, slot)])
        return slot
    }

    func appended() -> Slot {
        let slot = Slot()
        guard case .array(var items) = content else {
            content = .array([slot])
            return slot
        }
        // The items are then held once, so appending does not copy them all (a 10,000-item list
        // was copied once per item).
        content = .unset
        items.append(slot)
        content = .array(items)
        return slot
    }

    /// A JSON value for the scalars `Codable` knows; nil for anything else (it encodes itself).
    static func scalar(_ value: some Encodable) -> JSONValue? {
        switch value {
        case let value as JSONValue: return value
        case let value as String: return .string(value)
        case let value as Bool: return .bool(value)
        case let value as Double: return .number(value)
        case let value as Float: return .number(Double(value))
        case let value as Int: return .number(JSONNumber(value))
        case let value as any BinaryInteger: return Int(exactly: value).map { .number(JSONNumber($0)) } ?? .string("\(value)")
        case let value as Date: return .string(VitallyDate.format(value))
        default: return nil
        }
    }

    func write(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        if let scalar = Self.scalar(value) {
            content = .value(scalar)
        } else {
            try value.encode(to: ValueEncoder(slot: self, codingPath: codingPath))
        }
    }
}

private struct ValueEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = slot.content {} else { slot.content = .object([]) }
        return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = slot.content {} else { slot.content = .array([]) }
        return Unkeyed(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.member(key.stringValue).content = .value(.null) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try slot.member(key.stringValue).write(value, codingPath: codingPath + [key])
    }

    // An absent optional is written as null, not left out: the key is part of the result's shape.
    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, key) }

    private mutating func encodeOptional(_ value: (some Encodable)?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(slot: slot.member("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]) }
}

private struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue ?? 0)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = slot.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws { slot.appended().content = .value(.null) }

    mutating func encode(_ value: some Encodable) throws {
        let index = count
        try slot.appended().write(value, codingPath: codingPath + [IndexKey(index)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(slot: slot.appended(), codingPath: codingPath + [IndexKey(count)]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: slot.appended(), codingPath: codingPath + [IndexKey(count)]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(slot: slot.appended(), codingPath: codingPath) }
}

private struct Single: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.content = .value(.null) }

    mutating func encode(_ value: some Encodable) throws { try slot.write(value, codingPath: codingPath) }
}
