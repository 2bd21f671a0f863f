import Foundation
import Testing
import VitallyKit
import VitallyShell

/// What a session says at start and about its saved profiles when something is wrong: one clear
/// line naming the file, profile or source, never silence and never the same line twice.
@Suite struct StartupFindingsTests {
    @Test func aNamedProfileWhoseTokenCommandFailsDoesNotStartOffline() async throws {
        let (shell, scratch) = try makeShell(profiles: "[profile work]\nsubdomain = acme\ntoken_command = echo vault locked >&2; exit 3\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let started = await shell.start(profile: "work")
        #expect(started.error == "cannot start with profile 'work': the token command failed (exit status 3: vault locked); "
                + "run it yourself to see why, or connect with --token", "\(String(describing: started.error))")
        #expect(started.status != .ok)
        #expect(await shell.takeStartupNotes().isEmpty, "the failure is said once, by the error")
    }

    @Test func aBrokenProfilesFileIsReportedOnceWithAdviceThatWorks() async throws {
        let (shell, scratch) = try makeShell(profiles: "[profile work]\nsubdomain = acme\nthis is not an entry\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("config/profiles").path
        let named = await shell.start(profile: "work")
        #expect(named.error?.hasPrefix("cannot start with profile 'work': \(file) line 3: ") == true, "\(String(describing: named.error))")
        #expect(await shell.takeStartupNotes().isEmpty, "the failure is said once, by the error")

        let (plain, other) = try makeShell(profiles: "[profile work]\nsubdomain = acme\nthis is not an entry\n")
        defer { try? FileManager.default.removeItem(at: other) }
        _ = await plain.start()
        let notes = await plain.takeStartupNotes()
        #expect(notes.count == 1, "\(notes)")
        let note = notes.first ?? ""
        #expect(note.contains("config/profiles line 3") && note.contains("remove the file"), "\(note)")
        #expect(!note.contains("disconnect"), "disconnect reads the same file, so it cannot fix it: \(note)")
    }

    @Test func anUnreadableTokenSaveTimeIsSaidNotTakenAsNeverSaved() async throws {
        let (shell, scratch) = try makeShell(profiles: "[profile work]\nsubdomain = acme\ntoken_saved = garbage\n",
                                         credentials: "[work]\ntoken = sk_test_saved_1\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let listed = await shell.text("profiles", width: 300)
        #expect((listed.out + listed.err).contains("[profile work]: token_saved = 'garbage' cannot be read as a time"), "\(listed)")
        #expect(!listed.out.contains("none saved"))
    }

    /// One bad value in one profile hides no other: the good ones are listed and usable, the bad
    /// one is named with why wherever it is asked for, and a base URL shows where a token goes.
    @Test func aBrokenProfileHidesNoOtherAndIsNamedWhereAsked() async throws {
        let (shell, scratch) = try makeShell(
            profiles: "[profile work]\nsubdomain = acme\n\n[profile local]\nsubdomain = globex\nregion = eu\nbase_url = http://127.0.0.1:9\n"
                + "\n[profile broken]\nsubdomain = initech\nregion = mars\n",
            credentials: "[work]\ntoken = sk_test_saved_1\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let listed = await shell.text("profiles", width: 200)
        #expect(listed.out.contains("work") && listed.out.contains("acme") && listed.out.contains("globex"), "\(listed.out)")
        #expect(listed.out.contains("Profile 'broken' cannot be read:") && listed.out.contains("region 'mars' is not us or eu"), "\(listed.out)")
        #expect(listed.out.contains("'local' sends its requests to http://127.0.0.1:9 (base_url), not to the eu host."), "\(listed.out)")
        let json = await shell.text("profiles --json")
        #expect(json.out.contains(#""name": "broken""#) && json.out.contains(#""unreadable": ""#), "\(json.out)")
        let used = await shell.text("use broken")
        #expect(used.err.contains("[profile broken]: the saved region 'mars' is not us or eu"), "\(used)")
    }

    @Test func profilesNeverShowATokenCommandsArguments() async throws {
        let (shell, scratch) = try makeShell(
            profiles: "[profile work]\nsubdomain = acme\ntoken_command = curl -s -H 'X-Vault-Token: hvs_secret_77' https://vault/acme\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = await shell.text("profiles", width: 200)
        #expect(text.out.contains("command: curl …"), "\(text.out)")
        let json = await shell.text("profiles --json")
        #expect(json.out.contains(#""tokenCommand": "curl …""#), "\(json.out)")
        for output in [text.out, json.out] { #expect(!output.contains("hvs_secret_77") && !output.contains("vault/acme")) }
    }

    @Test func aTokenWithAControlCharacterIsRefusedNamingItsSource() async throws {
        let (shell, scratch) = try makeShell(profiles: "[profile work]\nsubdomain = acme\ntoken_command = printf '\\033[32msk_test_colour\\033[0m\\n'\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let used = await shell.text("use work")
        #expect(used.err.hasPrefix("the token command of profile 'work' holds a control character (U+001B) inside the token"), "\(used.err)")
        #expect(!used.err.contains("sk_test_colour"))
    }

    @Test func aReplayNeverCreatesAMissingObservationsFileAndSaysWhichFile() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (shell, home) = makeShell(recordings: try recordingsWithDemo(in: scratch))
        defer { try? FileManager.default.removeItem(at: home) }
        let missing = scratch.appendingPathComponent("no-such-history.sqlite")
        await shell.configureHistory(file: missing.path, disabled: false)
        #expect(await shell.start(replay: "demo.har").error == nil)
        let health = await shell.run(line: "health acme.com").first
        #expect(health?.warnings.contains { $0.contains("\(missing.path) does not exist") } == true, "\(String(describing: health?.warnings))")
        let listed = await shell.text("health acme.com --observations", width: 400)
        #expect(listed.out.contains("\(missing.path) does not exist"), "\(listed.out)")
        #expect(!FileManager.default.fileExists(atPath: missing.path), "a replay only reads history: nothing is created")
    }
}
