import Foundation
import VitallyKit

/// libFuzzer entry: any bytes either load as a recording or throw a `VitallyError`; every body
/// that loads is parsed the way replay would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHARReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let recording = try? HARReader.parse(bytes, url: URL(fileURLWithPath: "/fuzz/input.har")) else { return 0 }
    for exchange in recording.exchanges {
        _ = exchange.summary
        _ = try? JSONParser.parse(exchange.body)
        _ = RateLimitHeaders(response: exchange.response)
        _ = RetryPolicy().rateLimitWait(for: exchange.response)
    }
    return 0
}
