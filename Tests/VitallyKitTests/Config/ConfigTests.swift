import Foundation
import Testing
import VitallyKit

@Suite struct ConfigTests {
    @Test(arguments: [
        ("acme", "acme", nil), ("acme.vitally.io", "acme", VitallyRegion.us), ("https://acme.vitally.io/", "acme", .us),
        ("ACME.rest.vitally.io", "acme", .us), ("acme.vitally-eu.io", "acme", .eu),
    ])
    func reducesWhatPeoplePaste(input: String, subdomain: String, region: VitallyRegion?) throws {
        let parsed = try SubdomainParser.parse(input)
        #expect(parsed.subdomain == subdomain)
        #expect(parsed.impliedRegion == region)
        #expect((parsed.note != nil) == (input != subdomain))
    }

    @Test(arguments: ["evil.com/acme", "acme@evil.com", "acme.evil.com", "ac me", String(repeating: "a", count: 64), "-acme", "acme:443", ""])
    func refusesAnythingThatCouldSteerTheHost(input: String) {
        #expect(throws: VitallyError.self) { try SubdomainParser.parse(input) }
    }

    @Test func endpointsPerRegion() throws {
        #expect(try Credentials(subdomain: "acme", token: "t", region: .us, source: .command).endpoint().baseURL == "https://acme.rest.vitally.io")
        #expect(try Credentials(subdomain: nil, token: "t", region: .eu, source: .command).endpoint().baseURL == "https://rest.vitally-eu.io")
        #expect(throws: VitallyError.self) { try Credentials(subdomain: nil, token: "t", region: .us, source: .command).endpoint() }
        let credentials = Credentials(subdomain: "acme", token: "sk_test_secret", source: .command)
        #expect(!"\(credentials)".contains("sk_test_secret"))
    }

    @Test func theProfileFilesArePrivateAndAnUnsafeOneIsRefused() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProfileStore(folder: folder.appendingPathComponent("vitally-shell"))
        #expect(try store.load().profiles.isEmpty)
        let saved = Date(timeIntervalSince1970: 1_780_000_000)
        try store.save(Profile(name: "acme-eu", subdomain: "acme", region: .eu), token: "sk_test_cfg_1", now: saved)
        for url in [store.profilesURL, store.credentialsURL] {
            let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
        let loaded = try store.load()
        #expect(loaded.current == "acme-eu")
        #expect(loaded.named("acme-eu")?.region == .eu)
        #expect(loaded.named("acme-eu")?.tokenSavedAt == saved)
        #expect(try store.token(for: "acme-eu") == "sk_test_cfg_1")
        #expect(!(try String(contentsOf: store.profilesURL, encoding: .utf8)).contains("sk_test_cfg_1"), "the token is only in credentials")
        // Saving the same token again keeps its age; a new token starts a new one.
        try store.save(Profile(name: "acme-eu", subdomain: "acme", region: .eu), token: "sk_test_cfg_1", now: saved.addingTimeInterval(86_400))
        #expect(try store.load().named("acme-eu")?.tokenSavedAt == saved)
        try store.save(Profile(name: "acme-eu", subdomain: "acme", region: .eu), token: "sk_test_cfg_2", now: saved.addingTimeInterval(86_400))
        #expect(try store.load().named("acme-eu")?.tokenSavedAt == saved.addingTimeInterval(86_400))
        chmod(store.credentialsURL.path, 0o644)
        do {
            _ = try store.token(for: "acme-eu")
            Issue.record("a world-readable credentials file was read")
        } catch {
            #expect(error.cause == "\(store.credentialsURL.path) can be read by other users; run: chmod 600 '\(store.credentialsURL.path)'")
        }
    }

    @Test func aTokenCommandProfileStoresNoTokenAndRemovalTakesBoth() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProfileStore(folder: folder)
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        try store.save(Profile(name: "acme", subdomain: "acme"), token: "sk_test_old_token", now: now)
        try store.save(Profile(name: "acme", subdomain: "acme", tokenCommand: "pass show vitally/acme # work; x=y"), token: nil, now: now)
        try store.save(Profile(name: "globex", subdomain: "globex", baseURL: "http://127.0.0.1:9"), token: "sk_test_globex", now: now)
        let loaded = try store.load()
        #expect(loaded.named("acme")?.tokenCommand == "pass show vitally/acme # work; x=y", "a value keeps its '#', ';' and '='")
        #expect(loaded.named("acme")?.tokenSavedAt == nil)
        #expect(try store.token(for: "acme") == nil)
        #expect(!(try String(contentsOf: store.credentialsURL, encoding: .utf8)).contains("sk_test_old_token"))
        #expect(loaded.current == "globex")
        #expect(try store.remove("globex"))
        #expect(try !store.remove("globex"))
        #expect(try store.load().current == nil)
        #expect(!(try String(contentsOf: store.credentialsURL, encoding: .utf8)).contains("sk_test_globex"))
    }

    @Test func theSingleSavedConnectionOfEarlierVersionsBecomesAProfile() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProfileStore(folder: folder)
        try Data(#"{"subdomain": "acme", "region": "us", "baseURL": null, "token": "sk_test_legacy_7"}"#.utf8).write(to: store.legacyURL)
        chmod(store.legacyURL.path, 0o600)
        let written = Date(timeIntervalSince1970: 1_770_000_000)
        try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: store.legacyURL.path)
        let loaded = try store.load()
        #expect(loaded.current == "acme")
        #expect(loaded.named("acme")?.subdomain == "acme")
        #expect(loaded.named("acme")?.tokenSavedAt == written, "the token's age is the old file's")
        #expect(try store.token(for: "acme") == "sk_test_legacy_7")
        #expect(!FileManager.default.fileExists(atPath: store.legacyURL.path))
    }

    @Test func anUnsafeLegacyFileIsNotTakenOver() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProfileStore(folder: folder)
        try Data(#"{"subdomain": "acme", "token": "sk_test_legacy_7"}"#.utf8).write(to: store.legacyURL)
        chmod(store.legacyURL.path, 0o644)
        #expect(throws: VitallyError.self) { try store.load() }
        #expect(!FileManager.default.fileExists(atPath: store.profilesURL.path))
    }

    @Test func aHandEditedProfilesFileIsReadOrRefusedByLine() throws {
        let text = "# comment\n[settings]\ncurrent = a\n\n[profile a]\nsubdomain = acme\n; another\nregion=eu\n"
        let document = try INIDocument.parse(text)
        #expect(document[section: "profile a"]?["region"] == "eu")
        #expect(try INIDocument.parse(document.serialized()) == document)
        let windows = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try INIDocument.parse(windows) == document, "a file saved with CRLF and a BOM reads the same")
        for (bad, line) in [("key = x\n", 1), ("[a]\nnot an entry\n", 2), ("[a]\n[a]\n", 2), ("[a\n", 1)] {
            let error = #expect(throws: INIDocument.SyntaxError.self) { try INIDocument.parse(bad) }
            #expect(error?.line == line)
        }
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProfileStore(folder: folder)
        try Data("[profile evil]\nsubdomain = acme.evil.example\n".utf8).write(to: store.profilesURL)
        chmod(store.profilesURL.path, 0o600)
        // The section is listed as unreadable, never used: its subdomain would steer the token elsewhere.
        let saved = try store.load()
        let error = saved.problem(of: "evil")
        #expect(saved.named("evil") == nil)
        #expect(error?.cause?.contains("[profile evil]: the saved subdomain") == true, "\(String(describing: error))")
    }

    @Test func aTokenAgeCountsWholeDays() {
        let saved = Date(timeIntervalSince1970: 1_780_000_000)
        #expect(TokenAge(savedAt: saved, now: saved.addingTimeInterval(89 * 86_400 + 86_399))?.needsRotation == false)
        #expect(TokenAge(savedAt: saved, now: saved.addingTimeInterval(90 * 86_400))?.needsRotation == true)
        #expect(TokenAge(savedAt: nil, now: saved) == nil)
    }
}

@Suite struct PastedCredentialTests {
    @Test func theSharedHostIsExplained() {
        for input in ["rest.vitally.io", "https://rest.vitally.io/", "vitally.io"] {
            let error = #expect(throws: VitallyError.self) { try SubdomainParser.parse(input) }
            #expect(error?.cause?.contains("https://acme.vitally.io") == true)
        }
        #expect((try? SubdomainParser.parse("acme.rest.vitally.io"))?.subdomain == "acme")
    }

    @Test func aBasicHeaderOrItsBase64IsDecodedAndSaid() throws {
        let encoded = Data("sk_test_abc123:".utf8).base64EncodedString()
        let header = try TokenInput.parse("Basic \(encoded)")
        #expect(header.token == "sk_test_abc123")
        #expect(header.changes == [.decodedBasicHeader])
        let bare = try TokenInput.parse(encoded)
        #expect(bare.token == "sk_test_abc123" && bare.changes == [.decodedBase64])
        let quoted = try TokenInput.parse("  \"sk_test_abc123\"\n")
        #expect(quoted.token == "sk_test_abc123" && quoted.changes == [.stripped])
        let full = try TokenInput.parse("Authorization: Basic \(encoded)")
        #expect(full.token == "sk_test_abc123")
        #expect(try TokenInput.parse("sk_test_abc123").changes.isEmpty)
        #expect(throws: VitallyError.self) { try TokenInput.parse("Basic not-base64!") }
        #expect(throws: VitallyError.self) { try TokenInput.parse(" '' ") }
        let bearer = try TokenInput.parse("Bearer sk_test_abc123")
        #expect(bearer.token == "sk_test_abc123" && bearer.changes == [.removedBearer])
        #expect(try TokenInput.parse("Authorization: Bearer sk_test_abc123").token == "sk_test_abc123")
        let assigned = try TokenInput.parse("export VITALLY_TOKEN='sk_test_abc123'")
        #expect(assigned.token == "sk_test_abc123" && assigned.changes == [.stripped, .removedVariableName])
        #expect(try TokenInput.parse("VITALLY_TOKEN=sk_test_abc123").changes == [.removedVariableName])
        #expect(try TokenInput.parse("VITALLY_TOKEN=Basic \(encoded)").changes == [.removedVariableName, .decodedBasicHeader])
    }

    @Test func aPastedHeaderAuthenticatesAgainstTheSimulator() async throws {
        let header = "Basic " + Data("\(testToken):".utf8).base64EncodedString()
        let token = try TokenInput.parse(header).token
        try await withSimulator(token: token) { client, _ in
            let acme = try await client.account(id: "acme-001")
            #expect(acme.name == "Acme Corp")
        }
    }
}
