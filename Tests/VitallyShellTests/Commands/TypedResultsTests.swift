import Foundation
import Testing
import VitallyKit
@testable import VitallyShell
import VitallySimulator

/// `objects`, `record stop` and `health --observations` print values (issue 22, item 5): what
/// their text said and their hand-built JSON left out is in the JSON now.
@Suite struct TypedResultsTests {
    static let goals = "/resources/customObjects/5d0c7a3e-6b1f-4c2a-9e8d-7f3b2a1c0d4e/instances/search?organizationId="

    @Test func objectsJSONNamesTheAccountsTheTextLabelsAndTheSearchThatFailed() async throws {
        try await withSimulatedShell { shell, simulator, _ in
            // A search that fails was a notice in the text and left out of the JSON.
            await simulator.state.inject(.status(404), pathPrefix: Self.goals)
            let failed = await shell.text("objects dunder-mifflin 'Customer Goals'", width: 1000)
            await simulator.state.inject(.status(404), pathPrefix: Self.goals)
            let failedJSON = try JSONParser.parse(await shell.text("objects dunder-mifflin 'Customer Goals' --json").out)
            let error = try #require(failedJSON[0]?["error"]?.string, "\(failedJSON)")
            #expect(error.contains("(404)") && failed.out.contains(error), "\(error) | \(failed.out)")
            #expect(failedJSON[0]?["instances"]?.isNull == true && failedJSON[0]?["object"]?["label"]?.string == "Customer Goals")

            // The search that works: the organization's instance that names an account carries its name.
            let text = await shell.text("objects dunder-mifflin 'Customer Goals'", width: 200)
            #expect(text.out.contains("  [Dunder Mifflin Stamford] Stamford on SSO"), "\(text.out)")
            let json = try JSONParser.parse(await shell.text("objects dunder-mifflin 'Customer Goals' --json").out)
            let entry = try #require(json[0])
            #expect(entry["error"]?.isNull == true && entry["more"] == .bool(false), "\(entry)")
            let instances = entry["instances"]?.array ?? []
            let stamford = try #require(instances.first { $0["name"]?.string == "Stamford on SSO" })
            #expect(stamford["_accounts"] == .array(["Dunder Mifflin Stamford"]), "\(stamford)")
            #expect(instances.filter { $0["_accounts"] != nil }.count == 1, "the organization's own instances name no account")
        }
    }

    @Test func recordStopJSONNamesTheFileAndAnEarlyStopAsTheTextDoes() async throws {
        try await withSimulatedShell { shell, _, _ in
            #expect(await shell.text("record stop-json.har").status == .ok)
            _ = await shell.text("health acme.com")
            let stop = await shell.text("record stop --json")
            #expect(stop.status == .ok, "\(stop.err)")
            let json = try JSONParser.parse(stop.out)
            #expect(Array(json.object?.keys ?? []) == ["stopped", "file", "exchanges", "stoppedEarly", "listCompletion"], "\(json)")
            #expect(json["file"]?.string == "stop-json.har" && (json["exchanges"]?.int ?? 0) > 0, "\(json)")
            #expect(json["stoppedEarly"]?.isNull == true && json["listCompletion"]?.isNull == true)
        }
        let stopped = RecordingStopped(file: "a.har", exchanges: 3, stoppedEarly: "No space left on device", listCompletion: nil)
        let text = TextRenderer(width: 200, color: false).render(try CommandResult(stopped, renderedBy: RecordStopRenderer()).output, json: false)
        #expect(text == "Stopped recording: 3 exchanges in a.har (it stopped early: No space left on device). Back to live.\n", "\(text)")
        #expect(try JSONValueEncoder().encode(stopped)["stoppedEarly"]?.string == "No space left on device")
    }

    @Test func healthObservationsJSONNamesTheAccountTheSameWayWithOrWithoutHistory() async throws {
        let shell = try await replayingDemo { $0 + "\n" }
        await shell.configureHistory(file: nil, disabled: true)
        let text = await shell.text("health acme.com --observations", width: 200)
        let json = try JSONParser.parse(await shell.text("health acme.com --observations --json").out)
        // The account was a bare id here and an object when there was history.
        #expect(json["account"]?["name"]?.string == "Acme Corp" && json["account"]?["externalId"]?.string == "acme-001", "\(json)")
        #expect(json["observations"]?.isNull == true)
        let why = try #require(json["why"]?.string)
        #expect(text.out == "No history for Acme Corp: \(why).\n", "\(text.out)")
    }
}
