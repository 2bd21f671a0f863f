import Foundation

/// A JSON number as it was written, so raw output, recorded files and JSON output print back the exact
/// digits Vitally sent (`9007199254740993` stays that, `-1.5e2` stays that).
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// The literal text: always valid JSON number syntax.
    public let text: String

    /// A number we computed; integers print without a fraction, non-finite values as `null`.
    public init(_ value: Double) { text = JSONNumber.format(value) }

    /// An integer, digit for digit.
    public init(_ value: Int) { text = String(value) }

    /// Text the parser has already checked against the JSON number grammar.
    init(validated text: String) { self.text = text }

    /// The value as a `Double`: infinite when the literal is beyond its range (`1e400`).
    public var double: Double {
        if let small = smallInteger { return Double(small) }
        return Double(text) ?? .nan
    }

    /// The value as an `Int` when it is an integer that fits (`1e3` and `7.0` count), else nil.
    public var int: Int? {
        if let small = smallInteger { return small }
        if let exact = Int(text) { return exact }
        let d = double
        guard d == d.rounded() else { return nil }
        return Int(checked: d)
    }

    public var description: String { text }

    /// Equal when written alike or when they are the same finite value (`1.0` and `1`).
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.text == rhs.text { return true }
        let (a, b) = (lhs.double, rhs.double)
        return a.isFinite && a == b
    }

    /// Up to 15 plain digits, with an optional minus: the common case, read without `strtod`.
    private var smallInteger: Int? {
        var utf8 = text.utf8[...]
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { utf8 = utf8.dropFirst() }
        guard !utf8.isEmpty, utf8.count <= 15 else { return nil }
        var value = 0
        for b in utf8 {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b &- UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    /// Integers print without a fraction; everything else as the shortest form of the value held
    /// to 15 significant digits (all a `Double` carries faithfully), so arithmetic's binary noise
    /// (`7.4 - 6.2` = `1.2000000000000002`) prints as the number meant (`1.2`).
    static func format(_ n: Double) -> String {
        if !n.isFinite { return "null" }
        if n == n.rounded(), abs(n) < 1e15, let whole = Int(checked: n) { return String(whole) }
        let meant = Double(String(format: "%.15g", n)) ?? n
        if meant == meant.rounded(), abs(meant) < 1e15, let whole = Int(checked: meant) { return String(whole) }
        return "\(meant)"
    }
}
