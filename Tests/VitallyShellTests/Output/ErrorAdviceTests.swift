import Foundation
import Testing
import VitallyKit
@testable import VitallyShell

/// Doctor causes and transport errors are phrased here, with the commands and flags to use.
@Suite struct ErrorAdviceTests {
    @Test func aRejectedTokenNamesTheOtherRegionAndTheSubdomain() {
        func fix(_ outcome: DoctorOutcome) -> String { ErrorAdvice.fix(for: DoctorCheck("3", .token, .fail, outcome)) ?? "" }
        let us = fix(.tokenRejected(subdomain: "acme", endpoint: .us(subdomain: "acme")))
        #expect(us.contains("run 'connect' again"))
        #expect(us.contains("check the subdomain 'acme'"))
        #expect(us.contains("--region eu"))
        let eu = fix(.tokenRejected(subdomain: nil, endpoint: .eu()))
        #expect(eu.contains("--region us") && !eu.contains("check the subdomain"))
        let sentence = ErrorAdvice.sentence(for: VitallyError(.unauthorized), region: .us)
        #expect(sentence.hasSuffix(ErrorAdvice.otherRegionHint(.us)))
    }

    @Test func theCoreSaysWhatWentWrongAndTheShellNamesTheCommandThatHelps() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("advice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.json")
        try Data("not json".utf8).write(to: config)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
        let error = #expect(throws: VitallyError.self) { try ConfigFile(url: config).load() }
        #expect(error?.hint == .editOrForgetConfiguration)
        #expect(error?.cause == "\(config.path) is not valid JSON")
        #expect(error.map(ErrorAdvice.message) == "\(config.path) is not valid JSON; correct it in the file, or remove the file and run 'connect' again")

        let missing = #expect(throws: VitallyError.self) { try HARReader.load(folder.appendingPathComponent("none.har")) }
        #expect(missing.map(ErrorAdvice.message)?.hasSuffix(": no such file (see 'recordings' for the files there are)") == true)

        let tooMany = #expect(throws: VitallyError.self) { try InputLimits().check(attendees: 51, from: "given") }
        #expect(tooMany?.hint == .allowAttendees(51))
        #expect(tooMany?.cause?.contains("--") == false)
        #expect(tooMany.map(ErrorAdvice.message)?.hasSuffix("; pass --max-attendees 51 to allow them, or give only the attendees that matter") == true)
        let far = #expect(throws: VitallyError.self) { try InputLimits(maxAttendees: 1000).check(attendees: 1001, from: "given") }
        #expect(far?.hint == .fewerAttendees)
        #expect(far.map(ErrorAdvice.message)?.contains("--max-attendees allows at most 1000") == true)
    }

    @Test func theVerdictNamesTheFirstFailureAndItsFix() {
        let report = DoctorReport(checks: [
            DoctorCheck("1", .credentials, .pass, .tokenPresent(source: .environment)),
            DoctorCheck("5", .rateLimit, .warn, .rateLimit(remaining: 100, limit: 1000, resetSeconds: 30)),
            DoctorCheck("7:x@gmail.com", .attendee, .fail, .unmatched(email: "x@gmail.com", domain: "gmail.com", freeMail: true)),
        ])
        let verdict = ErrorAdvice.verdict(report)
        #expect(verdict.hasPrefix("FAIL at 'attendee x@gmail.com': no account matched: this attendee gets no Vitally data in briefs. Fix: add x@gmail.com as a user"))
        #expect(verdict.contains("--title"))
        #expect(ErrorAdvice.verdict(DoctorReport(checks: Array(report.checks.prefix(2)))) == "No failures; 1 warning above.")
        let hooli = AccountProbe(account: "Hooli", gaps: [.notes], held: [.healthScore, .users], breakdown: nil, notes: .counted(0),
                                 tasks: .counted(0), organization: nil, organizationOnly: nil, unrecognised: nil)
        let reading = AttendeeReading(accounts: ["Hooli"], rule: .contact, ambiguous: false, churned: true, freeMail: false, unchecked: [],
                                      confidence: 1, confidenceLabel: "high", lowConfidence: false, probes: [hooli], unread: [])
        let concerns = ErrorAdvice.fix(for: DoctorCheck("7:gavin@hooli.com", .attendee, .warn, .matched(reading)))
        #expect(concerns == "check whether the customer has a newer, active account; the brief will be thin until Vitally has that data for Hooli")
    }
}
