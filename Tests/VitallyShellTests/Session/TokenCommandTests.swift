import Foundation
import Testing
@testable import VitallyShell

/// A token command that outlives its time limit is ended with everything it started.
@Suite struct TokenCommandTests {
    @Test func aTimedOutCommandsChildrenDoNotKeepTheShellWaiting() {
        let started = Date()
        // `sleep` is a child of /bin/sh holding the output pipe: ending /bin/sh alone would leave
        // the read waiting the full 60 s.
        let outcome = TokenCommand.runBlocking("sleep 60; echo sk_late", in: FileManager.default.temporaryDirectory, timeout: 1)
        guard case .timedOut = outcome else { Issue.record("expected a timeout, got \(outcome)"); return }
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func theFirstNonEmptyLineIsTheToken() async throws {
        let token = try await TokenCommand.run("printf '\\n  \\nsk_one\\nsk_two\\n'", in: FileManager.default.temporaryDirectory)
        #expect(token == "sk_one")
    }
}
