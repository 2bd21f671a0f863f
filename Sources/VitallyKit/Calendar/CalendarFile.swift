import Foundation

/// A calendar export (.ics) read into its VEVENTs, and expanded into the meetings of a date
/// range: recurring series (`RRULE`), skipped dates (`EXDATE`), moved or cancelled occurrences
/// (`RECURRENCE-ID`), zones by `TZID` (IANA or Outlook's Windows names), all-day events,
/// folded lines. Nothing in the file can crash the reader or make it spin.
package struct CalendarFile: Sendable, Equatable {
    package var events: [CalendarEvent]

    /// Reads every VEVENT; throws when there is none.
    package static func parse(_ text: String) throws(VitallyError) -> CalendarFile {
        var events: [CalendarEvent] = []
        var current: CalendarEvent?
        var depth = 0
        for line in unfold(text) {
            let upper = line.uppercased()
            if upper == "BEGIN:VEVENT" {
                current = CalendarEvent()
                depth = 0
                continue
            }
            guard current != nil else { continue }
            // A VALARM inside the event has its own ATTENDEE (who is notified) and DESCRIPTION.
            if upper.hasPrefix("BEGIN:") { depth += 1; continue }
            if upper.hasPrefix("END:"), upper != "END:VEVENT" { depth = max(0, depth - 1); continue }
            if upper == "END:VEVENT" {
                if var event = current {
                    // RRULE may come before DTSTART: its UNTIL is read in the start's zone once both are known.
                    event.rule = event.ruleText.flatMap { RecurrenceRule($0, zone: event.start?.zone ?? utc) }
                    events.append(event)
                }
                current = nil
                continue
            }
            guard depth == 0, let colon = line.firstIndex(of: ":") else { continue }
            let head = line[..<colon].split(separator: ";", omittingEmptySubsequences: false)
            let name = head.first.map { $0.uppercased() } ?? ""
            let parameters = Self.parameters(head.dropFirst())
            let value = String(line[line.index(after: colon)...])
            read(name, parameters, value, into: &current)
        }
        guard !events.isEmpty else { throw VitallyError(.invalidInput, cause: "the file has no VEVENT: is it a calendar export (.ics)?") }
        return CalendarFile(events: events)
    }

    static func read(_ name: String, _ parameters: [String: String], _ value: String, into event: inout CalendarEvent?) {
        func zone() -> TimeZone {
            guard let tzid = parameters["TZID"] else { return utc }
            if let zone = CalendarTimeZone.named(tzid) { return zone }
            if !(event?.unknownZones.contains(tzid) ?? true) { event?.unknownZones.append(tzid) }
            return utc
        }
        switch name {
        case "UID": event?.uid = value.trimmingCharacters(in: .whitespaces)
        case "SUMMARY": event?.summary = unescape(value)
        case "DTSTART":
            let start = time(value, parameters: parameters, defaultZone: zone())
            event?.start = start
        case "RECURRENCE-ID":
            let original = time(value, parameters: parameters, defaultZone: zone())
            event?.recurrenceID = original
        case "EXDATE":
            let zone = zone()
            event?.exceptions += value.split(separator: ",").compactMap { time(String($0), parameters: parameters, defaultZone: zone) }
        case "RRULE": event?.ruleText = value
        case "STATUS": if value.uppercased().trimmingCharacters(in: .whitespaces) == "CANCELLED" { event?.cancelled = true }
        case "ATTENDEE", "ORGANIZER":
            guard let email = mailto(value) else { return }
            if name == "ORGANIZER" {
                event?.organizer = email
            } else if !(event?.attendees.contains(email) ?? true) {
                event?.attendees.append(email)
            }
        default: break
        }
    }

    static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current

    /// `mailto:pat@acme.com` (any case), else nil.
    static func mailto(_ value: String) -> String? {
        guard value.lowercased().hasPrefix("mailto:") else { return nil }
        let email = String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        return email.isEmpty ? nil : email
    }

    /// `TZID="W. Europe Standard Time";VALUE=DATE-TIME` -> names upper-cased, quotes removed.
    static func parameters(_ items: ArraySlice<Substring>) -> [String: String] {
        var out: [String: String] = [:]
        for item in items {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            out[pair[0].uppercased()] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return out
    }

    /// A DTSTART-like value: `...Z` is UTC, a date alone is a whole day (UTC midnight, floating),
    /// anything else is wall-clock time in `defaultZone` (the TZID's, or UTC when floating).
    static func time(_ raw: String, parameters: [String: String], defaultZone: TimeZone) -> CalendarTime? {
        let value = raw.trimmingCharacters(in: .whitespaces)
        guard let civil = CivilDate(ics: value.hasSuffix("Z") || value.hasSuffix("z") ? value.dropLast() : Substring(value)) else { return nil }
        let allDay = parameters["VALUE"]?.uppercased() == "DATE" || !value.contains("T")
        let zone = allDay || value.uppercased().hasSuffix("Z") ? utc : defaultZone
        return CalendarTime(instant: civil.instant(in: zone), allDay: allDay, zone: zone)
    }

    /// RFC 5545 folding: a line starting with a space or tab continues the previous one.
    static func unfold(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = raw.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += raw.dropFirst()
            } else {
                lines.append(String(raw))
            }
        }
        return lines
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\n", with: " ").replacingOccurrences(of: "\\N", with: " ").replacingOccurrences(of: "\\,", with: ",")
            .replacingOccurrences(of: "\\;", with: ";").replacingOccurrences(of: "\\\\", with: "\\")
    }
}
