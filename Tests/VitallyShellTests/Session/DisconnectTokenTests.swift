import Foundation
import Testing
import VitallyKit
import VitallyShell

/// `disconnect` says a saved token went with the profile only when one was saved: a token
/// command's profile never stored one, in text and JSON alike.
@Suite struct DisconnectTokenTests {
    func shell(profiles: String, credentials: String?) throws -> (Shell, URL) {
        let scratch = scratchDirectory()
        let folder = scratch.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in [("profiles", profiles), ("credentials", credentials)] {
            guard let text else { continue }
            let file = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            chmod(file.path, 0o600)
        }
        let environment = ShellEnvironment(configDirectory: folder, recordingsDirectory: scratch, workingDirectory: scratch,
                                           readSecret: { _ in nil }, clock: { shellTestAnchor })
        return (Shell(environment: environment), scratch)
    }

    @Test func aTokenCommandsProfileIsNotSaidToLoseASavedToken() async throws {
        let profiles = "[profile work]\nsubdomain = acme\ntoken_command = printf tok\n"
        let (shell, scratch) = try shell(profiles: profiles, credentials: nil)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = await shell.text("disconnect work")
        #expect(text.out == "Profile 'work' removed (no token was saved for it).\n", "\(text.out)")
        let (again, other) = try self.shell(profiles: profiles, credentials: nil)
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(await again.text("disconnect work --json").out.contains(#""tokenRemoved": false"#))
    }

    @Test func aSavedTokenIsSaidToGoWithItsProfile() async throws {
        let (shell, scratch) = try shell(profiles: "[profile work]\nsubdomain = acme\n", credentials: "[work]\ntoken = sk_test_saved_1\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(await shell.text("disconnect work").out == "Profile 'work' removed, with its saved token.\n")
    }
}
