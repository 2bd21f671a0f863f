import Foundation
import Testing
import VitallyKit
import VitallyShell

/// `disconnect` says a saved token went with the profile only when one was saved: a token
/// command's profile never stored one, in text and JSON alike.
@Suite struct DisconnectTokenTests {
    @Test func aTokenCommandsProfileIsNotSaidToLoseASavedToken() async throws {
        let profiles = "[profile work]\nsubdomain = acme\ntoken_command = printf tok\n"
        let (shell, scratch) = try makeShell(profiles: profiles)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = await shell.text("disconnect work")
        #expect(text.out == "Profile 'work' removed (no token was saved for it).\n", "\(text.out)")
        let (again, other) = try makeShell(profiles: profiles)
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(await again.text("disconnect work --json").out.contains(#""tokenRemoved": false"#))
    }

    @Test func aSavedTokenIsSaidToGoWithItsProfile() async throws {
        let (shell, scratch) = try makeShell(profiles: "[profile work]\nsubdomain = acme\n", credentials: "[work]\ntoken = sk_test_saved_1\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(await shell.text("disconnect work").out == "Profile 'work' removed, with its saved token.\n")
    }
}
