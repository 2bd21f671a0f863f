import Foundation
import Testing
@testable import VitallyKit

/// Calendar exports in the shapes Google Calendar and Outlook write, expanded into meetings.
///
/// The fixtures under Tests/Fixtures/calendar follow the exports' real shapes: Google's
/// (`PRODID:-//Google Inc//Google Calendar 70.9054//EN`, `X-WR-TIMEZONE`, a VTIMEZONE with
/// `X-LIC-LOCATION`, 75-octet folding, `RECURRENCE-ID` overrides, as in the export quoted by
/// github.com/mrwonderman/google-calendar-recurrence-parser's README) and Outlook 16's
/// (`PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN`, Windows zone names such as
/// `"Pacific Standard Time"` with 1601 VTIMEZONE rules, `SUMMARY;LANGUAGE=en-us`,
/// `X-MICROSOFT-CDO-*`, VALARMs, all-day `VALUE=DATE`, as in the Outlook exports node-ical's
/// tests quote for its Windows-zone issue). Expected dates are worked out by hand below.
@Suite struct CalendarFileTests {
    static func fixture(_ name: String) throws -> CalendarFile {
        let url = packageRoot.appendingPathComponent("Tests/Fixtures/calendar/\(name)")
        return try CalendarFile.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    static func day(_ text: String) -> Date { VitallyDate.parse(text)! }
    static func iso(_ date: Date) -> String { VitallyDate.format(date).replacingOccurrences(of: ".000Z", with: "Z") }

    @Test func googleExportExpandsWeeklyMonthlyExdateOverrideAndDaylightSaving() throws {
        let file = try Self.fixture("google-export.ics")
        let meetings = file.meetings(from: Self.day("2026-12-06T00:00:00Z"), to: Self.day("2026-12-20T00:00:00Z"))
        let shown = meetings.map { "\(Self.iso($0.start)) \($0.title ?? "-")" }
        #expect(shown == [
            // 2nd Tuesday, 14:00 New York (EST after 1 Nov) = 19:00Z.
            "2026-12-08T19:00:00Z Cyberdyne monthly review",
            // Thu 10 Dec moved to Fri 11 Dec 15:00 New York by RECURRENCE-ID; Mon 7 Dec is an EXDATE.
            "2026-12-11T20:00:00Z Acme weekly sync (moved to Friday)",
            "2026-12-14T00:00:00Z Company offsite",
            // Written at 10:00 EDT in October; still 10:00 local after the clocks changed.
            "2026-12-14T15:00:00Z Acme weekly sync",
            // Every other Wednesday from 4 Nov (4, 18 Nov, 2, 16 Dec), UNTIL the 16th.
            "2026-12-16T14:00:00Z 1:1 Dana / Sam",
            "2026-12-17T15:00:00Z Acme weekly sync",
        ])
        let moved = try #require(meetings.first { $0.title?.contains("moved") == true })
        #expect(moved.attendees == ["dana@brightwave.io", "pat.lee@acme.com", "jordan.kim@acme.com"])
        #expect(moved.recurring)
        let offsite = try #require(meetings.first { $0.title == "Company offsite" })
        #expect(offsite.allDay && offsite.attendees.isEmpty)
        // The VALARM's ATTENDEE (who gets the reminder) is not a guest; the cancelled event is gone.
        let weekly = try #require(file.events.first { $0.summary == "Acme weekly sync" })
        #expect(weekly.attendees == ["dana@brightwave.io", "pat.lee@acme.com"])
        #expect(!meetings.contains { $0.title == "Soylent escalation" })
        #expect(file.unknownZones.isEmpty)
    }

    @Test func outlookExportReadsWindowsZonesCountUntilAndMonthDays() throws {
        let file = try Self.fixture("outlook-export.ics")
        let window = file.meetings(from: Self.day("2026-12-06T00:00:00Z"), to: Self.day("2026-12-20T00:00:00Z"))
        #expect(window.map { "\(Self.iso($0.start)) \($0.title ?? "-")" } == [
            "2026-12-08T00:00:00Z Out of office",
            // 16:30 "W. Europe Standard Time" = Berlin, CET = 15:30Z.
            "2026-12-09T15:30:00Z Massive Dynamic EMEA rollout",
            "2026-12-16T15:30:00Z Massive Dynamic EMEA rollout",
        ])
        let long = file.meetings(from: Self.day("2026-11-01T00:00:00Z"), to: Self.day("2027-06-01T00:00:00Z"))
        // Last Friday, 9:30 Pacific, six times: PST (17:30Z) through March, PDT (16:30Z) in April.
        #expect(long.filter { $0.title == "Globex monthly review" }.map { Self.iso($0.start) } == [
            "2026-11-27T17:30:00Z", "2026-12-25T17:30:00Z", "2027-01-29T17:30:00Z", "2027-02-26T17:30:00Z",
            "2027-03-26T16:30:00Z", "2027-04-30T16:30:00Z",
        ])
        // The 15th at 11:00 Pacific; 15 Dec is an EXDATE; UNTIL 15 Mar 18:00Z includes that day's (PDT) one.
        #expect(long.filter { $0.title == "Initech billing check-in" }.map { Self.iso($0.start) } == [
            "2026-11-15T19:00:00Z", "2027-01-15T19:00:00Z", "2027-02-15T19:00:00Z", "2027-03-15T18:00:00Z",
        ])
        #expect(long.filter { $0.title == "Massive Dynamic EMEA rollout" }.count == 3)
        let globex = try #require(long.first { $0.title == "Globex monthly review" })
        #expect(globex.attendees == ["sam@brightwave.io", "hank@globex.com"])
    }

    /// RFC 5545 §3.8.5.3's own examples.
    @Test func rfcExamples() throws {
        func starts(_ rule: String, _ start: String, zone: String = "America/New_York", to: String = "2000-01-01T00:00:00Z") throws -> [String] {
            let text = "BEGIN:VEVENT\r\nDTSTART;TZID=\(zone):\(start)\r\nRRULE:\(rule)\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
            return try CalendarFile.parse(text).meetings(from: Self.day("1990-01-01T00:00:00Z"), to: Self.day(to)).map {
                let civil = CivilDate($0.start, in: TimeZone(identifier: zone)!)
                return String(format: "%04d-%02d-%02d %02d:%02d", civil.year, civil.month, civil.day, civil.hour, civil.minute)
            }
        }
        #expect(try starts("FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "19970905T090000").map { String($0.prefix(10)) } == [
            "1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05", "1998-01-02", "1998-02-06", "1998-03-06", "1998-04-03",
            "1998-05-01", "1998-06-05",
        ])
        #expect(try starts("FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=TU,TH;COUNT=8", "19970902T090000").map { String($0.prefix(10)) } == [
            "1997-09-02", "1997-09-04", "1997-09-16", "1997-09-18", "1997-09-30", "1997-10-02", "1997-10-14", "1997-10-16",
        ])
        #expect(try starts("FREQ=MONTHLY;BYMONTHDAY=-3;COUNT=6", "19970928T090000").map { String($0.prefix(10)) } == [
            "1997-09-28", "1997-10-29", "1997-11-28", "1997-12-29", "1998-01-29", "1998-02-26",
        ])
        #expect(try starts("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2;COUNT=3", "19970929T090000").map { String($0.prefix(10)) } == [
            "1997-09-29", "1997-10-30", "1997-11-27",
        ])
        #expect(try starts("FREQ=DAILY;INTERVAL=10;COUNT=5", "19970902T090000").map { String($0.prefix(10)) } == [
            "1997-09-02", "1997-09-12", "1997-09-22", "1997-10-02", "1997-10-12",
        ])
        // The wall-clock time holds across the October change: 09:00 EDT, then 09:00 EST.
        #expect(try starts("FREQ=WEEKLY;COUNT=3", "19971021T090000").allSatisfy { $0.hasSuffix("09:00") })
    }

    @Test func unknownZonesAreReadAsUTCAndReported() throws {
        let text = "BEGIN:VEVENT\r\nDTSTART;TZID=Mars/Olympus_Mons:20261210T100000\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
        let file = try CalendarFile.parse(text)
        #expect(file.unknownZones == ["Mars/Olympus_Mons"])
        #expect(file.meetings(from: Self.day("2026-12-01"), to: Self.day("2026-12-31")).map(\.start) == [Self.day("2026-12-10T10:00:00Z")])
        #expect(CalendarTimeZone.named("\"Pacific Standard Time\"")?.identifier == "America/Los_Angeles")
        #expect(CalendarTimeZone.named("/Microsoft/W. Europe Standard Time")?.identifier == "Europe/Berlin")
    }

    @Test func hostileRulesStayBoundedAndFast() throws {
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for rule in ["FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=DAILY;COUNT=999999999",
                         "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=WEEKLY;INTERVAL=999999999", "FREQ=MONTHLY;BYDAY=53MO"] {
                let text = "BEGIN:VEVENT\r\nDTSTART:00010101T000000Z\r\nRRULE:\(rule)\r\nEND:VEVENT\r\n"
                let meetings = try CalendarFile.parse(text).meetings(from: Self.day("2026-12-01"), to: Self.day("2027-12-01"))
                #expect(meetings.count <= 366)
            }
        }
        #expect(elapsed < .seconds(2))
        #expect(throws: VitallyError.self) { try CalendarFile.parse("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n") }
    }
}
