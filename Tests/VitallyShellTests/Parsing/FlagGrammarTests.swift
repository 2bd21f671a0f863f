import Foundation
import Testing
@testable import VitallyShell

/// The drifts issue 22 found between the commands' contract and their behaviour, each pinned:
/// every one of these failed before flags became typed descriptors with one grammar.
@Suite struct FlagGrammarTests {
    func refusal(_ line: String) -> String? {
        do {
            _ = try ParsedCommand.parse(try #require(try ShellWords.split(line).first))
            return nil
        } catch let error as ParsedCommand.UsageError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func usageLinesListEveryFlagTheParserTakes() throws {
        #expect(try #require(CommandCatalog.spec(named: "timeline")).usage.contains("[--limit N]"))
        #expect(try #require(CommandCatalog.spec(named: "accounts")).usage(of: "list").contains("[--limit N]"))
        #expect(try #require(CommandCatalog.spec(named: "match")).usage.contains("[--max-attendees N]"))
    }

    @Test func helpSaysWhichCommandsTakeJSON() throws {
        #expect(!(try #require(CommandCatalog.spec(named: "exit")).takesJSON))
        #expect(refusal("exit --json") != nil)
        #expect(HelpCommand.jsonSentence == "Every command but exit takes --json.")
    }

    @Test func theRedactorKnowsOnlyDeclaredSecretFlags() {
        #expect(LineRedactor.redact("connect acme -t visible") == "connect acme -t visible")
        #expect(Set(LineRedactor.secretFlags) == ["--token", "--salt"])
    }

    @Test func aMistypedSecretFlagIsRedactedWithItsValue() {
        #expect(HistoryPolicy.storable("recordings scrub a.har --sal team-s3cret") == "recordings scrub a.har --sal REDACTED")
        #expect(HistoryPolicy.storable("connect acme --tokn=sk_live_x") == "connect acme --tokn=REDACTED")
        #expect(HistoryPolicy.storable("connect acme --TOEKN sk_live_x") == "connect acme --TOEKN REDACTED")
        // A declared flag near a secret one is not a typo: `--all`'s next word stays.
        #expect(HistoryPolicy.storable("notes --all acme.com") == "notes --all acme.com")
    }

    @Test func aRepeatedFlagIsRefusedNotOverwritten() {
        #expect(refusal("notes acme.com --limit 3 --limit 4") == "--limit is given twice; give it once")
        #expect(refusal("brief a@b.com --json --json") == "--json is given twice; give it once")
    }

    @Test func aRepeatableOptionKeepsEveryValueInOrder() throws {
        #expect(Common.ics.descriptor.repeatable && !MatchCommand.title.descriptor.repeatable)
        let (parsed, _) = try ParsedCommand.parse(["brief", "--ics", "b.ics", "a@b.com", "--ics=a.ics", "--ics", "b.ics"])
        #expect(parsed.options.all(Common.ics) == ["b.ics", "a.ics", "b.ics"])
        #expect(parsed.options[Common.ics] == "b.ics" && parsed.arguments == ["a@b.com"])
        let (none, _) = try ParsedCommand.parse(["brief", "a@b.com"])
        #expect(none.options.all(Common.ics).isEmpty && none.options.all(MatchCommand.title).isEmpty)
        // Each value is still checked as one: a flag in a value's place is a missing value.
        #expect(refusal("match --ics a.ics --ics --json")
            == "--ics needs a value: --ics FILE; a value that starts with - is written --ics=--json")
    }

    @Test func aFlagIsNeverTakenAsAnOptionsValue() throws {
        #expect(refusal("match a@b.com --title --json")
            == "--title needs a value: --title TEXT; a value that starts with - is written --title=--json")
        let (parsed, _) = try ParsedCommand.parse(["match", "a@b.com", "--title=--json"])
        #expect(parsed.options[MatchCommand.title] == "--json" && !parsed.options[Common.json])
        #expect(refusal("match a@b.com --json=yes") == "--json takes no value; write --json alone")
    }

    @Test func doubleDashEndsTheFlags() throws {
        let (parsed, _) = try ParsedCommand.parse(["accounts", "search", "--", "--weird"])
        #expect(parsed.subcommand == "search" && parsed.arguments == ["--weird"])
    }

    @Test func aFlagOnTheWrongSubcommandNamesTheOneThatTakesIt() {
        #expect(refusal("accounts show acme.com --status churned")
            == "--status belongs to `accounts list`, not `accounts show`; see 'help accounts'")
        #expect(refusal("recordings diff a.har b.har --salt x")
            == "--salt belongs to `recordings scrub`, not `recordings diff`; see 'help recordings'")
        #expect(refusal("history import a.har --tenant t")
            == "--tenant belongs to `history forget`, not `history import`; see 'help history'")
        #expect(refusal("organizations show acme --limit 3")
            == "--limit belongs to `organizations list`/`organizations search`/`organizations accounts`/`organizations users`/`organizations notes`/`organizations tasks`, not `organizations show`; see 'help organizations'")
        #expect(refusal("recordings show a.har --salt x") != nil)
        #expect(refusal("recordings a.har --path /resources/notes") == nil, "recordings FILE is recordings show FILE")
    }

    @Test func helpWrapsLongUsageAtTheWidthAndListsEverySubcommand() {
        let spec = CommandCatalog.spec(named: "recordings")!
        let text = TextRenderer(width: 60).render(HelpCommand.helpText(for: spec), json: false)
        #expect(text.contains("[--map FILE]"), "cut instead of wrapped: \(text)")
        #expect(text.contains("recordings diff A.har B.har"))
        #expect(text.contains("  diff "))
        let usage = text.components(separatedBy: "Usage\n")[1].components(separatedBy: "\n\n")[0]
        #expect(usage.split(separator: "\n").allSatisfy { $0.count <= 60 && !$0.contains("…") }, "\(usage)")
    }

    @Test func theCompleterSplitsAsTheShellDoes() {
        #expect(Completer.split(#"health Acme\ Co"#).raw == #"Acme\ Co"#)
        #expect(Completer.split(#"health "Acme \"x\"" no"#).words == ["health", #"Acme "x""#])
        #expect(Completer.split("recordings scrub a.har ").words == ["recordings", "scrub", "a.har"])
        let completer = Completer(state: CompletionState())
        #expect(completer.complete("recordings scrub a.har --").candidates.contains("--salt"))
        #expect(!completer.complete("recordings diff a.har --").candidates.contains("--salt"))
        #expect(completer.complete("connect --region ").candidates == ["us", "eu"])
    }

    @Test func startUpAndInShellFlagsShareTheGrammar() {
        func launch(_ arguments: [String]) -> String? {
            do { _ = try LaunchOptions.parse(arguments); return nil } catch { return error.message }
        }
        #expect(launch(["--script", "a", "--script", "b"]) == "--script is given twice; give it once")
        #expect(refusal("brief a@b.com --title a --title b") == "--title is given twice; give it once")
        #expect(launch(["--profile", "a", "--profile", "b"]) == "--profile is given twice; give it once")
        var expected = LaunchOptions()
        (expected.profile, expected.commands) = ("globex", "status")
        #expect((try? LaunchOptions.parse(["--profile=globex", "-c", "status"])) == .run(expected))
        #expect(launch(["-c", "--json"])?.hasSuffix("a value that starts with - is written -c=--json") == true)
        #expect(refusal("brief a@b.com --title --json")?.hasSuffix("a value that starts with - is written --title=--json") == true)
    }
}
