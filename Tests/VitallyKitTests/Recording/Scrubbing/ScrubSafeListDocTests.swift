import Foundation
import Testing
@testable import VitallyKit

/// The README's copy of the safe list is `ScrubSafeList.explanation`, line for line: one source.
@Suite struct ScrubSafeListDocTests {
    @Test func theReadmeDocumentsTheSafeListTheScrubberUses() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- scrub-safe-list:begin -->"))
        let end = try #require(readme.range(of: "<!-- scrub-safe-list:end -->"))
        let block = readme[begin.upperBound..<end.lowerBound].split(separator: "\n").map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : String($0) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("```") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(block == ScrubSafeList.explanation, "run `recordings scrub --explain` and paste it into README.md")
    }
}
