import Foundation
import Testing
import VitallyShell

/// A command that fails with `--json` prints nothing on stdout (its error goes to stderr), as a
/// thrown error does: never a bare `null` a script would read as a result.
@Suite struct JSONFailureTests {
    @Test(arguments: ["record stop --json", "use nosuch --json", "disconnect nosuch --json", "connect --json", "coverage --json"])
    func aFailedCommandPrintsNoNullAsItsJSON(_ line: String) async throws {
        let (shell, scratch) = makeShell()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = await shell.text(line)
        #expect(!result.err.isEmpty, "\(line) fails")
        #expect(result.out.isEmpty, "\(line) printed \(result.out)")
    }
}
