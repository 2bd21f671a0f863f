import Foundation

/// Reads the timestamps Vitally sends (`2020-12-11T20:16:27.370Z`, without fraction, with an
/// offset, or date-only `2021-01-01`) and writes them back in its millisecond form.
public enum VitallyDate {
    /// Parses any of the accepted forms; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                let d = Int(b[i]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard b.count >= 10, let year = num(0, 4), b[4] == 45, let month = num(5, 2), b[7] == 45,
            let day = num(8, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86400
        if b.count == 10 { return Date(timeIntervalSince1970: seconds) }
        guard b.count >= 16, b[10] == 84 || b[10] == 116 || b[10] == 32, let hour = num(11, 2), b[13] == 58,
            let minute = num(14, 2)
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        var i = 16
        if i < b.count, b[i] == 58 {
            guard let second = num(17, 2) else { return nil }
            seconds += Double(second)
            i = 19
            if i < b.count, b[i] == 46 {
                i += 1
                var fraction = 0.0
                var scale = 0.1
                while i < b.count, b[i] >= 48 && b[i] <= 57 {
                    fraction += Double(Int(b[i]) - 48) * scale
                    scale /= 10
                    i += 1
                }
                seconds += fraction
            }
        }
        if i == b.count { return Date(timeIntervalSince1970: seconds) }
        if b[i] == 90 || b[i] == 122 { return i + 1 == b.count ? Date(timeIntervalSince1970: seconds) : nil }
        guard b[i] == 43 || b[i] == 45, let oh = num(i + 1, 2) else { return nil }
        var om = 0
        if i + 3 < b.count {
            let at = b[i + 3] == 58 ? i + 4 : i + 3
            om = num(at, 2) ?? 0
        }
        let offset = Double(oh * 3600 + om * 60)
        return Date(timeIntervalSince1970: b[i] == 43 ? seconds - offset : seconds + offset)
    }

    /// `2025-06-02T17:40:03.551Z`
    public static func format(_ date: Date) -> String {
        let (y, m, d, rest) = components(date)
        let ms = milliseconds(date) % 1000
        let msPositive = (ms + 1000) % 1000
        return "\(padded(y, 4))-\(padded(m, 2))-\(padded(d, 2))T\(padded(rest / 3600, 2)):\(padded((rest % 3600) / 60, 2))"
            + ":\(padded(rest % 60, 2)).\(padded(msPositive, 3))Z"
    }

    /// `value` in at least `width` characters, zero-padded after any sign (as `%0*d` does, which
    /// costs a Foundation format per call: every recorded exchange writes a date).
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count - sign.count)) + digits
    }

    /// `2025-06-02`
    public static func formatDay(_ date: Date) -> String {
        let (y, m, d, _) = components(date)
        return "\(padded(y, 4))-\(padded(m, 2))-\(padded(d, 2))"
    }

    /// Midnight UTC of the day holding `date`.
    public static func startOfDay(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86400).rounded(.down) * 86400)
    }

    /// Milliseconds since 1970, held to `Int`'s range (0 when not a number): a date read from a
    /// file (a history store) can be anything.
    static func milliseconds(_ date: Date) -> Int {
        Int(saturating: (date.timeIntervalSince1970 * 1000).rounded()) ?? 0
    }

    static func components(_ date: Date) -> (Int, Int, Int, Int) {
        let ms = milliseconds(date)
        var days = ms / 86_400_000
        var rest = ms % 86_400_000
        if rest < 0 {
            rest += 86_400_000
            days -= 1
        }
        let (y, m, d) = civil(fromDays: days)
        return (y, m, d, rest / 1000)
    }

    /// Howard Hinnant's days-from-civil algorithm.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension JSONValue {
    /// A timestamp or date-only string as a date, or an epoch number (seconds, or milliseconds
    /// when above 1e11). vitally-api.md is unsure whether any endpoint sends epoch numbers; some
    /// integrations' traits do, so both are read.
    public var date: Date? {
        if case .number(let n) = self { return VitallyDate.fromEpoch(n.double) }
        return string.flatMap(VitallyDate.parse)
    }
}

extension VitallyDate {
    /// An epoch number as a date: milliseconds above 1e11 (after 1973 in ms), else seconds;
    /// nil outside years 1970-9999 or when not finite.
    static func fromEpoch(_ n: Double) -> Date? {
        guard n.isFinite, n >= 0 else { return nil }
        let seconds = n > 1e11 ? n / 1000 : n
        guard seconds < 253_402_300_800 else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }
}
