import Foundation
import Testing
import VitallyKit

/// The saved profiles' rules said in full, and what a hand-edited file may not slip past them.
@Suite struct ProfileFindingsTests {
    func store(profiles: String, credentials: String? = nil) throws -> ProfileStore {
        let store = ProfileStore(folder: temporaryDirectory())
        for (url, text) in [(store.profilesURL, profiles), (store.credentialsURL, credentials)] {
            guard let text else { continue }
            try Data(text.utf8).write(to: url)
            chmod(url.path, 0o600)
        }
        return store
    }

    @Test func theProfileNameRuleIsSaidFromTheRuleItself() throws {
        #expect(Profile.nameRule.contains("starting with a letter or digit"), "\(Profile.nameRule)")
        #expect(Profile.nameRule.contains("at most \(Profile.nameLengthLimit)"))
        for symbol in Profile.nameSymbols { #expect(Profile.nameRule.contains("'\(symbol)'")) }
        #expect(!Profile.isValidName("-work") && !Profile.isValidName(".work") && Profile.isValidName("work-1.eu_2"))
        let store = try store(profiles: "[profile -work]\nsubdomain = acme\n")
        defer { try? FileManager.default.removeItem(at: store.folder) }
        // Listed as a profile that cannot be read, not thrown: one bad section hides no other profile.
        let error = try store.load().problem(of: "-work")
        #expect(error?.cause?.hasSuffix("'-work' is not a profile name (\(Profile.nameRule))") == true, "\(String(describing: error))")
    }

    @Test func aSaveTimeThatIsNotATimeIsRefusedNotTakenAsNeverSaved() throws {
        for key in ["token_saved", "last_used"] {
            let store = try store(profiles: "[profile work]\nsubdomain = acme\n\(key) = garbage\n")
            defer { try? FileManager.default.removeItem(at: store.folder) }
            let saved = try store.load()
            let error = saved.problem(of: "work")
            #expect(saved.named("work") == nil)
            #expect(error?.cause?.contains("\(store.profilesURL.path) [profile work]: \(key) = 'garbage' cannot be read as a time") == true,
                    "\(String(describing: error))")
        }
        let fine = try store(profiles: "[profile work]\nsubdomain = acme\ntoken_saved = 2026-11-20T10:00:00Z\nlast_used =\n")
        defer { try? FileManager.default.removeItem(at: fine.folder) }
        #expect(try fine.load().named("work")?.tokenSavedAt == VitallyDate.parse("2026-11-20T10:00:00Z"))
    }

    @Test func aTokenCommandIsShownByItsProgramOnly() {
        #expect(Profile.shownCommand("vault read -field=token secret/acme") == "vault …")
        #expect(Profile.shownCommand("VAULT_TOKEN=hvs_secret op read op://acme") == "op …")
        #expect(Profile.shownCommand("pass") == "pass")
        #expect(Profile.shownCommand("A=b") == "…")
    }

    @Test func aTokenWithAControlCharacterIsRefusedNamingItsSource() throws {
        let error = #expect(throws: VitallyError.self) { try TokenInput.parse("\u{1B}[32msk_test_abc\u{1B}[0m\n", from: "the token command's output") }
        #expect(error?.cause?.hasPrefix("the token command's output holds a control character (U+001B) inside the token") == true,
                "\(String(describing: error))")
        #expect(error?.cause?.contains("sk_test_abc") == false)
        #expect(throws: VitallyError.self) { try TokenInput.parse("sk_test\u{200B}abc") }
        #expect(try TokenInput.parse("  sk_test_abc\r\n").token == "sk_test_abc", "whitespace around it is still stripped")

        let store = try store(profiles: "[profile work]\nsubdomain = acme\n", credentials: "[work]\ntoken = sk_test\u{07}abc\n")
        defer { try? FileManager.default.removeItem(at: store.folder) }
        let saved = #expect(throws: VitallyError.self) { try store.token(for: "work") }
        #expect(saved?.cause?.hasPrefix("\(store.credentialsURL.path) [work] holds a control character (U+0007)") == true,
                "\(String(describing: saved))")
    }
}
