import Foundation
import Testing
import VitallyKit

/// `health --json`'s trend, cohort and history count and `health --observations --json`'s rows are
/// the history values encoded (issue 22, item 5): the same keys, order and numbers the shell's
/// hand-built JSON wrote, pinned here so a change to the types shows up as a change to the output.
@Suite struct HistoryValuesJSONTests {
    static let october1 = Date(timeIntervalSince1970: 1_790_812_800)
    static let day = 86400.0

    func json(_ value: some Encodable) throws -> String { try JSONValueEncoder().encode(value).serialized() }

    @Test func aTrendIsItsSparklineDatesDirectionChangesAndPoints() throws {
        let observations = [(0.0, 5.0), (30, 6.2), (60, 7.4)].map { days, score in
            Observation(accountId: "a", accountName: "A", observedAt: Self.october1.addingTimeInterval(days * Self.day), healthScore: score)
        }
        let trend = try #require(Trend(observations) { $0.healthScore })
        #expect(try json(trend) == """
            {"sparkline":"▁▅█","first":"2026-10-01T00:00:00.000Z","last":"2026-11-30T00:00:00.000Z","direction":"improving",\
            "change":{"7d":null,"30d":1.2,"90d":null},"points":[{"date":"2026-10-01T00:00:00.000Z","value":5},\
            {"date":"2026-10-31T00:00:00.000Z","value":6.2},{"date":"2026-11-30T00:00:00.000Z","value":7.4}]}
            """)
    }

    @Test func aCohortIsItsNameSizeAndPercentiles() throws {
        let cohort = Cohort(name: "Enterprise accounts", size: 12, healthPercentile: 62, mrrPercentile: nil)
        #expect(try json(cohort) == #"{"name":"Enterprise accounts","size":12,"healthPercentile":62,"mrrPercentile":null}"#)
    }

    @Test func anObservationLeavesItsAccountToTheListAndSortsItsBreakdown() throws {
        let observation = Observation(
            accountId: "a", accountName: "A", observedAt: Self.october1, healthScore: 7.5, breakdown: ["Usage": 8, "Adoption": 6.5],
            usersCount: 12, lastSeenAt: Self.october1.addingTimeInterval(-Self.day))
        #expect(try json(observation) == """
            {"observedAt":"2026-10-01T00:00:00.000Z","healthScore":7.5,"breakdown":{"Adoption":6.5,"Usage":8},"mrr":null,\
            "usersCount":12,"activeUsers30d":null,"lastSeenAt":"2026-09-30T00:00:00.000Z","npsScore":null,"churned":false}
            """)
        let unread = Observation(accountId: "a", accountName: "A", observedAt: Self.october1, churned: true)
        #expect(try json(unread).contains(#""breakdown":null,"#) && json(unread).hasSuffix(#""churned":true}"#))
    }

    @Test func theHistoryIsACountOrWhyThereIsNone() throws {
        let three = (0..<3).map { Observation(accountId: "a", accountName: "A", observedAt: Self.october1.addingTimeInterval(Double($0) * Self.day)) }
        #expect(try json(HistoryExtent(three, why: "unused")) == "3")
        #expect(try json(HistoryExtent(nil, why: "replaying a recording")) == #""unavailable: replaying a recording""#)
    }
}
