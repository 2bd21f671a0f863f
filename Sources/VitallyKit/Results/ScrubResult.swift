import Foundation

/// What `recordings scrub IN.har [OUT.har]` reports, as one value: the files, how many of each
/// kind were replaced, what was scanned, and where the map went. `--json` is this value encoded
/// and the shell's renderer draws the text from it.
package struct ScrubResult: Sendable, Encodable {
    package var report: ScrubReport
    /// Where the original -> pseudonym map was written; nil when none was asked for.
    package var mapPath: String?
    /// No `--salt` was given: the pseudonyms differ from file to file.
    package var randomSalt: Bool

    package init(_ report: ScrubReport, mapPath: String?, randomSalt: Bool) {
        self.report = report
        self.mapPath = mapPath
        self.randomSalt = randomSalt
    }

    /// Each kind of value and how many were replaced, in the kinds' order.
    package var replaced: [(kind: ScrubMap.Kind, count: Int)] { ScrubMap.Kind.allCases.map { ($0, report.map.count($0)) } }

    package func encode(to encoder: any Encoder) throws {
        let replaced = ReplacedCounts(counts: replaced.map { ($0.kind.rawValue, $0.count) })
        try encoder.object([
            ("input", report.input.path), ("output", report.output.path), ("entries", report.entries),
            ("domains", report.options.domains), ("accounts", report.options.accounts), ("scannedBytes", report.scannedBytes),
            ("map", mapPath), ("replaced", replaced), ("lostCompanyMatches", report.lostCompanyMatches), ("randomSalt", randomSalt),
        ])
    }

    /// `{"names": 12, "emails": 30, …}`.
    struct ReplacedCounts: Encodable {
        var counts: [(String, Int)]
        func encode(to encoder: any Encoder) throws { try encoder.object(counts.map { ($0.0, $0.1 as any Encodable) }) }
    }
}
