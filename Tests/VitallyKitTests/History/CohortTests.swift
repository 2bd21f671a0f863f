import Foundation
import Testing
import VitallyKit

@Suite struct CohortTests {
    @Test func percentileRanksCountHalfTheTies() {
        #expect(Cohort.percentile(of: 5, among: [1, 2, 3, 4]) == 90)
        #expect(Cohort.percentile(of: 1, among: [2, 3, 4, 5]) == 10)
        #expect(Cohort.percentile(of: 3, among: [3, 3, 3]) == 50)
        #expect(Cohort.percentile(of: 7, among: []) == 50)
        #expect(Cohort.percentile(of: .nan, among: [1]) == nil)
        #expect(Cohort.percentile(of: 2, among: [.infinity, 1, 3]) == 50)
        #expect(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "62nd", "100th"]
            == [1, 2, 3, 4, 11, 12, 13, 21, 62, 100].map(Cohort.ordinal))
    }

    @Test func anAccountIsRankedAmongItsSegmentFromTheScanAlone() async throws {
        try await withSimulator { client, simulator in
            let directory = AccountDirectory(client: client, tenant: "acme")
            let index = try await directory.load()
            let acme = try #require(index.accounts(named: "Acme Corp").first)
            let account = try await client.account(id: acme.id)
            await simulator.state.clearLog()
            let cached = try #require(await directory.indexInHand())
            let cohort = Cohort(account: account, among: cached)
            #expect(await simulator.state.log.isEmpty)

            let enterprise = index.accounts.filter { !$0.churned && $0.segments.contains("Enterprise") }
            #expect(cohort.name == "Enterprise accounts")
            #expect(cohort.size == enterprise.count)
            #expect(cohort.size > 10)
            let peers = enterprise.filter { $0.id != acme.id }.compactMap(\.healthScore)
            let below = peers.filter { $0 < 7.4 }.count
            let ties = peers.filter { $0 == 7.4 }.count
            let rank: Double = (Double(below) + Double(ties + 1) / 2) / Double(peers.count + 1)
            let expected = Int((rank * 100).rounded())
            #expect(cohort.healthPercentile == expected)
            #expect(cohort.mrrPercentile != nil)

            var loner = account
            loner.segments = []
            let all = Cohort(account: loner, among: cached)
            #expect(all.name == "active accounts")
            #expect(all.size == index.accounts.filter { !$0.churned }.count)
        }
    }
}
