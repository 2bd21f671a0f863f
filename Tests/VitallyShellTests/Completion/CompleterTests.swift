import Testing
import VitallyKit
import VitallyShell

@Suite struct CompleterTests {
    let state = CompletionState()
    var completer: Completer { Completer(state: state) }

    @Test func completesCommandsSubcommandsAndFlags() {
        #expect(completer.complete("hea").candidates == ["health"])
        #expect(completer.complete("re").candidates == ["record", "replay", "recordings"])
        #expect(completer.complete("accounts ").candidates == ["search", "list", "show"])
        #expect(completer.complete("brief a@b.com --f").candidates == ["--format"])
        #expect(completer.complete("brief a@b.com --format m").candidates == ["markdown"])
        #expect(completer.complete("accounts list --status ").candidates == ["active", "churned", "activeOrChurned"])
        #expect(completer.complete("health acme.com; no").candidates == ["notes"])
        #expect(completer.complete("help br").candidates == ["brief"])
    }

    @Test func completesValuesSeenThisSession() throws {
        state.note(accounts: ["Acme Corp", "acme.com", "acme-001"])
        state.note(emails: ["pat.lee@acme.com", "jane.doe@gmail.com"])
        state.setRecordings(["demo.har", "ticket-4411.har"])
        #expect(completer.complete("health ac").candidates == ["'Acme Corp'", "acme.com", "acme-001"])
        #expect(completer.complete("health 'Acme C").candidates == ["'Acme Corp'"])
        #expect(completer.complete("match p").candidates == ["pat.lee@acme.com"])
        #expect(completer.complete("replay t").candidates == ["ticket-4411.har"])
        #expect(completer.complete("recordings ").candidates == ["show", "scrub", "diff", "demo.har", "ticket-4411.har"])
        #expect(completer.complete("raw GET /resources/us").candidates.first == "/resources/users")
    }
}
