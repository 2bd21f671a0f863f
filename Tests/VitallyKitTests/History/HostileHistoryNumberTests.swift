import Foundation
import Testing
import VitallyKit

/// Numbers a history store or a recording may hold that no Int can: each must show, never trap.
@Suite struct HostileHistoryNumberTests {
    static let hostile: [Double] = [1e300, -1e300, .nan, .infinity, -.infinity, 1.2345678901234567e19, -.greatestFiniteMagnitude]
    let now = VitallyDate.parse("2026-11-20T12:00:00Z")!

    func observation(daysAgo: Double, health: Double? = nil, mrr: Double? = nil, activeUsers: Int? = nil) -> Observation {
        Observation(accountId: "a1", accountName: "Soylent", observedAt: now.addingTimeInterval(-daysAgo * 86400),
                    healthScore: health, mrr: mrr, activeUsers30d: activeUsers)
    }

    func insights(history: [Observation]) throws -> [String] {
        var bundle = AccountBundle(account: Account(json: try JSONParser.parse(#"{"id":"a1","name":"Soylent","mrr":10}"#)))
        bundle.history = history
        let brief = BriefComposer(now: now).compose(title: nil, meetingStart: nil, matches: [], bundles: [bundle])
        return brief.accounts[0].sections.flatMap(\.insights).map(\.text)
    }

    @Test func aSparklineOfHostileScoresShowsEveryPoint() {
        for value in Self.hostile {
            let trend = Trend([observation(daysAgo: 2, health: value), observation(daysAgo: 1, health: 5), observation(daysAgo: 0, health: -value)]) { $0.healthScore }
            #expect(trend?.sparkline().count == 3, "sparkline of \(value)")
        }
        let widest = Trend([observation(daysAgo: 1, health: -.greatestFiniteMagnitude), observation(daysAgo: 0, health: .greatestFiniteMagnitude)]) { $0.healthScore }
        #expect(widest?.sparkline() == "▁█")
    }

    @Test func aDateFarOutsideTheCalendarIsFormattedWithoutTrapping() {
        for seconds in Self.hostile {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(!VitallyDate.format(date).isEmpty, "format of \(seconds)")
            #expect(!VitallyDate.formatDay(date).isEmpty, "formatDay of \(seconds)")
        }
        #expect(VitallyDate.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test func anMRRFallTooLargeForAPercentIsShownAsWhatItIs() throws {
        let texts = try insights(history: [observation(daysAgo: 30, mrr: 1e-300), observation(daysAgo: 0, mrr: -1e300)])
        let fall = try #require(texts.first { $0.hasPrefix("MRR fell") })
        #expect(fall.hasPrefix("MRR fell \(Wording.outOfRange)"))
        let half = try insights(history: [observation(daysAgo: 30, mrr: 2000), observation(daysAgo: 0, mrr: 1000)])
        #expect(half.contains("MRR fell 50%: $2,000 → $1,000 over 30 days"))
    }

    @Test func activeUserCountsAtTheEdgeOfIntAreShownAsNumbers() throws {
        let texts = try insights(history: [observation(daysAgo: 30, activeUsers: Int.min), observation(daysAgo: 0, activeUsers: Int.max)])
        let line = try #require(texts.first { $0.hasPrefix("Active users") })
        #expect(line.contains("e+18"), "\(line)")
        let plain = try insights(history: [observation(daysAgo: 30, activeUsers: 12), observation(daysAgo: 0, activeUsers: 9)])
        #expect(plain.contains("Active users 12 → 9 over 30 days"))
    }

    @Test func aCohortOfHostileScoresRanksTheFiniteOnes() {
        for value in Self.hostile {
            let rank = Cohort.percentile(of: value, among: Self.hostile + [5])
            #expect(value.isFinite ? rank.map { (0...100).contains($0) } == true : rank == nil, "percentile of \(value)")
        }
    }
}
