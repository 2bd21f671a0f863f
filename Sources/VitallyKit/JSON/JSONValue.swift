/// A JSON document that keeps object keys in the order they arrived, so what we
/// print, record and serve reads like what Vitally sent.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public subscript(index: Int) -> JSONValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    /// A string, or a number rendered as one (ids sometimes arrive as numbers).
    public var string: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n.text
        default: return nil
        }
    }

    /// A number, or a string holding one.
    public var double: Double? {
        switch self {
        case .number(let n): return n.double
        case .string(let s): return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// An integer that fits in `Int`; fractions are cut toward zero, anything out of range is nil.
    public var int: Int? {
        if case .number(let n) = self, let exact = n.int { return exact }
        guard let d = double, d.isFinite, abs(d) < 9e15 else { return nil }
        return Int(d)
    }

    public var bool: Bool? {
        switch self {
        case .bool(let b): return b
        case .string(let s): return s == "true" ? true : s == "false" ? false : nil
        default: return nil
        }
    }

    public var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var object: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A number we computed (not one that arrived as text).
    public static func number(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }
}

/// A JSON object: its members in arrival order, with hashed lookup once it is large.
public struct JSONObject: Sendable, Equatable, Sequence {
    private var members: [(key: String, value: JSONValue)] = []
    /// Positions by key, kept only for larger objects: a small one (every HAR entry's parts, most of
    /// Vitally's records) is searched in place, which is cheaper than hashing each key.
    private var positions: [String: Int]?
    private static let indexedAbove = 16

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// Members whose keys are known to differ (another object's, values changed): stored as they
    /// are, without searching for each key.
    package init(uniqueMembers: [(key: String, value: JSONValue)]) {
        members = uniqueMembers
        reindex()
    }

    /// The keys in arrival order.
    public var keys: [String] { members.map(\.key) }

    /// The members in arrival order, as stored: a loop over them needs no boxed iterator (a walk
    /// over every object of a recording, the serialiser's and the scrubber's, is the hot path).
    package var orderedMembers: [(key: String, value: JSONValue)] { members }

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return members.firstIndex { $0.key == key }
    }

    /// A repeated key keeps its first place and takes the last value, as a dictionary would.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let at = position(of: key) {
                if let newValue {
                    members[at].value = newValue
                } else {
                    members.remove(at: at)
                    reindex()
                }
            } else if let newValue {
                members.append((key, newValue))
                if positions != nil {
                    positions?[key] = members.count - 1
                } else if members.count > JSONObject.indexedAbove {
                    reindex()
                }
            }
        }
    }

    private mutating func reindex() {
        guard members.count > JSONObject.indexedAbove else {
            positions = nil
            return
        }
        var built = [String: Int](minimumCapacity: members.count)
        for (at, member) in members.enumerated() { built[member.key] = at }
        positions = built
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var iterator = members.makeIterator()
        return AnyIterator { iterator.next() }
    }

    /// Equal when they hold the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.count == rhs.count && lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    public init(_ string: String?) { self = string.map { .string($0) } ?? .null }
    public init(_ number: Double?) { self = number.map { .number($0) } ?? .null }
    public init(_ number: Int?) { self = number.map { .number(JSONNumber($0)) } ?? .null }
    public init(_ flag: Bool?) { self = flag.map { .bool($0) } ?? .null }
}

import Foundation
