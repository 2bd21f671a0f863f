import Foundation
import Testing
import VitallyKit
@testable import VitallySimulator

/// The demo tenant should look like a real one: scores that add up, categories that move on their
/// own, words that differ between customers, renewals that stay on their calendar day.
@Suite struct SimulatorRealismTests {
    static let epoch = VitallyDate.parse("2026-11-20")!

    /// The tenant as it stood `days` from the epoch (negative: before).
    static func tenant(days: Int, epoch: Date = SimulatorRealismTests.epoch) -> SimulatorDataSet {
        SimulatorDataSet.generate(anchor: epoch.addingTimeInterval(Double(days) * 86400), scoreEpoch: epoch)
    }

    static func tenant(noEpochAt anchor: Date) -> SimulatorDataSet {
        SimulatorDataSet.generate(anchor: anchor)
    }

    /// The account keyed by externalId.
    static func account(_ set: SimulatorDataSet, _ externalId: String) throws -> JSONValue {
        try #require(set.accounts.first { $0["externalId"]?.string == externalId })
    }

    /// Category name -> score, for one account.
    static func categories(_ set: SimulatorDataSet, _ account: JSONValue) -> [String: Double] {
        let rows = set.healthScores[account["id"]?.string ?? ""] ?? []
        var scores: [String: Double] = [:]
        for row in rows where row["weight"]?.double != nil { scores[row["name"]?.string ?? ""] = row["score"]?.double }
        return scores
    }

    /// Property: at every anchor, with and without a score epoch, every account's overall score is
    /// the weighted mean of its categories within 0.05, and the breakdown's Overall row agrees.
    @Test(arguments: Array(stride(from: -150, through: 150, by: 25)))
    func overallIsTheWeightedMeanOfTheCategoriesAtEveryAnchor(days: Int) {
        let drifted = Self.tenant(days: days)
        let still = Self.tenant(noEpochAt: Self.epoch.addingTimeInterval(Double(days) * 86400))
        for set in [drifted, still] {
            var checked = 0
            for account in set.accounts {
                guard let overall = account["healthScore"]?.double, let id = account["id"]?.string,
                    let rows = set.healthScores[id]
                else { continue }
                let weighted = rows.compactMap { row in row["score"]?.double.flatMap { s in row["weight"]?.double.map { (s, $0) } } }
                let total = weighted.reduce(0) { $0 + $1.1 }
                #expect(weighted.count == 4 && total > 0, "\(account["name"]?.string ?? id)")
                let mean = weighted.reduce(0) { $0 + $1.0 * $1.1 } / total
                #expect(abs(overall - mean) <= 0.05 + 1e-9, "\(account["name"]?.string ?? id) at \(days) days: \(overall) vs \(mean)")
                #expect(weighted.allSatisfy { (0...10).contains($0.0) })
                let overallRow = rows.first { $0["weight"]?.double == nil }?["score"]?.double
                #expect(overallRow == overall, "\(account["name"]?.string ?? id)")
                checked += 1
            }
            #expect(checked > 300)
        }
    }

    @Test func theScenarioScoresHoldAtTheEpoch() throws {
        let set = Self.tenant(days: 0)
        let expected: [String: Double] = ["acme-001": 7.4, "soylent": 2.1, "globex-17": 8.6, "hooli": 3.0, "wayne": 7.0, "initech": 5.2]
        for (key, score) in expected { #expect(try Self.account(set, key)["healthScore"]?.double == score, "\(key)") }
    }

    @Test func categoriesMoveOnTheirOwnAndTheScenarioTrendsKeepTheirDirection() throws {
        let now = Self.tenant(days: 0), before = Self.tenant(days: -30)
        let acmeNow = try Self.account(now, "acme-001"), acmeBefore = try Self.account(before, "acme-001")
        let overallChange = try #require(acmeNow["healthScore"]?.double) - (try #require(acmeBefore["healthScore"]?.double))
        #expect(abs(overallChange - 1.2) <= 0.15, "Acme moves at its rate: \(overallChange)")
        let changes = Self.categories(now, acmeNow).map { name, score in score - (Self.categories(before, acmeBefore)[name] ?? score) }
        #expect(Set(changes.map { ($0 * 10).rounded() }).count >= 3, "categories move apart: \(changes)")
        let soylentNow = try Self.account(now, "soylent")["healthScore"]?.double ?? 0
        let soylentBefore = try Self.account(before, "soylent")["healthScore"]?.double ?? 0
        #expect(soylentBefore - soylentNow > 0.6)
        let wayne = try [0, -30, -60].map { try Self.account(Self.tenant(days: $0), "wayne")["healthScore"]?.double ?? 0 }
        #expect(wayne.allSatisfy { abs($0 - 7.0) <= 0.3 }, "Wayne holds: \(wayne)")
        // Across the tenant, the thirty-day moves of one category differ from account to account.
        let usage = now.accounts.prefix(80).compactMap { account -> Double? in
            guard let old = before.accounts.first(where: { $0["id"] == account["id"] }) else { return nil }
            return Self.categories(now, account)["Product usage"].flatMap { new in Self.categories(before, old)["Product usage"].map { new - $0 } }
        }
        #expect(Set(usage.map { ($0 * 10).rounded() }).count > 10)
    }

    @Test func noTwoScenarioAccountsShareAnNPSComment() {
        let set = Self.tenant(days: 0)
        let scenario = Set(SimulatorScenarios.accounts.map(\.name) + SimulatorScenarios.organizationFirst.accounts.map(\.name))
        var seen: [String: String] = [:]
        for user in set.users {
            guard let comment = user["npsLastFeedback"]?.string, let account = user["accounts"]?.array?.first?["name"]?.string,
                scenario.contains(account)
            else { continue }
            if let other = seen[comment] { #expect(other == account, "\"\(comment)\" at \(other) and \(account)") }
            seen[comment] = account
        }
        #expect(seen.count >= 15)
        // The rest of the tenant says more than three things, too.
        #expect(Set(set.users.compactMap { $0["npsLastFeedback"]?.string }).count > 30)
        #expect(Set(set.tasks.compactMap { $0["name"]?.string }).count > 20)
        #expect(Set(set.notes.compactMap { $0["subject"]?.string }).count > 20)
    }

    @Test func renewalsKeepTheirCalendarDayAsTheAnchorMoves() throws {
        let day = { (set: SimulatorDataSet) throws -> String in
            VitallyDate.formatDay(try #require(VitallyDate.parse(try Self.account(set, "acme-001")["nextRenewalDate"]?.string ?? "")))
        }
        let atEpoch = try day(Self.tenant(days: 0))
        #expect(atEpoch == "2027-01-04")
        #expect(try day(Self.tenant(days: -60)) == atEpoch)
        #expect(try day(Self.tenant(days: -30)) == atEpoch)
        // Once passed, the next one is a year on.
        #expect(try day(Self.tenant(days: 50)) == "2028-01-04")
        // Renewals spread over the year.
        let months = Set(Self.tenant(days: 0).accounts.compactMap { $0["nextRenewalDate"]?.string?.prefix(7) })
        #expect(months.count >= 12)
    }

    /// Property: at every anchor, with and without a score epoch, renewals are calendar days spread
    /// over the year ahead: none before the anchor or more than a year after it, many different
    /// offsets in every month, some within the 90-day "renewal soon" window (a scenario account
    /// among them, for the demo) and some more than six months away; each account keeps its day of
    /// the year, so no account is "in 45 days" whatever the anchor; the same anchor gives the same dates.
    @Test(arguments: Array(stride(from: -150, through: 150, by: 25)))
    func renewalsAreSpreadOverTheYearAheadOfEveryAnchor(days: Int) throws {
        let anchor = Self.epoch.addingTimeInterval(Double(days) * 86400)
        let renewals = { (set: SimulatorDataSet) -> [String: Date] in
            var dates: [String: Date] = [:]
            for record in set.accounts + set.organizations {
                if let id = record["id"]?.string, let date = record["nextRenewalDate"]?.string.flatMap(VitallyDate.parse) { dates[id] = date }
            }
            return dates
        }
        let atEpoch = renewals(Self.tenant(days: 0))
        let scenarioIds = Set(Self.tenant(days: 0).accounts.filter { account in
            SimulatorScenarios.accounts.contains { $0.externalId == account["externalId"]?.string }
        }.compactMap { $0["id"]?.string })
        for set in [Self.tenant(days: days), Self.tenant(noEpochAt: anchor)] {
            let dates = renewals(set)
            #expect(dates == renewals(Self.tenant(noEpochAt: anchor)), "same anchor, same renewals")
            let offsets = dates.mapValues { Int(($0.timeIntervalSince(anchor) / 86400).rounded()) }
            #expect(offsets.count > 250)
            #expect(offsets.values.allSatisfy { (0...366).contains($0) }, "\(offsets.values.filter { !(0...366).contains($0) })")
            #expect(Set(offsets.values).count > 150)
            #expect(Set(dates.values.map { VitallyDate.formatDay($0).prefix(7) }).count >= 12)
            #expect(offsets.values.filter { $0 <= 90 }.count > 40 && offsets.values.filter { $0 > 180 }.count > 100)
            #expect(offsets.contains { scenarioIds.contains($0.key) && $0.value <= 90 }, "a scenario account renews soon")
            for (id, date) in dates {
                #expect(VitallyDate.formatDay(date).suffix(5) == atEpoch[id].map { VitallyDate.formatDay($0).suffix(5) }, "\(id)")
            }
        }
    }

    @Test func acmeRenewsInADifferentNumberOfDaysAtEachAnchor() throws {
        let offsets = try [-150, -60, -30, 0, 30, 90].map { days in
            let set = Self.tenant(days: days)
            let date = try #require(VitallyDate.parse(try Self.account(set, "acme-001")["nextRenewalDate"]?.string ?? ""))
            return Int((date.timeIntervalSince(Self.epoch) / 86400).rounded()) - days
        }
        #expect(offsets == [195, 105, 75, 45, 15, 320], "\(offsets)")
    }
}
