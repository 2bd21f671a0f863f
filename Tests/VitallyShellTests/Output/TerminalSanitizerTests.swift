import Foundation
import Testing
import VitallyKit
import VitallyShell

/// Data never drives the terminal: escapes from names and messages are shown, our colours are not.
@Suite struct TerminalSanitizerTests {
    @Test(arguments: [
        ("Acme\u{1B}]0;pwned\u{07} Corp", #"Acme\e]0;pwned\a Corp"#),
        ("\u{1B}]52;c;Y3VybCBldmlsLnNofHNo\u{07}", #"\e]52;c;Y3VybCBldmlsLnNofHNo\a"#),
        ("\u{1B}[2Jgone", #"\e[2Jgone"#),
        ("a\rb\u{08}c\u{00}d\u{7F}e\u{9B}31m", #"a\rb\bc\0d\x7fe\u{9b}31m"#),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("plain ünïcødé 😀", "plain ünïcødé 😀"),
    ])
    func controlCharactersFromDataBecomeVisible(raw: String, shown: String) {
        #expect(TerminalSanitizer.visible(raw) == shown)
        #expect(TerminalSanitizer.visible(raw, keepingColours: true) == shown)
    }

    @Test func ourColoursGetThroughButNothingElse() {
        let table = Table(columns: ["NAME", "HEALTH"], rows: [[Span("Acme\u{1B}]0;x\u{07}"), Span("7.4", .good)]])
        let painted = TextRenderer(width: 80, color: true).render(.table(table))
        let shown = TerminalSanitizer.visible(painted, keepingColours: true)
        #expect(shown.contains("\u{1B}[32m7.4\u{1B}[0m"))
        #expect(shown.contains("\u{1B}[1mNAME"))
        #expect(shown.contains(#"Acme\e]0;x\a"#))
        #expect(!shown.contains("\u{07}"))
        #expect(TerminalSanitizer.visible("\u{1B}[32mok\u{1B}[0m") == #"\e[32mok\e[0m"#)
        #expect(TerminalSanitizer.visible("\u{1B}[1;2;3", keepingColours: true) == #"\e[1;2;3"#)
    }

    @Test func dataColoursAndBidiOverridesAreShownNotObeyed() {
        let table = Table(columns: ["NAME", "HEALTH"], rows: [[Span("Dana\u{1B}[8m Reyes\u{202E}gpj"), Span("7.4", .good)]])
        for color in [true, false] {
            let rendered = TextRenderer(width: 80, color: color).render(.table(table))
                + TextRenderer(width: 80, color: color).render(.fields([Field("Plan\u{1B}[5m", "x\u{1B}[31m", .bad)]))
                + TextRenderer(width: 80, color: color).render(ShellOutput(verbatim: "brief \u{1B}[2m\u{2066}"), json: false)
            let shown = TerminalSanitizer.visible(rendered, keepingColours: true)
            #expect(shown.contains(#"Dana\e[8m Reyes\u{202e}gpj"#), "\(shown)")
            #expect(shown.contains(#"Plan\e[5m"#) && shown.contains(#"x\e[31m"#) && shown.contains(#"brief \e[2m\u{2066}"#))
            let ours = color ? ["\u{1B}[1m", "\u{1B}[0m", "\u{1B}[32m", "\u{1B}[31m"] : []
            var rest = shown
            for sequence in ours { rest = rest.replacingOccurrences(of: sequence, with: "") }
            #expect(!rest.contains("\u{1B}") && !rest.contains("\u{202E}") && !rest.contains("\u{2066}"), "\(color): \(shown)")
        }
    }

    @Test func jsonOutputIsAlreadyInertAndStaysExact() throws {
        let hostile = "Acme\u{1B}]0;t\u{07}\u{1B}[2J\u{7F}\u{85}\u{9B}"
        let json: JSONValue = ["name": .string(hostile)]
        let text = json.serialized(pretty: true)
        #expect(TerminalSanitizer.visible(text, keepingColours: true) == text)
        #expect(try JSONParser.parse(text)["name"]?.string == hostile)
    }
}

/// `raw` cannot be steered out of `/resources/`, and a typed `+` is a plus.
@Suite struct RawPathTests {
    @Test(arguments: ["/resources/%2e%2e/admins", "/resources/%2E%2E/admins", "/resources/accounts/%252e%252e/x",
                      "'/resources/..;/admins'", "'/resources/accounts/..;x=1/admins'", "/resources/accounts%2f..%2fadmins",
                      "/resources/.%2e/admins", "'/resources/a\\..\\admins'",
                      // Other schemes: their path was sent as is, outside /resources/ (the attack on issue 25).
                      "file:///etc/passwd", "ftp://h/admin/users", "FILE:///admin"])
    func pathTricksAreRefused(path: String) async throws {
        try await withSimulatedShell { shell, simulator, _ in
            await simulator.state.clearLog()
            let result = await shell.text("raw GET \(path)")
            #expect(result.status == .usage, "\(path): \(result.out)")
            #expect(result.err.contains("raw reads paths under /resources/ only"))
            #expect(await simulator.state.log.isEmpty)
        }
    }

    @Test func aFIFOIsNoRecordingAndNeverBlocks() throws {
        let fifo = scratchDirectory().appendingPathComponent("fifo.har")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: VitallyError.self) { try HARReader.load(fifo) }
    }

    @Test func aTypedPlusIsSentAsAPlus() async throws {
        try await withSimulatedShell { shell, simulator, _ in
            let result = await shell.text("raw GET /resources/accounts?limit=1&search=a+b%20c")
            #expect(result.status == .ok, "\(result.err)")
            let sent = await simulator.state.log.last
            #expect(sent?.query.first { $0.name == "search" }?.value == "a+b c")
            #expect(await shell.text("raw GET /resources/admins").status == .ok)
        }
    }

    @Test func aNulInACommandIsReportedAsSuch() async throws {
        let (shell, _) = makeShell()
        let result = await shell.text("help\u{0}x")
        #expect(result.status == .usage)
        #expect(result.err.contains("NUL character"))
        let later = await shell.text("health acme\u{0}.com")
        #expect(later.err.contains("word 2 of the command holds a NUL character"))
    }
}
