import Foundation
import Testing
import VitallyKit

@Suite struct TrendTests {
    func observations(_ values: [(daysAgo: Double, score: Double?)]) -> [Observation] {
        values.map { Observation(accountId: "a", accountName: "A", observedAt: scoreEpoch.addingTimeInterval(-$0.daysAgo * 86400), healthScore: $0.score) }
    }

    @Test func improvingAndDecliningAccountsOverThreeAnchors() async throws {
        let (store, folder) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        for daysBefore in [60, 30, 0] {
            try store.record(try await scanObservations(daysBefore: daysBefore), tenant: "acme")
        }
        func trend(_ name: String) throws -> Trend {
            let all = try store.accountIds(tenant: "acme", matching: name)
            let id = try #require(all.first)
            return try #require(Trend(try store.observations(tenant: "acme", accountId: id)) { $0.healthScore })
        }
        let acme = try trend("Acme Corp")
        #expect(acme.points.map(\.value) == [5.0, 6.2, 7.4])
        #expect(acme.direction == .improving)
        #expect(acme.headline.days == 30)
        #expect(acme.change(overDays: 90) == nil)
        #expect(try #require(acme.change(overDays: 30)).delta > 1.19)
        #expect(acme.sparkline() == "▁▅█")

        let soylent = try trend("soylent")
        #expect(soylent.points.map(\.value) == [3.9, 3.0, 2.1])
        #expect(soylent.direction == .declining)
        let wayne = try trend("Wayne Enterprises")
        #expect(wayne.direction == .stable)
        #expect(wayne.sparkline() == "▄▄▄")
    }

    @Test func changesUseTheNewestPointThatFarBackAndStableIsWithinThreeTenths() {
        let trend = Trend(observations([(95, 4.0), (31, 5.0), (8, 6.8), (0, 7.0)])) { $0.healthScore }
        #expect(abs((trend?.change(overDays: 7)?.delta ?? 0) - 0.2) < 1e-9)
        #expect(trend?.change(overDays: 7)?.days == 8)
        #expect(trend?.change(overDays: 30)?.from.value == 5.0)
        #expect(trend?.change(overDays: 90)?.delta == 3.0)
        if let trend, let week = trend.change(overDays: 7) { #expect(trend.direction(of: week) == .stable) }
        #expect(trend?.direction == .improving)
        #expect(Trend(observations([(1, 6.0), (0, 5.7)])) { $0.healthScore }?.direction == .stable)
        #expect(Trend(observations([(1, 6.0), (0, 5.69)])) { $0.healthScore }?.direction == .declining)
    }

    @Test func oneKnownValueIsNoTrendAndMissingValuesAreSkipped() {
        #expect(Trend(observations([(3, 5.0), (1, nil), (0, nil)])) { $0.healthScore } == nil)
        #expect(Trend(observations([(3, 5.0), (1, nil), (0, 9.0)])) { $0.healthScore }?.points.count == 2)
        #expect(Trend(observations([(2, 1.0), (1, 10.0), (0, 5.5)])) { $0.healthScore }?.sparkline() == "▁█▅")
    }
}
