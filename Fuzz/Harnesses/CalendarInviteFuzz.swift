import Foundation
import VitallyKit

/// libFuzzer entry: any bytes either read as an invite or throw a `VitallyError`; a calendar
/// that reads is expanded over a year (RRULE, EXDATE, RECURRENCE-ID), which must end.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCalendarInvite(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? CalendarInvite.parse(text, now: Date(timeIntervalSince1970: 1_795_000_000))
    if let calendar = try? CalendarFile.parse(text) {
        _ = calendar.meetings(from: Date(timeIntervalSince1970: 1_795_000_000), to: Date(timeIntervalSince1970: 1_826_536_000))
    }
    return 0
}
