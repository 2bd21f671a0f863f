import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// Caps on attendees, invite size and title length: each refused with one line that says what to do.
@Suite struct InputLimitsTests {
    func invite(_ attendees: Int, in folder: URL) throws -> URL {
        var text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Acme QBR\r\nDTSTART:20261203T150000Z\r\n"
        for i in 0..<attendees { text += "ATTENDEE;CN=P\(i):mailto:person\(i)@acme.com\r\n" }
        text += "END:VEVENT\r\nEND:VCALENDAR\r\n"
        let url = folder.appendingPathComponent("invite-\(attendees).ics")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func anInviteWith3000AttendeesSpendsNoRequests() async throws {
        try await withSimulatedShell { shell, simulator, scratch in
            let file = try invite(3000, in: scratch)
            await simulator.state.clearLog()
            let result = await shell.text("brief --ics \(file.path)")
            #expect(result.status != .ok)
            #expect(result.err.contains("3000 attendees given and in the invite are more than 50"), "\(result.err)")
            #expect(result.err.contains("--max-attendees allows at most 1000"), "\(result.err)")
            #expect(await simulator.state.log.isEmpty, "no request may be sent for a refused brief")
        }
    }

    @Test func maxAttendeesRaisesTheCap() async throws {
        try await withSimulatedShell { shell, _, scratch in
            let file = try invite(55, in: scratch)
            #expect(await shell.text("brief --ics \(file.path)").err.contains("pass --max-attendees 55"))
            let raised = await shell.text("brief --ics \(file.path) --max-attendees 55")
            #expect(raised.status == .ok, "\(raised.err)")
            #expect(await shell.text("brief --ics \(file.path) --max-attendees lots").err.contains("whole number"))
            let typed = (0..<51).map { "p\($0)@acme.com" }.joined(separator: " ")
            #expect(await shell.text("match \(typed)").err.contains("51 attendees given are more than 50"))
            #expect(await shell.text("doctor \(typed)").err.contains("51 attendees given are more than 50"))
        }
    }

    @Test func aHugeOrEndlessInviteIsRefusedBeforeItIsRead() async throws {
        try await withSimulatedShell { shell, _, scratch in
            let huge = scratch.appendingPathComponent("huge.ics")
            #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
            let handle = try FileHandle(forWritingTo: huge)
            try handle.truncate(atOffset: 300 * 1024 * 1024)  // sparse: nothing is written, a whole read would be 300 MB
            try handle.close()
            let result = await shell.text("brief --ics \(huge.path)")
            #expect(result.err.contains("is 300.0 MB; a calendar invite is at most 5.0 MB"), "\(result.err)")
            let endless = await shell.text("brief --ics /dev/zero")
            #expect(endless.err.contains("not a regular file"), "\(endless.err)")
            let atLimit = scratch.appendingPathComponent("limit.ics")
            try Data(count: InputLimits.inviteBytes + 1).write(to: atLimit)
            #expect(await shell.text("brief --ics \(atLimit.path)").err.contains("at most 5.0 MB"))
        }
    }

    @Test func aTitleOver500CharactersIsRefused() async throws {
        try await withSimulatedShell { shell, simulator, _ in
            let long = String(repeating: "acme ", count: 20_000)
            await simulator.state.clearLog()
            for command in ["brief pat.lee@acme.com", "match pat.lee@acme.com", "doctor pat.lee@acme.com"] {
                let result = await shell.text("\(command) --title '\(long)'")
                #expect(result.err.contains("--title is 100000 characters; a meeting title is at most 500"), "\(command): \(result.err)")
            }
            #expect(await simulator.state.log.isEmpty)
            let fine = await shell.text("match pat.lee@acme.com --title '\(String(repeating: "a", count: 500))'")
            #expect(fine.status == .ok, "\(fine.err)")
        }
    }
}
