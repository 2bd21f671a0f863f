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

    @Test func theConfigFileIsPrivateAndAnUnsafeOneIsRefused() throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = ConfigFile(url: folder.appendingPathComponent("vitally-shell/config.json"))
        #expect(try file.load() == nil)
        try file.save(Credentials(subdomain: "acme", token: "sk_test_cfg_1", region: .eu, source: .command))
        let mode = try FileManager.default.attributesOfItem(atPath: file.url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try file.load()?.region == .eu)
        chmod(file.url.path, 0o644)
        do {
            _ = try file.load()
            Issue.record("a world-readable config file was read")
        } catch {
            #expect(error.cause == "\(file.url.path) can be read by other users; run: chmod 600 '\(file.url.path)'")
        }
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
