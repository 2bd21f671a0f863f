import Foundation
import Testing
@testable import VitallyKit
@testable import VitallyShell

/// The scrubber's self-check is shown as one warning line per domain whose match changed: five,
/// then how many more.
@Suite struct ScrubWarningTests {
    func lines(_ changed: [String]) -> [String] {
        var report = ScrubReport(input: URL(fileURLWithPath: "/tmp/in.har"), output: URL(fileURLWithPath: "/tmp/out.har"), entries: 3,
                                 map: ScrubMap(), options: ScrubOptions(salt: "warning-test-salt-0123", accounts: true), scannedBytes: 10)
        report.lostCompanyMatches = changed
        return RecordingTools.scrubBlocks(ScrubResult(report, mapPath: nil, randomSalt: false)).compactMap { block in
            guard case .line(let spans) = block else { return nil }
            return spans.map(\.text).joined()
        }
    }

    @Test func oneLinePerChangedDomainFiveShownThenTheCount() {
        #expect(!lines([]).contains { $0.hasPrefix("Warning") || $0.hasPrefix("  ") })
        let one = lines(["wayneenterprises.com: company name (Wayne Enterprises) -> no account"])
        #expect(one.contains { $0.hasPrefix("Warning: 1 domain matches differently in the copy") })
        #expect(one.contains("  wayneenterprises.com: company name (Wayne Enterprises) -> no account"))
        let seven = lines((1...7).map { "d\($0).com: company name (D\($0)) -> no account" })
        #expect(seven.contains { $0.hasPrefix("Warning: 7 domains match differently") })
        #expect(seven.filter { $0.hasPrefix("  d") }.count == 5)
        #expect(seven.contains("  … and 2 more."))
    }
}
