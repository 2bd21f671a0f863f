import Foundation

/// A point in a calendar file: an instant, the zone its wall-clock time was written in (so a
/// weekly rule keeps 10:00 across a daylight-saving change), and whether it is a whole day.
package struct CalendarTime: Sendable, Equatable {
    package var instant: Date
    package var allDay: Bool
    var zone: TimeZone

    var civil: CivilDate { CivilDate(instant, in: zone) }
}

/// One VEVENT as written: a single meeting, the first of a recurring series, or one
/// occurrence's override (`recurrenceID` set).
package struct CalendarEvent: Sendable, Equatable {
    package var uid: String?
    package var summary: String?
    package var start: CalendarTime?
    package var attendees: [String] = []
    package var organizer: String?
    package var rule: RecurrenceRule?
    var ruleText: String?
    /// The occurrences a series skips (`EXDATE`).
    package var exceptions: [CalendarTime] = []
    /// The occurrence this event replaces (`RECURRENCE-ID`).
    package var recurrenceID: CalendarTime?
    package var cancelled = false
    /// `TZID`s no zone was found for; those times were read as UTC.
    package var unknownZones: [String] = []

    /// Everyone on the invite: the organizer first, then the attendees, each once (case-insensitive).
    package var people: [String] {
        var seen = Set<String>()
        return ([organizer].compactMap { $0 } + attendees).filter { seen.insert($0.lowercased()).inserted }
    }
}

/// A meeting on the calendar: one occurrence of an event, within the range asked for.
package struct CalendarMeeting: Sendable, Equatable {
    package var title: String?
    package var start: Date
    package var allDay: Bool
    package var attendees: [String]
    /// Which event it came from, and whether that event repeats.
    package var uid: String?
    package var recurring: Bool

    package init(title: String?, start: Date, allDay: Bool = false, attendees: [String], uid: String? = nil, recurring: Bool = false) {
        self.title = title
        self.start = start
        self.allDay = allDay
        self.attendees = attendees
        self.uid = uid
        self.recurring = recurring
    }
}
