import Foundation
import Testing
import VitallyKit
import VitallyShell

/// `recordings show FILE --coverage` on a session recorded through the shell against the simulator.
@Suite struct RecordingsCoverageTests {
    @Test func saysPerListHowManyItemsItHoldsAndWhetherItWasReadToItsEnd() async throws {
        try await withSimulatedShell { shell, _, _ in
            #expect(await shell.text("record coverage.har").status == .ok)
            #expect(await shell.text("raw GET /resources/notes?limit=2").status == .ok)
            #expect(await shell.text("raw GET /resources/admins?limit=100").status == .ok)
            #expect(await shell.text("accounts show acme.com").status == .ok)
            #expect(await shell.text("record stop").status == .ok)

            let json = try JSONParser.parse(Array(await shell.text("recordings show coverage.har --coverage --json").out.utf8))
            let rows = try #require(json.array)
            func row(_ resource: String, _ scope: String = "tenant") -> JSONValue? {
                rows.first { $0["resource"]?.string == resource && $0["scope"]?.string == scope }
            }
            #expect(row("notes")?["items"]?.int == 2)
            #expect(row("notes")?["complete"]?.bool == false)
            #expect(row("admins")?["complete"]?.bool == true)
            #expect((row("admins")?["items"]?.int ?? 0) > 2)

            let text = await shell.text("recordings show coverage.har --coverage")
            #expect(text.out.contains("TO ITS END"))
            #expect(text.out.contains("read to their end"))
        }
    }
}
