import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// `match`, `doctor` and `brief` read `--ics` the same way: the invite's attendees join the typed ones.
@Suite struct MeetingInputTests {
    let invite = packageRoot.appendingPathComponent("examples/acme-qbr.ics").path
    let attendees = "pat.lee@acme.com jordan.kim@acme.com dana@brightwave.io"

    @Test func matchTakesTheInvitesAttendeesAsIfTyped() async throws {
        try await withSimulatedShell { shell, _, scratch in
            let typed = await shell.text("match \(attendees) --title 'Acme Corp QBR: renewal and SSO' --json")
            let fromInvite = await shell.text("match --ics \(invite) --json")
            #expect(fromInvite.status == typed.status, "\(fromInvite.err)")
            #expect(fromInvite.out == typed.out)
            #expect(fromInvite.out.contains("pat.lee@acme.com") && fromInvite.out.contains("Acme Corp"), "\(fromInvite.out)")
            let both = await shell.text("match ann@acme.com --ics \(invite) --json")
            #expect(both.out.components(separatedBy: "\"email\"").count == 5, "one typed and three from the invite: \(both.out)")
            let second = scratch.appendingPathComponent("second.ics")
            try Data("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Other\r\nATTENDEE:mailto:ann@acme.com\r\nATTENDEE:mailto:pat.lee@acme.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8).write(to: second)
            let several = await shell.text("match --ics \(invite) --ics \(second.path) --json")
            #expect(several.out.contains("\"ann@acme.com\""), "the second invite's attendee: \(several.out)")
            #expect(several.out.components(separatedBy: "\"email\"").count == 5, "several invites add up, each attendee once: \(several.out)")
            let none = await shell.text("match")
            #expect(none.status == .usage && none.err.contains("match needs attendee emails or --ics FILE"), "\(none.err)")
            // An invite that lists nobody is not "give --ics FILE" (it was given): say the invite is empty.
            let empty = scratch.appendingPathComponent("empty.ics")
            try Data("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Focus time\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8).write(to: empty)
            for command in ["match", "brief"] {
                let nobody = await shell.text("\(command) --ics \(empty.path)")
                #expect(nobody.status == .usage && nobody.err.contains("the invite given to \(command) lists no attendee emails"), "\(nobody.err)")
            }
            let missing = await shell.text("match --ics no-such.ics")
            #expect(missing.err.contains("cannot read the calendar invite") && !missing.err.contains("\n"), "\(missing.err)")
        }
    }

    /// A calendar export of many meetings is read as its next meeting, and one warning says so and
    /// names `coverage`, which reads them all (found trying `match --ics examples/fortnight.ics`).
    @Test func aFileOfManyMeetingsSaysWhichOneWasRead() async throws {
        try await withSimulatedShell { shell, _, _ in
            for line in ["match --ics examples/fortnight.ics", "brief --ics examples/fortnight.ics", "doctor --ics examples/fortnight.ics"] {
                let results = await shell.run(line: line)
                let warnings = results.flatMap(\.warnings).filter { $0.contains("meetings") }
                #expect(warnings.count == 1, "\(line): \(results.flatMap(\.warnings))")
                #expect(warnings.first?.hasPrefix("examples/fortnight.ics holds ") == true, "\(warnings)")
                #expect(warnings.first?.contains(" meetings: read only the next, '") == true, "\(warnings)")
                #expect(warnings.first?.hasSuffix("; 'coverage --ics examples/fortnight.ics' reads them all") == true, "\(warnings)")
            }
            let one = await shell.run(line: "match --ics \(invite)")
            #expect(one.flatMap(\.warnings).isEmpty, "one meeting needs no warning: \(one.flatMap(\.warnings))")
        }
    }

    @Test func doctorChecksTheInvitesAttendees() async throws {
        try await withSimulatedShell { shell, _, _ in
            let typed = await shell.text("doctor \(attendees) --json")
            let fromInvite = await shell.text("doctor --ics \(invite) --json")
            #expect(fromInvite.out.contains("pat.lee@acme.com") && fromInvite.out.contains("jordan.kim@acme.com"), "\(fromInvite.out)")
            #expect(fromInvite.status == typed.status)
            let limited = await shell.text("doctor --ics \(invite) --max-attendees 2")
            #expect(limited.err.contains("3 attendees given and in the invite are more than 2"), "\(limited.err)")
        }
    }
}
