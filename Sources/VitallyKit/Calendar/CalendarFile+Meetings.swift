import Foundation

extension CalendarFile {
    /// The meetings that start in `from..<to`, in order: single events, every occurrence of a
    /// series less its EXDATEs, with each occurrence a RECURRENCE-ID event moves or cancels
    /// replaced by that event. Cancelled events are left out.
    package func meetings(from: Date, to: Date) -> [CalendarMeeting] {
        var overrides: [String: [CalendarEvent]] = [:]
        var out: [CalendarMeeting] = []
        for event in events where event.recurrenceID != nil {
            overrides[event.uid ?? "", default: []].append(event)
        }
        let inRange = { (date: Date) in date >= from && date < to }
        for event in events where event.recurrenceID == nil && !event.cancelled {
            guard let start = event.start else { continue }
            guard let rule = event.rule else {
                if inRange(start.instant) { out.append(meeting(event, at: start.instant, recurring: false)) }
                continue
            }
            let moved = overrides[event.uid ?? ""] ?? []
            for instant in rule.occurrences(from: start.civil, zone: start.zone, until: to, notBefore: from) where inRange(instant) {
                if event.exceptions.contains(where: { Self.same($0, instant, zone: start.zone) }) { continue }
                if moved.contains(where: { $0.recurrenceID.map { Self.same($0, instant, zone: start.zone) } ?? false }) { continue }
                out.append(meeting(event, at: instant, recurring: true))
            }
        }
        // Moved (or re-titled, re-invited) occurrences, with what the series says where they are silent.
        for (uid, moved) in overrides {
            let series = events.first { $0.recurrenceID == nil && ($0.uid ?? "") == uid }
            for event in moved where !event.cancelled {
                guard let start = event.start ?? event.recurrenceID, inRange(start.instant) else { continue }
                var filled = event
                if filled.summary == nil { filled.summary = series?.summary }
                if filled.people.isEmpty {
                    filled.attendees = series?.attendees ?? []
                    filled.organizer = series?.organizer
                }
                out.append(meeting(filled, at: start.instant, recurring: true))
            }
        }
        return out.sorted { a, b in
            if a.start != b.start { return a.start < b.start }
            return (a.title ?? "", a.uid ?? "") < (b.title ?? "", b.uid ?? "")
        }
    }

    /// The time zones no `TZID` could be found for (those times were read as UTC).
    package var unknownZones: [String] {
        var seen = Set<String>()
        return events.flatMap(\.unknownZones).filter { seen.insert($0).inserted }
    }

    func meeting(_ event: CalendarEvent, at instant: Date, recurring: Bool) -> CalendarMeeting {
        CalendarMeeting(title: event.summary, start: instant, allDay: event.start?.allDay ?? false, attendees: event.people,
                uid: event.uid, recurring: recurring)
    }

    /// Whether an EXDATE or RECURRENCE-ID names this occurrence: the same instant, or the same day for a date.
    static func same(_ time: CalendarTime, _ instant: Date, zone: TimeZone) -> Bool {
        guard time.allDay else { return abs(time.instant.timeIntervalSince(instant)) < 1 }
        let day = CivilDate(instant, in: zone)
        let other = time.civil
        return (day.year, day.month, day.day) == (other.year, other.month, other.day)
    }
}
