import Foundation

/// An `RRULE` (RFC 5545 §3.3.10), the parts Google Calendar and Outlook export: FREQ
/// DAILY/WEEKLY/MONTHLY/YEARLY, INTERVAL, COUNT, UNTIL, BYDAY (with ordinals for monthly:
/// `2TU`, `-1FR`), BYMONTHDAY, BYSETPOS and WKST.
package struct RecurrenceRule: Sendable, Equatable {
    package enum Frequency: String, Sendable {
        case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// A weekday (0 = Monday) with an optional ordinal within the month (`2TU`: 2, `-1FR`: -1).
    package struct Weekday: Sendable, Equatable {
        package var day: Int
        package var ordinal: Int?
    }

    package var frequency: Frequency
    package var interval = 1
    package var count: Int?
    /// The last instant an occurrence may start at (inclusive).
    package var until: Date?
    package var byDay: [Weekday] = []
    package var byMonthDay: [Int] = []
    package var bySetPosition: [Int] = []
    package var weekStart = 0

    static let dayNames = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    /// No series expands past this many periods (days, weeks, months) or occurrences: a hostile
    /// file cannot make the expansion spin.
    static let periodCeiling = 20_000

    /// `FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261231T235959Z`; nil when FREQ is missing or unsupported.
    /// `zone` reads an UNTIL written without `Z` (Outlook writes all-day UNTILs as a date).
    init?(_ text: String, zone: TimeZone) {
        var parts: [String: String] = [:]
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { parts[pair[0].uppercased()] = String(pair[1]) }
        }
        guard let freq = parts["FREQ"].flatMap({ Frequency(rawValue: $0.uppercased()) }) else { return nil }
        frequency = freq
        if let value = parts["INTERVAL"].flatMap({ Int($0) }), value >= 1 { interval = min(value, 1000) }
        if let value = parts["COUNT"].flatMap({ Int($0) }), value >= 0 { count = min(value, Self.periodCeiling) }
        if let value = parts["UNTIL"] {
            until = CalendarFile.time(value, parameters: [:], defaultZone: zone)?.instant
            if let until, !value.contains("T") {
                // A date-only UNTIL includes that whole day.
                self.until = until.addingTimeInterval(86_399)
            }
        }
        if let value = parts["BYDAY"] {
            byDay = value.split(separator: ",").compactMap { item in
                let name = String(item.suffix(2)).uppercased()
                guard let day = Self.dayNames.firstIndex(of: name) else { return nil }
                let prefix = item.dropLast(2)
                guard !prefix.isEmpty else { return Weekday(day: day, ordinal: nil) }
                guard let ordinal = Int(prefix.hasPrefix("+") ? prefix.dropFirst() : prefix), ordinal != 0, abs(ordinal) <= 53 else { return nil }
                return Weekday(day: day, ordinal: ordinal)
            }
        }
        byMonthDay = (parts["BYMONTHDAY"] ?? "").split(separator: ",").compactMap { Int($0) }.filter { $0 != 0 && abs($0) <= 31 }
        bySetPosition = (parts["BYSETPOS"] ?? "").split(separator: ",").compactMap { Int($0) }.filter { $0 != 0 && abs($0) <= 366 }
        if let value = parts["WKST"], let day = Self.dayNames.firstIndex(of: value.uppercased()) { weekStart = day }
    }

    /// The series' start times, in order, from `start` (always the first) until the rule ends or
    /// an occurrence passes `end`. COUNT counts from `start`, so it is honoured however far
    /// `end` is; without COUNT the expansion skips whole periods before `from`.
    func occurrences(from start: CivilDate, zone: TimeZone, until end: Date, notBefore from: Date) -> [Date] {
        var out: [Date] = []
        var produced = 0
        let first = start.instant(in: zone)
        var period = count == nil ? skippedPeriods(start, zone: zone, before: from) : 0
        var steps = 0
        while steps < Self.periodCeiling {
            steps += 1
            let candidates = dates(inPeriod: period, of: start).filter { $0 >= start }
            period += interval
            for civil in candidates {
                let instant = civil.instant(in: zone)
                if let until, instant > until { return out }
                if instant > end { return out }
                produced += 1
                if let count, produced > count { return out }
                if instant >= first { out.append(instant) }
            }
            if out.count >= Self.periodCeiling { return out }
        }
        return out
    }

    /// How many whole periods lie before `from`, rounded down to a multiple of the interval, less one.
    func skippedPeriods(_ start: CivilDate, zone: TimeZone, before from: Date) -> Int {
        let target = CivilDate(from, in: zone)
        let elapsed: Int
        switch frequency {
        case .daily: elapsed = target.dayNumber - start.dayNumber
        case .weekly: elapsed = (target.dayNumber - start.dayNumber) / 7
        case .monthly: elapsed = (target.year - start.year) * 12 + target.month - start.month
        case .yearly: elapsed = target.year - start.year
        }
        guard elapsed > interval else { return 0 }
        return (elapsed / interval - 1) * interval
    }

    /// The candidate dates of the `index`th period (day, week, month, year) counted from `start`'s.
    func dates(inPeriod index: Int, of start: CivilDate) -> [CivilDate] {
        switch frequency {
        case .daily:
            let day = start.adding(days: index)
            return matchesFilters(day) ? [day] : []
        case .weekly:
            let weekBegins = start.adding(days: -((start.weekday - weekStart + 7) % 7) + 7 * index)
            let days = byDay.isEmpty ? [start.weekday] : byDay.map(\.day)
            return Set(days.map { ($0 - weekStart + 7) % 7 }).sorted().map { weekBegins.adding(days: $0) }
        case .monthly:
            return setPositions(monthDates(start.monthStart(adding: index), start: start))
        case .yearly:
            let year = start.year + index
            guard start.day <= CivilDate.daysIn(year: year, month: start.month) else { return [] }
            var date = start
            date.year = year
            return [date]
        }
    }

    /// A month's candidates: BYMONTHDAY days, BYDAY weekdays (all, or the ordinal one), or `start`'s day.
    func monthDates(_ month: CivilDate, start: CivilDate) -> [CivilDate] {
        let length = CivilDate.daysIn(year: month.year, month: month.month)
        var days = Set<Int>()
        for day in byMonthDay {
            let resolved = day > 0 ? day : length + day + 1
            if (1...length).contains(resolved) { days.insert(resolved) }
        }
        for weekday in byDay {
            let firstOfMonth = (weekday.day - month.weekday + 7) % 7 + 1
            let all = Array(stride(from: firstOfMonth, through: length, by: 7))
            if let ordinal = weekday.ordinal {
                let index = ordinal > 0 ? ordinal - 1 : all.count + ordinal
                if all.indices.contains(index) {
                    // With BYMONTHDAY too, a day must satisfy both (RFC 5545's "limit").
                    if byMonthDay.isEmpty || days.contains(all[index]) { days.insert(all[index]) }
                }
            } else {
                for day in all where byMonthDay.isEmpty || days.contains(day) { days.insert(day) }
            }
        }
        if !byMonthDay.isEmpty, !byDay.isEmpty {
            let weekdays = Set(byDay.map(\.day))
            days = days.filter { weekdays.contains(month.adding(days: $0 - 1).weekday) }
        }
        if byMonthDay.isEmpty, byDay.isEmpty, start.day <= length { days.insert(start.day) }
        return days.sorted().map { month.adding(days: $0 - 1) }
    }

    func setPositions(_ dates: [CivilDate]) -> [CivilDate] {
        guard !bySetPosition.isEmpty else { return dates }
        return bySetPosition.compactMap { position in
            let index = position > 0 ? position - 1 : dates.count + position
            return dates.indices.contains(index) ? dates[index] : nil
        }.sorted()
    }

    func matchesFilters(_ day: CivilDate) -> Bool {
        if !byDay.isEmpty, !byDay.contains(where: { $0.day == day.weekday }) { return false }
        if !byMonthDay.isEmpty {
            let length = CivilDate.daysIn(year: day.year, month: day.month)
            if !byMonthDay.contains(where: { ($0 > 0 ? $0 : length + $0 + 1) == day.day }) { return false }
        }
        return true
    }
}
