import Foundation
import Testing
@testable import VitallyKit

/// Dates are written without `String(format:)` now: checked against it, far into the past and
/// future (negative years, years past 9999), where a hostile file or history store can take them.
@Suite struct DateFormatReferenceTests {
    static func reference(_ date: Date) -> (String, String) {
        let (y, m, d, rest) = VitallyDate.components(date)
        let ms = (VitallyDate.milliseconds(date) % 1000 + 1000) % 1000
        return (
            String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d, rest / 3600, (rest % 3600) / 60, rest % 60, ms),
            String(format: "%04d-%02d-%02d", y, m, d)
        )
    }

    @Test func everyDateIsWrittenAsPrintfWroteIt() {
        var seconds: [Double] = [
            0, -1, -0.0005, 0.0005, -0.9995, 1_700_000_000.9995, -62_135_596_800, -62_135_596_800.001, -62_167_219_200,
            -62_167_219_200.5, 253_402_300_799.999, 253_402_300_800, 1e13, -1e13, 9.2e15, -9.2e15, 1e300, -1e300,
            .infinity, -.infinity, .nan,
        ]
        var state: UInt64 = 11
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double((state >> 11) % 2_000_001) / 1_000_000 - 1
            seconds.append(unit * [1e3, 1e6, 1e9, 1e11, 1e13, 1e15][Int(state % 6)])
        }
        var mismatches: [String] = []
        for s in seconds {
            let date = Date(timeIntervalSince1970: s)
            let (full, day) = Self.reference(date)
            if VitallyDate.format(date) != full || VitallyDate.formatDay(date) != day, mismatches.count < 5 {
                mismatches.append("\(s): \(VitallyDate.format(date)) vs \(full)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func yearsOutsideFourDigitsKeepTheirSignAndDigits() {
        #expect(VitallyDate.format(Date(timeIntervalSince1970: -62_167_219_200 - 86_400)) == "-001-12-31T00:00:00.000Z")
        #expect(VitallyDate.formatDay(Date(timeIntervalSince1970: 253_402_300_800)) == "10000-01-01")
    }
}
