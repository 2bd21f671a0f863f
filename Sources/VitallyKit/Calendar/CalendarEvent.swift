import Foundation

/// A point in a calendar file: an instant, the zone its wall-clock time was written in (so a
/// weekly rule keeps 10:00 across a daylight-saving change), and whether it is a whole day.
public struct CalendarTime: Sendable, Equatable {
    public var instant: Date
    public var allDay: Bool
    var zone: TimeZone

    var civil: CivilDate { CivilDate(instant, in: zone) }
}

/// One VEVENT as written: a single meeting, the first of a recurring series, or one
/// occurrence's override (`recurrenceID` set).
public struct CalendarEvent: Sendable, Equatable {
    public var uid: String?
    public var summary: String?
    public var start: CalendarTime?
    public var attendees: [String] = []
    public var organizer: String?
    public var rule: RecurrenceRule?
    var ruleText: String?
    /// The occurrences a series skips (`EXDATE`).
    public var exceptions: [CalendarTime] = []
    /// The occurrence this event replaces (`RECURRENCE-ID`).
    public var recurrenceID: CalendarTime?
    public var cancelled = false
    /// `TZID`s no zone was found for; those times were read as UTC.
    public var unknownZones: [String] = []

    /// Everyone on the invite: the organizer first, then the attendees, each once (case-insensitive).
    public var people: [String] {
        var seen = Set<String>()
        return ([organizer].compactMap { $0 } + attendees).filter { seen.insert($0.lowercased()).inserted }
    }
}

/// A meeting on the calendar: one occurrence of an event, within the range asked for.
public struct CalendarMeeting: Sendable, Equatable {
    public var title: String?
    public var start: Date
    public var allDay: Bool
    public var attendees: [String]
    /// Which event it came from, and whether that event repeats.
    public var uid: String?
    public var recurring: Bool

    public init(title: String?, start: Date, allDay: Bool = false, attendees: [String], uid: String? = nil, recurring: Bool = false) {
        self.title = title
        self.start = start
        self.allDay = allDay
        self.attendees = attendees
        self.uid = uid
        self.recurring = recurring
    }
}
