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

    @Test func accountsShowJSONHoldsTheOrganizationsValuesTheTextShows() async throws {
        try await withSimulatedShell { shell, _, _ in
            let text = await shell.text("accounts show dm-stamford", width: 200)
            #expect(text.status == .ok, "\(text.err)")
            #expect(text.out.contains("3.2/10 poor · from organization Dunder Mifflin"), "\(text.out)")
            #expect(text.out.contains("$6,400 · from organization Dunder Mifflin"), "\(text.out)")
            let json = try JSONParser.parse(await shell.text("accounts show dm-stamford --json").out)
            #expect(json["healthScore"]?.isNull == true, "the record as Vitally sent it keeps its keys")
            let customer = try #require(json["_customer"], "\(json)")
            #expect(customer["healthScore"]?["value"]?.double == 3.2 && customer["healthScore"]?["source"]?.string == "organization")
            #expect(customer["level"]?.string == "poor" && customer["organization"]?.string == "Dunder Mifflin")
            #expect(customer["mrr"]?["value"]?.double == 6400 && customer["mrr"]?["source"]?.string == "organization")
            let segments = customer["segments"]?["value"]?.array?.compactMap(\.string) ?? []
            #expect(!segments.isEmpty && text.out.contains(segments.joined(separator: ", ") + " · from organization"), "\(customer)")
            for trait in customer["traits"]?.array ?? [] {
                #expect(text.out.contains("  " + (trait["key"]?.string ?? "?")), "\(trait) missing from \(text.out)")
            }
        }
    }

    @Test func organizationsJSONSaysTheLevelAndRowsTheTextShows() async throws {
        try await withSimulatedShell { shell, _, _ in
            let text = await shell.text("organizations show dunder-mifflin", width: 200)
            let json = try JSONParser.parse(await shell.text("organizations show dunder-mifflin --json").out)
            let level = try #require(json["_level"]?.string, "\(json)")
            #expect(level == "poor" && text.out.contains("3.2/10 " + level), "\(text.out)")
            #expect(json["name"]?.string == "Dunder Mifflin", "the record as Vitally sent it keeps its keys")

            let list = await shell.text("organizations search dunder", width: 200)
            let rows = try JSONParser.parse(await shell.text("organizations search dunder --json").out).array ?? []
            #expect(!rows.isEmpty)
            for row in rows { #expect(list.out.contains(row["externalId"]?.string ?? row["id"]?.string ?? "?"), "\(row) missing from \(list.out)") }
            let accounts = await shell.text("organizations accounts dunder-mifflin", width: 200)
            let accountRows = try JSONParser.parse(await shell.text("organizations accounts dunder-mifflin --json").out).array ?? []
            #expect(accounts.out.hasPrefix("Dunder Mifflin · \(accountRows.count) accounts"), "\(accounts.out)")
            for row in accountRows { #expect(accounts.out.contains(row["name"]?.string ?? "?")) }
        }
    }

    @Test func timelineJSONIsTheEventsTheTextShows() async throws {
        try await withSimulatedShell { shell, _, _ in
            let text = await shell.text("timeline dm-scranton --limit 6", width: 300)
            let events = try JSONParser.parse(await shell.text("timeline dm-scranton --limit 6 --json").out).array ?? []
            #expect(events.count == 6, "\(events)")
            let rows = text.out.split(separator: "\n").dropFirst(2)
            #expect(rows.count == events.count, "\(text.out)")
            for (row, event) in zip(rows, events) {
                let day = String(event["date"]?.string?.prefix(10) ?? "?")
                #expect(row.hasPrefix(day) && row.contains(event["kind"]?.string ?? "?") && row.hasSuffix(event["text"]?.string ?? "?"), "\(row) vs \(event)")
            }
            let labelled = events.filter { $0["text"]?.string?.hasPrefix("[Dunder Mifflin] ") == true }.count
            #expect(labelled > 0 && labelled == rows.filter { $0.contains("[Dunder Mifflin] ") }.count, "\(text.out)")
        }
    }

    @Test func accountListJSONIsTheRowsTheTextShows() async throws {
        let shell = try await replayingDemo { $0 + "\n" }
        let text = await shell.text("accounts search acme", width: 200)
        let rows = try JSONParser.parse(await shell.text("accounts search acme --json").out).array ?? []
        let lines = text.out.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && lines.count == rows.count, "\(text.out)")
        for (line, row) in zip(lines, rows) {
            #expect(line.hasPrefix(row["name"]?.string ?? "?") && line.hasSuffix(row["externalId"]?.string ?? row["id"]?.string ?? "?"), "\(line) vs \(row)")
            #expect(line.contains(row["churned"]?.bool == true ? "churned" : "active"))
        }
    }

    @Test func briefJSONSaysTheConfidenceTheAttendeeLineShows() async throws {
        let shell = try await replayingDemo { $0 + "\n" }
        let text = await shell.text("brief pat.lee@acme.com", width: 200)
        let json = try JSONParser.parse(await shell.text("brief pat.lee@acme.com --json").out)
        let pat = try #require(json["attendees"]?[0])
        let label = try #require(pat["confidenceLabel"]?.string, "\(pat)")
        #expect(text.out.contains("(\(pat["rule"]?.string ?? "?"), \(label) confidence)"), "\(text.out)")
        #expect(pat["ruleNumber"] == nil && pat["team"] == nil, "the brief's line shows neither")
        let account = try #require(json["accounts"]?[0])
        #expect(text.out.contains("\(account["name"]?.string ?? "?") (ext \(account["externalId"]?.string ?? "?"))"))
    }

    @Test func organizationListsJSONNamesTheAccountsTheTextLabels() async throws {
        try await withSimulatedShell({ $0.organizationLists = .inclusive }) { shell, _, _ in
            let text = await shell.text("organizations notes 'Acme Holdings'", width: 300)
            let rows = try JSONParser.parse(await shell.text("organizations notes 'Acme Holdings' --json").out).array ?? []
            for name in ["Acme Labs", "Acme Corp"] {
                let labelled = text.out.split(separator: "\n").filter { $0.contains("[\(name)]") }.count
                #expect(labelled > 0, "\(text.out)")
                #expect(rows.filter { $0["_accounts"]?.array?.contains(.string(name)) == true }.count == labelled, "\(rows)")
            }
            let users = await shell.text("organizations users dunder-mifflin", width: 300)
            let userRows = try JSONParser.parse(await shell.text("organizations users dunder-mifflin --json").out).array ?? []
            let own = users.out.split(separator: "\n").filter { $0.contains("[organization only]") }.count
            #expect(userRows.filter { $0["_accounts"] == nil }.count == own, "\(users.out)")
        }
    }
}
