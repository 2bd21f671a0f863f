import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// Profiles and token sources, through the built binary over loopback: the token is typed once,
/// never echoed, never written where it should not be.
@Suite(.serialized) struct ProfilesEndToEndTests {
    static let globexToken = "sk_test_globex_token_77"

    /// Every file under `home` (profiles, credentials, history, cache), with its text.
    func filesUnder(_ home: URL) -> [(path: String, text: String)] {
        let paths = FileManager.default.enumerator(atPath: home.path)?.allObjects as? [String] ?? []
        return paths.compactMap { path in
            let url = home.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                let data = FileManager.default.contents(atPath: url.path)
            else { return nil }
            return (path, String(decoding: data, as: UTF8.self))
        }
    }

    @Test func twoProfilesAreUsedInOneShellWithoutRetypingAToken() async throws {
        let acme = try await startSimulator { $0.accountCount = 30 }
        defer { Task { await acme.stop() } }
        let globex = try await startSimulator {
            $0.accountCount = 30
            $0.token = Self.globexToken
        }
        defer { Task { await globex.stop() } }
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try PTY(shellBinary, [], environment: env, directory: packageRoot.path)
        try await pty.expect("vitally> ")
        try await pty.type("connect acme --base-url \(acme.baseURL)\r")
        try await pty.expect("(input hidden): ")
        pty.send(e2eToken + "\r")
        try await pty.expect("saved as profile 'acme'")
        try await pty.expect("vitally[acme · live]> ")
        try await pty.type("connect globex --profile work-globex --base-url \(globex.baseURL)\r")
        try await pty.expect("(input hidden): ")
        pty.send(Self.globexToken + "\r")
        try await pty.expect("vitally[work-globex (globex) · live]> ")

        let before = await acme.state.log.count
        try await pty.type("use acme\r")
        try await pty.expect("with profile 'acme'")
        try await pty.expect("vitally[acme · live]> ")
        try await pty.type("accounts list --limit 1\r")
        try await pty.expect("vitally[acme · live]> ")
        #expect(await acme.state.log.count > before, "use acme sends to acme's host")
        let globexBefore = await globex.state.log.count
        try await pty.type("use work-globex\r")
        try await pty.expect("vitally[work-globex (globex) · live]> ")
        #expect(await globex.state.log.count > globexBefore)
        try await pty.type("profiles\r")
        let listed = try await pty.expect("vitally[work-globex (globex) · live]> ")
        #expect(listed.contains("acme") && listed.contains("work-globex") && listed.contains("saved"), "\(listed)")
        try await pty.type("exit\r")
        #expect(await pty.waitForExit() == 0)
        #expect(!pty.output.contains(Array(e2eToken.utf8)) && !pty.output.contains(Array(Self.globexToken.utf8)), "a token was echoed")

        // The tokens are in the credentials file only.
        for (path, text) in filesUnder(home) where !path.hasSuffix("vitally-shell/credentials") {
            #expect(!text.contains(e2eToken) && !text.contains(Self.globexToken), "a token is in \(path)")
        }
        let credentials = try String(contentsOf: home.appendingPathComponent("config/vitally-shell/credentials"), encoding: .utf8)
        #expect(credentials.contains(e2eToken) && credentials.contains(Self.globexToken))

        // A new session starts with the profile last used, or the one named.
        let last = try await runShell(["-c", "status --json"], environment: env)
        #expect(last.out.contains(#""profile": "work-globex""#), "\(last.out)\(last.err)")
        let named = try await runShell(["--profile", "acme", "-c", "status --json"], environment: env)
        #expect(named.out.contains(#""profile": "acme""#), "\(named.out)\(named.err)")
        var fromVariable = env
        fromVariable["VITALLY_PROFILE"] = "acme"
        #expect(try await runShell(["-c", "status --json"], environment: fromVariable).out.contains(#""profile": "acme""#))
        let missing = try await runShell(["--profile", "nope", "-c", "status"], environment: env)
        #expect(missing.status == 2 && missing.err.contains("no saved profile 'nope'; the saved ones are acme, work-globex"), "\(missing.err)")
        let removed = try await runShell(["-c", "disconnect work-globex; profiles"], environment: env)
        #expect(removed.out.contains("Profile 'work-globex' removed"), "\(removed.out)")
        #expect(!(try String(contentsOf: home.appendingPathComponent("config/vitally-shell/credentials"), encoding: .utf8)).contains(Self.globexToken))
    }

    @Test func aTokenCommandRunsAtConnectAndUseAndItsTokenIsNeverStored() async throws {
        let simulator = try await startSimulator { $0.accountCount = 30 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let secretFile = home.appendingPathComponent("vault-acme")
        try Data("Bearer \(e2eToken)\nsecond line is ignored\n".utf8).write(to: secretFile)
        let connect = try await runShell(
            ["-c", "connect acme --base-url \(simulator.baseURL) --token-command 'cat \(secretFile.path)'; status"], environment: env)
        #expect(connect.status == 0, "\(connect.err)")
        let said = connect.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")  // unwrapped
        #expect(said.contains("Vitally does not take 'Bearer' tokens"), "the pasted form is explained: \(connect.out)")
        #expect(said.contains("with its token command (the token itself is not stored)"), "\(said)")
        #expect(said.contains("from the command 'cat "), "\(said)")
        for (path, text) in filesUnder(home) where path != "vault-acme" {
            #expect(!text.contains(e2eToken), "the token is in \(path)")
        }
        let profiles = try String(contentsOf: home.appendingPathComponent("config/vitally-shell/profiles"), encoding: .utf8)
        #expect(profiles.contains("token_command = cat \(secretFile.path)"), "\(profiles)")

        // A new session runs the command again; a failing command is one line, without its output.
        let again = try await runShell(["-c", "accounts list --limit 1"], environment: env)
        #expect(again.status == 0, "\(again.err)")
        try Data("sk_test_not_shown_1\n".utf8).write(to: secretFile)
        let failing = try await runShell(
            ["-c", "connect acme --base-url \(simulator.baseURL) --token-command 'cat \(secretFile.path); echo vault locked >&2; exit 3'"],
            environment: env)
        #expect(failing.status != 0)
        #expect(failing.err == "error: the token command failed (exit status 3: vault locked); run it yourself to see why, or connect with --token\n",
                "\(failing.err)")
        #expect(!failing.out.contains("sk_test_not_shown_1") && !failing.err.contains("sk_test_not_shown_1"))
    }

    @Test func noSaveKeepsTheTokenInMemoryOnly() async throws {
        let simulator = try await startSimulator { $0.accountCount = 30 }
        defer { Task { await simulator.stop() } }
        var (env, home) = isolatedEnvironment()
        env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        defer { try? FileManager.default.removeItem(at: home) }
        let pty = try PTY(shellBinary, [], environment: env, directory: packageRoot.path)
        try await pty.expect("vitally> ")
        try await pty.type("connect acme --no-save --base-url \(simulator.baseURL)\r")
        try await pty.expect("(input hidden): ")
        pty.send("VITALLY_TOKEN=\(e2eToken)\r")
        try await pty.expect("token kept in memory only (--no-save): nothing was written")
        try await pty.expect("vitally[acme · live]> ")
        try await pty.type("health acme.com\r")
        try await pty.expect("vitally[acme · live]> ")
        try await pty.type("status\r")
        let status = try await pty.expect("vitally[acme · live]> ")
        #expect(status.contains("in memory only (not saved)"), "\(status)")
        try await pty.type("exit\r")
        #expect(await pty.waitForExit() == 0)
        let files = filesUnder(home)
        #expect(files.contains { $0.path.hasSuffix("state/vitally-shell/history") }, "the history was written: \(files.map(\.path))")
        #expect(!files.contains { $0.path.contains("config/") }, "nothing under the config folder: \(files.map(\.path))")
        for (path, text) in files {
            for form in Redactor.forms(of: e2eToken) { #expect(!text.contains(form), "the token is in \(path)") }
        }
        let next = try await runShell(["-c", "status --json"], environment: env)
        #expect(next.out.contains(#""mode": "offline""#), "a new session has nothing to start with: \(next.out)")
    }
}
