import Foundation

/// The meeting a calendar invite (.ics) describes: its title, start and attendees.
package struct CalendarInvite: Sendable, Equatable {
    package var summary: String?
    package var start: Date?
    package var attendees: [String]

    /// Reads the file's VEVENTs (`CalendarFile`), returning the next one at or after `now`, else
    /// the latest. Throws when the text holds no event.
    package static func parse(_ text: String, now: Date) throws(VitallyError) -> CalendarInvite {
        let events = try CalendarFile.parse(text).events.map { event in
            CalendarInvite(summary: event.summary, start: event.start?.instant, attendees: event.attendees)
        }
        let upcoming = events.filter { ($0.start ?? .distantPast) >= VitallyDate.startOfDay(now) }
            .sorted { ($0.start ?? .distantFuture) < ($1.start ?? .distantFuture) }
        return upcoming.first ?? events.max { ($0.start ?? .distantPast) < ($1.start ?? .distantPast) } ?? events[0]
    }
}
