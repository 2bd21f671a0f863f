import Foundation
import Testing
import VitallyKit

/// Each rule's boundary, pinned on both sides, so a threshold cannot move unnoticed.
@Suite struct CustomerRulesTests {
    @Test func npsSixIsADetractorEightAPassiveNineAPromoter() {
        #expect(NPSCategory(score: 0) == .detractor)
        #expect(NPSCategory(score: 6) == .detractor)
        #expect(NPSCategory(score: 6.5) == .passive)
        #expect(NPSCategory(score: 7) == .passive)
        #expect(NPSCategory(score: 8) == .passive)
        #expect(NPSCategory(score: 9) == .promoter)
        #expect(NPSCategory(score: 10) == .promoter)
        #expect(NPSCategory(score: nil as Double?) == nil)
    }

    @Test func healthLevelsAreGoodFromSevenFairFromFourPoorBelow() {
        #expect(HealthLevel(score: 10) == .good)
        #expect(HealthLevel(score: 7) == .good)
        #expect(HealthLevel(score: 6.99) == .fair)
        #expect(HealthLevel(score: 4) == .fair)
        #expect(HealthLevel(score: 3.99) == .poor)
        #expect(HealthLevel(score: 0) == .poor)
        #expect([HealthLevel(score: -1), HealthLevel(score: 10.5), HealthLevel(score: .nan), HealthLevel(score: .infinity)]
            == Array(repeating: .notAScore, count: 4))
        #expect(HealthLevel.notAScore.rawValue == "not a 0-10 score")
    }

    @Test func renewalWithinNinetyDaysIsSoonWithinThirtyUrgent() {
        #expect(RenewalTiming(daysUntil: -1) == .passed)
        #expect(RenewalTiming(daysUntil: 0) == .urgent)
        #expect(RenewalTiming(daysUntil: 30) == .urgent)
        #expect(RenewalTiming(daysUntil: 31) == .soon)
        #expect(RenewalTiming(daysUntil: 90) == .soon)
        #expect(RenewalTiming(daysUntil: 91) == .later)
        #expect(RenewalTiming(daysUntil: 90).isWithinWindow && !RenewalTiming(daysUntil: 91).isWithinWindow)
        #expect(!RenewalTiming(daysUntil: -1).isWithinWindow)
    }

    @Test func idleFromThirtyCalendarDaysActiveUpToThirty() {
        let now = VitallyDate.parse("2026-11-28T10:00:00Z")!
        let day = { (n: Double) in now.addingTimeInterval(-n * 86400) }
        #expect(!ActivityWindow.isIdle(lastSeen: day(29), now: now))
        #expect(ActivityWindow.isIdle(lastSeen: day(30), now: now))
        #expect(ActivityWindow.isActive(lastSeen: day(30), now: now))
        #expect(!ActivityWindow.isActive(lastSeen: day(31), now: now))
        #expect(!ActivityWindow.isActive(lastSeen: nil, now: now))
        // Calendar days, not 24-hour spans: 23:59 the day before is one day ago.
        let lateYesterday = VitallyDate.parse("2026-11-27T23:59:00Z")!
        #expect(ActivityWindow.daysSince(lateYesterday, now: now) == 1)
    }
}
