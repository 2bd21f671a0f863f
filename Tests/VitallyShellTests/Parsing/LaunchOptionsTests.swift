import Testing
import VitallyShell

/// `vitally-shell`'s own flags, parsed by hand since swift-argument-parser's reflection cost a third of a start.
@Suite struct LaunchOptionsTests {
    private func options(_ arguments: [String]) throws -> LaunchOptions {
        guard case .run(let options) = try LaunchOptions.parse(arguments) else {
            Issue.record("\(arguments) did not ask to run")
            return LaunchOptions()
        }
        return options
    }

    private func refusal(_ arguments: [String]) -> String {
        do {
            _ = try LaunchOptions.parse(arguments)
            return "accepted"
        } catch {
            return error.message
        }
    }

    @Test func everyFlagReachesItsField() throws {
        let all = try options([
            "--record", "a.har", "--record-mode", "MISSING", "-c", "status; health acme.com", "--observations", "h.sqlite",
            "--no-observations", "--json", "--no-color", "-i",
        ])
        #expect(all.record == "a.har" && all.recordMode == .missing && all.commands == "status; health acme.com")
        #expect(all.observations == "h.sqlite" && all.noObservations && all.notes.isEmpty && all.json && all.noColor && all.interactive)
        #expect(try options([]) == LaunchOptions())
        let equals = try options(["--record=x.har", "--script=run.txt", "--interactive"])
        #expect(equals.record == "x.har" && equals.script == "run.txt" && equals.interactive && equals.recordMode == .all)
        // A value may look odd: only a known option after a value flag counts as its missing value.
        #expect(try options(["-c", "-x"]).commands == "-x")
        #expect(try options(["--replay", "-"]).replay == "-")
        #expect(try options(["--replay=--odd.har"]).replay == "--odd.har")
        #expect(try options(["--json", "--"]).json)
        // One grammar with the shell's commands (FlagGrammar): a repeated flag is refused, even a switch.
        #expect(refusal(["--json", "--json"]) == "--json is given twice; give it once")
    }

    @Test func helpAndVersionWinOverEverythingElse() throws {
        #expect(try LaunchOptions.parse(["--replay", "a.har", "--record", "b.har", "-h"]) == .help)
        #expect(try LaunchOptions.parse(["--version", "--help"]) == .help)
        #expect(try LaunchOptions.parse(["--json", "--version"]) == .version)
        #expect(try LaunchOptions.parse(["health", "--bogus", "-help"]) == .help)
        #expect(try options(["-c=status; notes"]).commands == "status; notes")
        let help = LaunchOptions.helpText()
        for flag in ["--replay FILE.har", "--record FILE.har", "--record-mode \(RecordMode.choices)", "-c COMMANDS", "--script FILE",
                     "--observations FILE.sqlite", "--no-observations", "--json", "--no-color", "-i, --interactive", "--version", "-h, --help"] {
            #expect(help.contains("\n  \(flag) ") || help.contains("\n  \(flag)\n"), "\(flag) is not in the help")
        }
        #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(help.contains("VITALLY_TOKEN"))
    }

    /// `--history FILE` and `--no-history` were renamed (`history` is the typed commands): for one
    /// release they still work, with one note each naming the new spelling; a value is never renamed.
    @Test func theOldHistorySpellingsStillWorkWithANote() throws {
        let old = try options(["--history", "h.sqlite", "--json"])
        #expect(old.observations == "h.sqlite" && old.json)
        #expect(old.notes == [
            "note: --history is now --observations (account history; 'history' is the commands you typed); --history works until the next release"
        ])
        #expect(try options(["--history=h.sqlite"]).observations == "h.sqlite")
        let off = try options(["--no-history"])
        #expect(off.noObservations && off.notes.count == 1 && off.notes[0].contains("--no-history is now --no-observations"))
        #expect(off.notes.allSatisfy { !$0.contains("\n") })
        // A value that spells an old flag is a value: `-c=--history` runs the in-shell command.
        let value = try options(["-c=--history"])
        #expect(value.commands == "--history" && value.notes.isEmpty && value.observations == nil)
        // The old spelling together with the new one is the same flag twice.
        #expect(refusal(["--history", "a.sqlite", "--observations", "b.sqlite"]) == "--observations is given twice; give it once")
        // Help lists the new spelling and says what it was.
        let help = LaunchOptions.helpText()
        #expect(!help.contains("\n  --history") && help.contains("--history)") && help.contains("--no-history)"))
    }

    @Test func everyRefusalIsOneLineThatSaysWhatToType() {
        let cases: [([String], String)] = [
            (["--replya", "x.har"], "unknown option '--replya'; did you mean '--replay'?"),
            (["--frobnicate"], "unknown option '--frobnicate'; 'vitally-shell --help' lists the options"),
            (["-json"], "unknown option '-json'; did you mean '--json'?"),
            (["--h"], "unknown option '--h'; did you mean '--help'?"),
            (["-c=status", "-i=yes"], "-i takes no value; write -i alone"),
            (["--replay="], "--replay needs a file name: --replay FILE.har"),
            (["--script", " "], "--script needs a file name: --script FILE"),
            (["--replay", "--"], "--replay needs a value: --replay FILE.har; a value that starts with - is written --replay=--"),
            (["-x"], "unknown option '-x'; the short options are -c, -i, -h, and 'vitally-shell --help' lists the rest"),
            (["--replay"], "--replay needs a value: --replay FILE.har"),
            (["-c", "--json"], "-c needs a value: -c COMMANDS; a value that starts with - is written -c=--json"),
            (["--json=yes"], "--json takes no value; write --json alone"),
            (["--record-mode", "some"], "--record-mode takes all|missing|complete, not 'some'"),
            (["--replay", "a.har", "--replay", "b.har"], "--replay is given twice; give it once"),
            (["health", "acme.com", "--json"], "unexpected argument 'health': vitally-shell takes only options; to run a command, use -c 'health acme.com'"),
            (["notes", "it's"], #"unexpected argument 'notes': vitally-shell takes only options; to run a command, use -c 'notes it'\''s'"#),
            (["--", "status"], "unexpected argument 'status': vitally-shell takes only options"),
            ([""], "argument 1 is empty; vitally-shell takes only options"),
            (["--replay", "a.har", "--record", "b.har"],
             "--replay and --record cannot be combined; use --record FILE --record-mode missing to replay and add to a file"),
            (["-c", "status", "--script", "s.txt"], "-c and --script cannot be combined; put every command in the script"),
            (["--replay", "a.har", "--record-mode", "missing"], "--record-mode applies to a recording: --record FILE.har --record-mode missing"),
            (["--re\ncord"], #"unknown option '--re\ncord'; did you mean '--record'?"#),
            (["--json", "a\0b"], #"argument 2 holds a NUL character (\0); retype it without one"#),
        ]
        for (arguments, message) in cases {
            #expect(refusal(arguments) == message, "\(arguments)")
        }
    }
}
