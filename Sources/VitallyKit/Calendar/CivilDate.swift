import Foundation

/// A wall-clock date and time with no zone (`2026-12-07 10:00`), and the arithmetic recurrence
/// rules need: days, weekdays, months. Pure integer arithmetic, so expanding a rule is fast and
/// never depends on the machine's calendar settings.
struct CivilDate: Sendable, Equatable, Comparable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0

    /// Days since 1970-01-01.
    var dayNumber: Int { VitallyDate.daysFromCivil(year: year, month: month, day: day) }

    /// The date `dayNumber` days after 1970-01-01, at this one's time of day.
    func with(dayNumber: Int) -> CivilDate {
        let (y, m, d) = VitallyDate.civil(fromDays: dayNumber)
        return CivilDate(year: y, month: m, day: d, hour: hour, minute: minute, second: second)
    }

    func adding(days: Int) -> CivilDate { with(dayNumber: dayNumber + days) }

    /// 0 = Monday ... 6 = Sunday.
    var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first of the month `months` after this one's month (day 1, same time of day).
    func monthStart(adding months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return CivilDate(year: y, month: index - y * 12 + 1, day: 1, hour: hour, minute: minute, second: second)
    }

    var secondsOfDay: Int { hour * 3600 + minute * 60 + second }

    static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.dayNumber, a.secondsOfDay) < (b.dayNumber, b.secondsOfDay)
    }

    /// The instant this wall-clock time names in `zone` (a time skipped by a DST jump moves forward).
    func instant(in zone: TimeZone) -> Date {
        let asUTC = Date(timeIntervalSince1970: Double(dayNumber) * 86_400 + Double(secondsOfDay))
        let first = asUTC.addingTimeInterval(-Double(zone.secondsFromGMT(for: asUTC)))
        return asUTC.addingTimeInterval(-Double(zone.secondsFromGMT(for: first)))
    }

    /// The wall-clock time of `date` in `zone`.
    init(_ date: Date, in zone: TimeZone) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        self = CivilDate(year: 1970, month: 1, day: 1, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60).with(dayNumber: days)
    }

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// `20261207`, `20261207T100000` or `20261207T100000Z` (the Z is the caller's business).
    init?(ics value: Substring) {
        let digits = Array(value.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count else { return nil }
            var n = 0
            for byte in digits[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                n = n * 10 + Int(byte - 0x30)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(4..<6), let d = number(6..<8), (1...12).contains(m),
            (1...CivilDate.daysIn(year: y, month: m)).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
        guard digits.count > 8 else { return }
        guard digits[8] == UInt8(ascii: "T"), let h = number(9..<11), let mi = number(11..<13), let s = number(13..<15),
            h < 24, mi < 60, s <= 60
        else { return nil }
        hour = h
        minute = mi
        second = min(s, 59)
    }
}
