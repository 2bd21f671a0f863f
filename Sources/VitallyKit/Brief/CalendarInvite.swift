import Foundation

/// The meeting a calendar invite (.ics) describes: its title, start and attendees.
public struct CalendarInvite: Sendable, Equatable {
    public var summary: String?
    public var start: Date?
    public var attendees: [String]

    /// Reads VEVENTs (folded lines, `ATTENDEE;...:mailto:`), returning the next one at or after
    /// `now`, else the latest. Throws when the text holds no event.
    public static func parse(_ text: String, now: Date) throws(VitallyError) -> CalendarInvite {
        var events: [CalendarInvite] = []
        var current: CalendarInvite?
        for line in unfold(text) {
            let upper = line.uppercased()
            if upper == "BEGIN:VEVENT" { current = CalendarInvite(summary: nil, start: nil, attendees: []); continue }
            if upper == "END:VEVENT" {
                if let event = current { events.append(event) }
                current = nil
                continue
            }
            guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
            let head = line[..<colon]
            let name = head.split(separator: ";").first.map { $0.uppercased() } ?? ""
            let value = String(line[line.index(after: colon)...])
            switch name {
            case "SUMMARY": current?.summary = unescape(value)
            case "DTSTART": current?.start = parseDate(value)
            case "ATTENDEE":
                let lower = value.lowercased()
                if lower.hasPrefix("mailto:") {
                    let email = String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
                    if !email.isEmpty, !(current?.attendees.contains(email) ?? true) { current?.attendees.append(email) }
                }
            default: break
            }
        }
        guard !events.isEmpty else { throw VitallyError(.invalidInput, cause: "the file has no VEVENT: is it a calendar invite (.ics)?") }
        let upcoming = events.filter { ($0.start ?? .distantPast) >= VitallyDate.startOfDay(now) }
            .sorted { ($0.start ?? .distantFuture) < ($1.start ?? .distantFuture) }
        return upcoming.first ?? events.max { ($0.start ?? .distantPast) < ($1.start ?? .distantPast) } ?? events[0]
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
        s.replacingOccurrences(of: "\\n", with: " ").replacingOccurrences(of: "\\,", with: ",")
            .replacingOccurrences(of: "\\;", with: ";").replacingOccurrences(of: "\\\\", with: "\\")
    }

    /// `20261203T150000Z`, `20261203T150000` (floating, read as UTC), or `20261203`.
    static func parseDate(_ value: String) -> Date? {
        let v = value.trimmingCharacters(in: .whitespaces)
        let digits = v.filter(\.isNumber)
        guard digits.count >= 8 else { return nil }
        let d = Array(digits)
        let day = "\(String(d[0..<4]))-\(String(d[4..<6]))-\(String(d[6..<8]))"
        guard digits.count >= 14 else { return VitallyDate.parse(day) }
        return VitallyDate.parse("\(day)T\(String(d[8..<10])):\(String(d[10..<12])):\(String(d[12..<14]))Z")
    }
}
