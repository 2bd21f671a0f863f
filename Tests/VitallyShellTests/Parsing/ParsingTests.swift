import Testing
@testable import VitallyShell

@Suite struct ParsingTests {
    @Test func splitsLikeAShell() throws {
        #expect(try ShellWords.split(#"health "Acme Corp"; notes 'it''s' # comment"#) == [["health", "Acme Corp"], ["notes", "its"]])
        #expect(try ShellWords.split(#"raw GET /resources/users/search?email=a\ b"#) == [["raw", "GET", "/resources/users/search?email=a b"]])
        #expect(try ShellWords.split("a;;b") == [["a"], ["b"]])
        #expect(try ShellWords.split("# only a comment").isEmpty)
        #expect(try ShellWords.split(#"match x@y.com#frag"#) == [["match", "x@y.com#frag"]])
        #expect(throws: ShellWords.Failure.self) { try ShellWords.split(#"health "Acme"#) }
        #expect(throws: ShellWords.Failure.self) { try ShellWords.split(#"health Acme\"#) }
    }

    /// Found by `make fuzz` (Fuzz/Corpus/commandline/continued): a line continued after `--token\`
    /// kept the newline in the flag's name, so the usage error spanned two lines.
    @Test func aBackslashBeforeANewlineJoinsTheLinesAsInSh() throws {
        let continued = "connect \"https://acme.vitally.io/\" --token\\\n x"
        #expect(try ShellWords.split(continued) == [["connect", "https://acme.vitally.io/", "--token", "x"]])
        #expect(try ShellWords.split("health \"Acme \\\nCorp\"; no\\\ntes x") == [["health", "Acme Corp"], ["notes", "x"]])
        #expect(try ShellWords.split("health 'a\\\nb'") == [["health", "a\\\nb"]])
        let words = try #require(try ShellWords.split(continued).first)
        let parsed = try ParsedCommand.parse(words)
        #expect(parsed.0.options[ConnectCommand.token] == "x")
    }

    /// Found by `make fuzz`: a quoted word may hold a newline, and the usage error echoing it spanned lines.
    @Test func aUsageErrorStaysOnOneLineWhateverTheWord() throws {
        let words = try #require(try ShellWords.split("\"ce3\n xly\r\" x").first)
        #expect(throws: ParsedCommand.UsageError(message: #"unknown command 'ce3\n xly\r'; type 'help' for the list of commands"#)) {
            try ParsedCommand.parse(words)
        }
        #expect(throws: ParsedCommand.UsageError(message: #"health has no flag --x\ny; see 'help health'"#)) {
            try ParsedCommand.parse(["health", "--x\ny", "acme"])
        }
    }

    @Test func suggestsTheClosestCommandAndFlag() {
        #expect(throws: ParsedCommand.UsageError(message: "unknown command 'acounts'; did you mean 'accounts'?")) {
            try ParsedCommand.parse(["acounts", "list"])
        }
        #expect(throws: ParsedCommand.UsageError(message: "brief has no flag --fromat; did you mean --format?")) {
            try ParsedCommand.parse(["brief", "a@b.com", "--fromat", "json"])
        }
        #expect(throws: ParsedCommand.UsageError(message: "accounts has no subcommand 'serach'; did you mean 'accounts search'?")) {
            try ParsedCommand.parse(["accounts", "serach", "acme"])
        }
        #expect(throws: ParsedCommand.UsageError(message: "--format takes one of text, markdown, not 'pdf'")) {
            try ParsedCommand.parse(["brief", "a@b.com", "--format", "pdf"])
        }
        // One spelling each: the old one says the new one, on one line.
        #expect(throws: ParsedCommand.UsageError(message: "brief --format json is spelled --json (one spelling for JSON output)")) {
            try ParsedCommand.parse(["brief", "a@b.com", "--format", "json"])
        }
        #expect(throws: ParsedCommand.UsageError(message: "brief --format json is spelled --json (one spelling for JSON output)")) {
            try ParsedCommand.parse(["brief", "a@b.com", "--format=json"])
        }
        // The renamed value is the descriptor's, read by the grammar: after `--` the words are
        // arguments, and a flag that is not --format may take "json" as its value.
        #expect(BriefCommand.format.descriptor.renamedValues == ["json": "--json"])
        #expect(throws: ParsedCommand.UsageError(message: "brief takes attendee email addresses; '--format' is not one")) {
            try ParsedCommand.parse(["brief", "a@b.com", "--", "--format", "json"])
        }
        #expect((try? ParsedCommand.parse(["brief", "a@b.com", "--title", "json"]))?.0.options[BriefCommand.title] == "json")
        #expect(throws: ParsedCommand.UsageError(message: "health --history was renamed to --observations; run 'health … --observations'")) {
            try ParsedCommand.parse(["health", "acme.com", "--history"])
        }
        #expect((try? ParsedCommand.parse(["health", "acme.com", "--observations"]))?.0.options[HealthCommand.observations] == true)
    }

    @Test func badArgumentsAreUsageErrors() {
        #expect(throws: ParsedCommand.UsageError(message: "match takes attendee email addresses; 'acme.com' is not one")) {
            try ParsedCommand.parse(["match", "pat@acme.com", "acme.com"])
        }
        #expect(throws: ParsedCommand.UsageError(message: "--limit takes a positive number, not '0'")) {
            try ParsedCommand.parse(["notes", "acme.com", "--limit", "0"])
        }
        #expect(throws: ParsedCommand.UsageError(message: "replay needs a file name; usage: replay FILE.har")) {
            try ParsedCommand.parse(["replay", " "])
        }
    }

    @Test func parsesArgumentsAndFlags() throws {
        let (health, _) = try ParsedCommand.parse(["health", "Acme", "Corp", "--json"])
        #expect(health.arguments == ["Acme Corp"])
        #expect(health.options[Common.json])
        let (list, _) = try ParsedCommand.parse(["accounts", "list", "--status=churned"])
        #expect(list.subcommand == "list" && list.options[AccountsCommand.List.status] == .churned)
        let (stop, _) = try ParsedCommand.parse(["record", "stop"])
        #expect(stop.subcommand == "stop")
        #expect(throws: ParsedCommand.UsageError.self) { try ParsedCommand.parse(["health"]) }
        #expect(throws: ParsedCommand.UsageError.self) { try ParsedCommand.parse(["raw", "GET"]) }
    }

    @Test func historyNeverKeepsATokenAndStaysBounded() {
        #expect(HistoryPolicy.storable("connect acme --token sk_test_abc123") == "connect acme --token REDACTED")
        #expect(HistoryPolicy.storable("connect acme --token=sk_test_abc123") == "connect acme --token=REDACTED")
        #expect(HistoryPolicy.storable("raw GET /resources/x?t=sk_test_abc123", secrets: ["sk_test_abc123"]) == "raw GET /resources/x?t=REDACTED")
        #expect(HistoryPolicy.storable("recordings scrub a.har --salt team-s3cret --map m.json")
            == "recordings scrub a.har --salt REDACTED --map m.json")
        #expect(HistoryPolicy.storable("recordings scrub a.har --salt=team-s3cret") == "recordings scrub a.har --salt=REDACTED")
        #expect(HistoryPolicy.storable(" secret line") == nil)
        #expect(HistoryPolicy.storable("   ") == nil)
        var lines: [String] = []
        for i in 0..<1005 { lines = HistoryPolicy.adding("cmd \(i % 1002)", to: lines) }
        #expect(lines.count == 1000)
        #expect(lines.last == "cmd 2")
        #expect(lines.filter { $0 == "cmd 2" }.count == 1)
        #expect(HistoryPolicy.decode(HistoryPolicy.encode(["a\nb", "c\\d"])) == ["a\nb", "c\\d"])
    }
}
