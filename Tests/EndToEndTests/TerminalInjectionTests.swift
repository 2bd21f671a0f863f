import Foundation
import Testing
import VitallyKit

/// The built binary never lets a customer's data drive the support engineer's terminal.
@Suite struct TerminalInjectionTests {
    @Test func hostileNamesAndMessagesAreShownVisibly() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let demo = try String(contentsOf: packageRoot.appendingPathComponent("recordings/demo.har"), encoding: .utf8)
        let hostile = #"Acme\\u001b]0;pwned\\u0007\\u001b]52;c;ZXZpbA==\\u0007\\u001b[2J\\u009b31m Corp"#
        let edited = demo.replacingOccurrences(of: #"\"name\":\"Acme Corp\""#, with: #"\"name\":\"\#(hostile)\""#)
        #expect(edited != demo)
        let har = home.appendingPathComponent("hostile.har")
        try edited.write(to: har, atomically: true, encoding: .utf8)

        let run = try await runShell(["--replay", har.path, "-c", "accounts search acme; accounts show acme.com"], environment: env)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains(#"Acme\e]0;pwned\a\e]52;c;ZXZpbA==\a\e[2J\u{9b}31m Corp"#))
        #expect(!run.out.contains("\u{1B}") && !run.out.contains("\u{07}") && !run.out.contains("\u{9B}"))

        let json = try await runShell(["--replay", har.path, "--json", "-c", "accounts show acme.com"], environment: env)
        #expect(json.status == 0, "\(json.err)")
        #expect(!json.out.contains("\u{1B}") && !json.out.contains("\u{9B}"))
        #expect(try JSONParser.parse(json.out)["name"]?.string == "Acme\u{1B}]0;pwned\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{9B}31m Corp")

        let typed = try await runShell(["--replay", har.path, "-c", "x\u{1B}[2J\u{07}"], environment: env)
        #expect(typed.status == 2)
        #expect(typed.err.contains(#"unknown command 'x\e[2J\a'"#), "\(typed.err)")
        #expect(!typed.err.contains("\u{1B}") && !typed.err.contains("\u{07}"))
    }

    @Test func aRecordingsOwnColourCodesAndBidiOverridesAreShownVisibly() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let demo = try String(contentsOf: packageRoot.appendingPathComponent("recordings/demo.har"), encoding: .utf8)
        let edited = demo.replacingOccurrences(of: "Dana Reyes", with: #"Dana\\u001b[8m Reyes\\u202e"#)
            .replacingOccurrences(of: #"\"name\":\"Acme Corp\""#, with: #"\"name\":\"Acme\\u001b[31m Corp\""#)
        #expect(edited != demo)
        let har = home.appendingPathComponent("colours.har")
        try edited.write(to: har, atomically: true, encoding: .utf8)

        let run = try await runShell(["--replay", har.path, "-c", "notes acme.com; brief pat.lee@acme.com"], environment: env)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains(#"Dana\e[8m Reyes\u{202e}"#), "\(run.out)")
        #expect(run.out.contains(#"Acme\e[31m Corp"#))
        #expect(!run.out.contains("\u{1B}") && !run.out.contains("\u{202E}"))
    }
}
