import Foundation
import Testing
import VitallyKit
import VitallyShell

/// A command's text and its `--json` come from one value, so what the text says the JSON holds.
@Suite struct ResultValueTests {
    /// The demo with every account on a trial that ends 2026-12-20.
    func trialDemo() async throws -> Shell {
        try await replayingDemo {
            $0.replacingOccurrences(of: #"trialEndDate\":null"#, with: #"trialEndDate\":\"2026-12-20T00:00:00.000Z\""#)
        }
    }

    @Test func healthJSONHoldsTheTrialEndTheTextShows() async throws {
        let shell = try await trialDemo()
        let text = await shell.text("health acme.com", width: 200)
        #expect(text.status == .ok, "\(text.err)")
        #expect(text.out.contains("Trial ends    2026-12-20"), "\(text.out)")
        let json = await shell.text("health acme.com --json", width: 200)
        #expect(json.status == .ok, "\(json.err)")
        let value = try JSONParser.parse(json.out)
        #expect(value["trialEndDate"]?.string == "2026-12-20T00:00:00.000Z", "\(json.out)")
    }

    @Test func healthJSONKeepsItsKeysInOrderWithNullsForWhatIsAbsent() async throws {
        let shell = try await replayingDemo { $0 + "\n" }
        let json = await shell.text("health acme.com --json", width: 200)
        let value = try JSONParser.parse(json.out)
        let keys = value.object?.keys ?? []
        #expect(Array(keys.prefix(6)) == ["account", "healthScore", "level", "healthScoreSource", "organizationHealthScore", "breakdown"], "\(keys)")
        #expect(keys.contains("trialEndDate"))
        #expect(value["trialEndDate"]?.isNull == true, "an absent trial is null, not a missing key")
        #expect(value["account"]?["name"]?.string == "Acme Corp")
        #expect(value["level"]?.string == "good")
    }

    @Test func theEncoderWritesDeclarationOrderAndNulls() throws {
        struct Sample: Encodable {
            var zeta = 1
            var alpha: String? = nil
            var when = VitallyDate.parse("2026-11-28T00:00:00Z")!
            var nested = [["b": 2.5]]
        }
        let value = try JSONValueEncoder().encode(Sample())
        #expect(value.serialized() == #"{"zeta":1,"alpha":null,"when":"2026-11-28T00:00:00.000Z","nested":[{"b":2.5}]}"#)
    }

    @Test func listJSONLabelsTheOrganizationsItemsAndNPSCategoriesAsTheTextDoes() async throws {
        try await withSimulatedShell { shell, _, _ in
            let text = await shell.text("notes cyberdyne.com --all", width: 200)
            let labelled = text.out.split(separator: "\n").filter { $0.contains("[Cyberdyne Holdings]") }.count
            #expect(labelled > 0, "\(text.out)")
            let json = try JSONParser.parse(await shell.text("notes cyberdyne.com --all --json").out)
            #expect(json.array?.filter { $0["_organization"]?.string == "Cyberdyne Holdings" }.count == labelled, "\(json)")

            let nps = await shell.text("nps acme.com --all", width: 200)
            let npsJSON = try JSONParser.parse(await shell.text("nps acme.com --all --json").out)
            let categories = npsJSON.array?.compactMap { $0["_category"]?.string } ?? []
            #expect(!categories.isEmpty && categories.contains("detractor"), "\(npsJSON)")
            for category in Set(categories) { #expect(nps.out.contains(category), "\(category) missing from \(nps.out)") }
        }
    }

    @Test func matchJSONSaysTheRuleNumberConfidenceAndAdminVerdictTheTextShows() async throws {
        let shell = try await replayingDemo { $0 + "\n" }
        let text = await shell.text("match pat.lee@acme.com dana@brightwave.io", width: 200)
        let json = try JSONParser.parse(await shell.text("match pat.lee@acme.com dana@brightwave.io --json").out)
        let pat = try #require(json[0])
        #expect(text.out.contains("by \(pat["ruleNumber"]?.int ?? 0)) \(pat["rule"]?.string ?? "?"), \(pat["confidenceLabel"]?.string ?? "?") confidence"), "\(text.out)")
        let dana = try #require(json[1])
        #expect(dana["internal"]?.bool == true)
        #expect(text.out.contains("(\(dana["team"]?.string ?? "?"))"), "\(text.out)")
        #expect(pat["partial"] == nil && pat["failures"] == nil, "a complete answer carries neither")
    }
}
