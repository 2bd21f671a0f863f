import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// A brief's cost does not grow with the account, `status` shows it, and tasks come open first
/// however Vitally treats `status=open`.
@Suite struct BoundedBriefTests {
    /// The brief's text and `status --json`'s lastBrief, against a simulator configured by `configure`.
    func brief(_ configure: @escaping (inout SimulatorOptions) -> Void) async throws -> (brief: String, status: String, cost: JSONValue) {
        try await withSimulatedShell(configure) { shell, _, _ in
            let brief = await shell.text("brief nina@massivedynamic.com --title \"Massive sync\"", width: 160)
            #expect(brief.status == .ok, "\(brief.err)")
            let status = await shell.text("status")
            let json = try JSONParser.parse(await shell.text("status --json").out)
            return (brief.out, status.out, json["lastBrief"] ?? .null)
        }
    }

    @Test func theBriefCostsTheSameRequestsForAnAccountWithThousandsOfItems() async throws {
        let small = try await brief { _ in }
        let huge = try await brief { $0.bulkActivity = 3000 }
        // 3,000 more notes, conversations and tasks: not one more request to read the account.
        #expect(small.cost["reading"] == huge.cost["reading"])
        #expect(small.cost["matching"] == huge.cost["matching"])
        let reading = try #require(huge.cost["reading"]?.double)
        #expect(reading > 0 && reading <= 20, "one page per list at the account and its organization: \(reading)")
        #expect(huge.cost["accounts"] == .number(1) && huge.cost["attendees"] == .number(1))
        let total = try #require(huge.cost["requests"]?.double)
        #expect(huge.status.contains(try Regex("Last brief +\(Int(total)) requests: \\d+ to match 1 attendee, \(Int(reading)) to read 1 account")),
                "\(huge.status)")
        #expect(huge.brief.contains("Notes: newest 50 of at least 51 read"))
        #expect(huge.brief.contains("Conversations: newest 50 of at least 51 read"))
        // The newest 3,000 tasks are finished ones; asking for open tasks still finds the overdue three.
        #expect(huge.brief.contains("Open tasks: newest 50 of at least 51 read"))
        #expect(huge.brief.contains(try Regex("\\d+ overdue tasks?; oldest: ")), "\(huge.brief)")
    }

    @Test func aStatusFilterVitallyIgnoresOrRefusesIsSaidAndTheNewestTasksAreRead() async throws {
        let ignored = try await brief {
            $0.bulkActivity = 200
            $0.taskStatusFilter = .ignored
        }
        #expect(ignored.brief.contains("Tasks: newest 50 of at least 51 read; Vitally ignored status=open, so open tasks older than these are not shown"))
        #expect(!ignored.brief.contains("overdue task"))
        let refused = try await brief {
            $0.bulkActivity = 200
            $0.taskStatusFilter = .refused
        }
        #expect(refused.brief.contains("Tasks: newest 50 of at least 51 read; Vitally refused status=open (400), so open tasks older than these are not shown"))
        // The refused request and its retry: one more request than when the filter is honoured.
        let honoured = try await brief { $0.bulkActivity = 200 }
        #expect(refused.cost["reading"]?.double == honoured.cost["reading"]?.double.map { $0 + 1 })
    }
}
