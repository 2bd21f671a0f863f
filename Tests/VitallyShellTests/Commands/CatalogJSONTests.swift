import Foundation
import Testing
import VitallyKit
@testable import VitallyShell

/// Every command (and subcommand) that takes `--json` prints one valid JSON document for a demo
/// invocation, replayed from recordings/demo.har as the golden tests do.
@Suite(.serialized) struct CatalogJSONTests {
    /// One invocation per form of every command; `CatalogJSONTests` fails when a form has none.
    static let demo: [String] = [
        "disconnect", "status", "profiles",
        "accounts search acme", "accounts list --limit 15", "accounts show acme-001",
        "health acme.com", "notes acme.com", "tasks acme.com", "users acme.com", "nps soylent.com", "conversations soylent.com",
        "timeline acme.com",
        "organizations list", "organizations search dunder", "organizations show dunder-mifflin", "organizations accounts dunder-mifflin",
        "organizations users dunder-mifflin", "organizations notes \"Acme Holdings\"", "organizations tasks dunder-mifflin",
        "raw GET /resources/accounts/acme-001/healthScores", "objects",
        "match bruce@wayneenterprises.com --title \"Wayne Enterprises QBR\"", "brief pat.lee@acme.com",
        "doctor pat.lee@acme.com nobody@nowhere-example.com jane.doe@gmail.com gavin@hooli.com",
        "coverage --ics examples/fortnight.ics --from 2026-12-07 --to 2026-12-20", "audit",
        "recordings", "recordings show demo.har 1", "recordings scrub demo.har scrubbed.har --salt catalog-json-salt-0123",
        "recordings diff demo.har demo.har", "replay demo.har",
        "help", "help recordings", "history", "history import demo.har", "history forget \"Acme Corp\"",
    ]

    /// Forms whose demo needs a live tenant, which a replay cannot give (their JSON is checked
    /// against the simulator elsewhere: ShellCommandTests, RecordModeCompleteTests; `use` switches
    /// to a saved profile's live tenant, run against the simulator in ProfilesEndToEndTests).
    static let needsALiveTenant: Set<String> = ["connect", "use", "record", "record stop"]

    @Test func everyFormThatTakesJSONHasADemo() throws {
        var covered = Set<String>()
        for line in Self.demo {
            let (parsed, _) = try ParsedCommand.parse(try #require(try ShellWords.split(line).first))
            covered.insert([parsed.name, parsed.subcommand].compactMap { $0 }.joined(separator: " "))
        }
        for spec in CommandCatalog.all where spec.takesJSON {
            let forms = (spec.bare ? [spec.name] : []) + spec.subcommandNames.map { "\(spec.name) \($0)" }
            for form in forms where !Self.needsALiveTenant.contains(form) {
                #expect(covered.contains(form), "add a demo line for '\(form)' to CatalogJSONTests.demo")
            }
        }
    }

    @Test func everyDemoPrintsValidJSON() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let recordings = try recordingsWithDemo(in: scratch)
        let (shell, home) = makeShell(recordings: recordings, clock: Date())
        defer { try? FileManager.default.removeItem(at: home) }
        await shell.configureHistory(file: scratch.appendingPathComponent("history.sqlite").path, disabled: false)
        #expect(await shell.start(replay: "demo.har").error == nil)
        for line in Self.demo where !Self.needsALiveTenant.contains(line) {
            let result = await shell.text(line + " --json")
            #expect(result.status != .usage, "\(line) --json: \(result.err)")
            #expect((try? JSONParser.parse(result.out)) != nil, "\(line) --json printed no JSON: \(result.out.prefix(200)) \(result.err)")
        }
    }
}
