import Foundation
import VitallyKit

/// libFuzzer entry: any bytes either read as an invite or throw a `VitallyError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCalendarInvite(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? CalendarInvite.parse(text, now: Date(timeIntervalSince1970: 1_795_000_000))
    return 0
}
