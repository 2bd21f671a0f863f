import Testing
import VitallyShell

/// Start-up flags as people type them, held to the old parser where it was right and to the
/// contract of one printable line per refusal.
@Suite struct LaunchOptionsEdgeTests {
    private func outcome(_ arguments: [String]) -> String {
        do {
            switch try LaunchOptions.parse(arguments) {
            case .help: return "help"
            case .version: return "version"
            case .run(let options): return "run \(options.commands ?? "-") \(options.replay ?? "-")"
            }
        } catch {
            return "error: " + error.message
        }
    }

    /// `--help` is documented to win over anything else, and swift-argument-parser (05ca3de) showed
    /// help, status 0, for each of these lines; a mistyped line plus `--help` is how people ask what
    /// went wrong, and redis-cli users type `-h HOST`.
    @Test(arguments: [["--replya", "x.har", "--help"], ["-h", "acme"], ["health", "--help"], ["--bogus", "-h"]])
    func helpWinsWhateverPrecedesOrFollowsIt(arguments: [String]) {
        #expect(outcome(arguments) == "help", "\(arguments)")
    }

    /// So did `--version`: the old parser printed the version for `--version extra`.
    @Test func versionWinsOverAStrayWord() {
        #expect(outcome(["--version", "extra"]) == "version")
    }

    /// An empty path is no value: the old parser refused `--replay=` ("Missing value"); now it runs,
    /// and `--record=` with a tenant and no recordings folder yet writes the HAR as a file named
    /// like the folder (`recordings`), `--replay=` says the folder is "no such file", `--script=`
    /// says "cannot read script " with no name, `--history=` is silently accepted.
    @Test(arguments: [["--replay="], ["--record="], ["--script="], ["--observations="], ["--history="], ["--record", ""], ["--replay", ""]])
    func anEmptyPathIsRefusedAsAMissingValue(arguments: [String]) {
        #expect(outcome(arguments).hasPrefix("error: --"), "\(arguments): \(outcome(arguments))")
        #expect(outcome(arguments).contains("needs a file name"), "\(arguments): \(outcome(arguments))")
    }

    /// swift-argument-parser read `-c=VALUE` as `-c VALUE`; the hand parser calls it unknown and lists -c.
    @Test func shortOptionWithEqualsKeepsItsValue() {
        #expect(outcome(["-c=status"]) == "run status -")
    }

    /// `--` ends the options; taking it as a file name opens a file called `--`.
    @Test func doubleDashIsNotAValue() {
        #expect(outcome(["--replay", "--"]).hasPrefix("error: --replay needs a value"))
    }

    /// Things that held: values that look odd, repeats, empties, unicode.
    @Test func oddButValidLinesStillRun() {
        #expect(outcome(["-c", "-x"]) == "run -x -")
        #expect(outcome(["-c", ""]) == "run  -")
        #expect(outcome(["--replay=é 中 😀.har"]) == "run - é 中 😀.har")
        #expect(outcome(["--replay", "a=b.har"]) == "run - a=b.har")
        #expect(outcome(["--replay=a=b.har"]) == "run - a=b.har")
        #expect(outcome(["-c", "a\nb"]) == "run a\nb -")
        #expect(outcome(["-c", String(repeating: "x", count: 1 << 20)]).count == (1 << 20) + 6)
        #expect(outcome(["--json", "--no-color"]).hasPrefix("run"))
        #expect(outcome(["--no-color", "--no-color"]) == "error: --no-color is given twice; give it once")
        #expect(outcome(["-c", "a", "-c", "b"]) == "error: -c is given twice; give it once")
        #expect(outcome(["--record", "x.har", "--record-mode=ALL"]).hasPrefix("run"))
        #expect(outcome(["--\u{2014}replay"]).hasPrefix("error: unknown option"))
        #expect(outcome(["\u{2014}replay", "x"]).hasPrefix("error: unexpected argument"))
    }

    /// Help: every line fits 80 columns, every flag is there once.
    @Test func helpFitsAndNamesEveryFlagOnce() {
        let help = LaunchOptions.helpText()
        #expect(help.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { $0.count <= 80 })
        let heads = help.split(separator: "\n").filter { $0.hasPrefix("  -") }.map { $0.split(separator: " ").map(String.init) }
        for flag in ["--replay", "--record", "--record-mode", "-c", "--script", "--observations", "--no-observations", "--json", "--no-color",
                     "-i,", "--interactive", "--version", "-h,", "--help"] {
            #expect(heads.filter { $0.contains(flag) }.count == 1, "\(flag)")
        }
    }
}
