import Testing
import VitallyKit
@testable import VitallyShell

/// Doctor causes and transport errors are phrased here, with the commands and flags to use.
@Suite struct ErrorAdviceTests {
    @Test func aRejectedTokenNamesTheOtherRegionAndTheSubdomain() {
        let us = ErrorAdvice.fix(for: .tokenRejected(subdomain: "acme", endpoint: .us(subdomain: "acme")))
        #expect(us.contains("run 'connect' again"))
        #expect(us.contains("check the subdomain 'acme'"))
        #expect(us.contains("--region eu"))
        let eu = ErrorAdvice.fix(for: .tokenRejected(subdomain: nil, endpoint: .eu()))
        #expect(eu.contains("--region us") && !eu.contains("check the subdomain"))
        let sentence = ErrorAdvice.sentence(for: VitallyError(.unauthorized), region: .us)
        #expect(sentence.hasSuffix(ErrorAdvice.otherRegionHint(.us)))
    }

    @Test func theVerdictNamesTheFirstFailureAndItsFix() {
        let report = DoctorReport(checks: [
            DoctorCheck("1", "credentials", .pass, "token present"),
            DoctorCheck("5", "rate limit", .warn, "low", cause: .rateLimitLow),
            DoctorCheck("7:x@gmail.com", "attendee x@gmail.com", .fail, "no account matched",
                        cause: .attendeeUnmatched(email: "x@gmail.com", domain: "gmail.com", freeMail: true)),
        ])
        let verdict = ErrorAdvice.verdict(report)
        #expect(verdict.hasPrefix("FAIL at 'attendee x@gmail.com': no account matched. Fix: add x@gmail.com as a user"))
        #expect(verdict.contains("--title"))
        #expect(ErrorAdvice.verdict(DoctorReport(checks: Array(report.checks.prefix(2)))) == "No failures; 1 warning above.")
        let concerns = ErrorAdvice.fix(for: .attendeeConcerns([.churned, .thinData(account: "Hooli")]))
        #expect(concerns == "check whether the customer has a newer, active account; the brief will be thin until Vitally has that data for Hooli")
    }
}
