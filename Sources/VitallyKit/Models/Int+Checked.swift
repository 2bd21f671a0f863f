/// Conversions of outside numbers to `Int` that never trap.
extension Int {
    /// `value` rounded toward zero, or nil when it is not finite or does not fit in an `Int`.
    package init?(checked value: Double) {
        guard value.isFinite, value > -9.2e18, value < 9.2e18 else { return nil }
        self.init(value)
    }

    /// `value` rounded toward zero and held to `Int`'s range (nil only for NaN).
    package init?(saturating value: Double) {
        if value.isNaN { return nil }
        self = Int(checked: value) ?? (value < 0 ? Int.min : Int.max)
    }
}
