import Testing
import VitallyShell

/// What the status line says a command is doing.
@Suite struct ProgressWordingTests {
    @Test func attendeesAreCountedOnlyWhenTheCommandWasGivenSome() {
        #expect(Shell.doing(["match", "a@x.com", "b@y.com"]) == "matching 2 attendees")
        #expect(Shell.doing(["brief", "a@x.com"]) == "briefing 1 attendee")
        #expect(Shell.doing(["doctor", "a@x.com", "b@y.com", "c@z.com"]) == "checking 3 attendees")
        // Without attendees each is shown as typed: never "matching 0 attendees".
        #expect(Shell.doing(["match"]) == "match")
        #expect(Shell.doing(["brief"]) == "brief")
        #expect(Shell.doing(["doctor", "--json"]) == "doctor --json")
        #expect(Shell.doing(["health", "acme.com"]) == "health acme.com")
        #expect(Shell.doing([]) == "working")
    }
}
