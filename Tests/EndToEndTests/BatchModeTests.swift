import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// The binary without a terminal: `-c`, `--script`, pipes; exit statuses; bad input.
@Suite struct BatchModeTests {
    @Test func explorerCommandsAgainstTheSimulator() async throws {
        let simulator = try await startSimulator()
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken])
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try await runShell(["-c", "accounts search acme; health acme.com; notes acme.com; tasks acme.com"], environment: env)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.isEmpty)
        #expect(run.out.contains("Acme Corp  acme.com  7.4"))
        #expect(run.out.contains("health 7.4/10 good"))
        #expect(run.out.contains("5 notes, newest first"))
        #expect(run.out.contains("OVERDUE"))
        #expect(!run.out.contains("\u{1B}["))  // no colour without a terminal
        let json = try await runShell(["--json", "-c", "health acme.com"], environment: env)
        #expect((try JSONParser.parse(json.out))["healthScore"]?.double == 7.4)
    }

    /// Several commands with --json print JSON Lines (one compact document each) that
    /// `python3 -m json.tool --json-lines` reads; one command keeps its indented document.
    @Test func severalCommandsWithJSONPrintJSONLines() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let replay = ["--replay", "recordings/demo.har", "--json"]
        let two = try await runShell(replay + ["-c", "health acme.com; health soylent.com"], environment: env)
        #expect(two.status == 0, "\(two.err)")
        let lines = two.out.split(separator: "\n")
        #expect(lines.count == 2, "\(two.out)")
        #expect(try lines.map { try JSONParser.parse(String($0))["account"]?["name"]?.string } == ["Acme Corp", "Soylent"])
        let parsed = try await runBinary("/usr/bin/python3", ["-m", "json.tool", "--json-lines"], stdin: two.out)
        #expect(parsed.status == 0, "\(parsed.err)")
        #expect(parsed.out.contains(#""name": "Soylent""#))
        let before = try await runBinary("/usr/bin/python3", ["-m", "json.tool"], stdin: two.out)
        #expect(before.status != 0, "a stream of documents is not one JSON document")
        // A script of several commands streams the same way; comments and blank lines are no commands.
        let script = home.appendingPathComponent("two.txt")
        try "# two\nhealth acme.com\n\nhealth soylent.com\n".write(to: script, atomically: true, encoding: .utf8)
        let scripted = try await runShell(replay + ["--script", script.path], environment: env)
        #expect(scripted.out == two.out)
        let one = try await runShell(replay + ["-c", "health acme.com"], environment: env)
        #expect(one.out.hasPrefix("{\n  \""), "one command keeps today's indented document")
        #expect(try await runBinary("/usr/bin/python3", ["-m", "json.tool"], stdin: one.out).status == 0)
    }

    /// A replay miss is one line naming the request and the command that records it; the closest
    /// recorded requests follow only with --verbose.
    @Test func aReplayMissIsOneLineWithTheDetailBehindVerbose() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let line = ["--replay", "recordings/demo.har", "-c", "raw GET /resources/accounts/no-such-account"]
        let plain = try await runShell(line, environment: env)
        #expect(plain.status == 1)
        #expect(plain.err.split(separator: "\n").count == 1, "\(plain.err)")
        #expect(plain.err.hasPrefix("error: GET /resources/accounts/no-such-account is not in demo.har; to record it: "))
        #expect(plain.err.hasSuffix(" (--verbose for details)\n"))
        let verbose = try await runShell(["--verbose"] + line, environment: env)
        let lines = verbose.err.split(separator: "\n")
        #expect(lines.count >= 3, "\(verbose.err)")
        #expect(lines.first.map { !$0.contains("--verbose") } == true)
        #expect(lines.dropFirst().first == "  closest recorded:")
        #expect(lines.dropFirst(2).first?.hasPrefix("    1) GET /resources/accounts/") == true)
    }

    @Test func exitStatusesAndOneLineErrors() async throws {
        let simulator = try await startSimulator()
        defer { Task { await simulator.stop() } }
        let wrong = "sk_test_definitely_wrong_1"
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": wrong])
        defer { try? FileManager.default.removeItem(at: home) }
        let unauthorized = try await runShell(["-c", "health acme.com"], environment: env)
        #expect(unauthorized.status == 1)
        #expect(unauthorized.err.hasPrefix("error: Vitally rejected the token (401)"))
        #expect(unauthorized.err.split(separator: "\n").count == 1)
        #expect(!unauthorized.err.contains(wrong) && !unauthorized.out.contains(wrong))
        let typo = try await runShell(["-c", "acounts list"], environment: env)
        #expect(typo.status == 2)
        #expect(typo.err == "error: unknown command 'acounts'; did you mean 'accounts'?\n")
        let flag = try await runShell(["--replay", "a.har", "--record", "b.har"], environment: env)
        #expect(flag.status == 2)
        #expect(flag.err.hasPrefix("error: --replay and --record cannot be combined") && flag.err.split(separator: "\n").count == 1)
    }

    /// The shell's own flags: a typo gets one line with the guess and status 2; help and version go to stdout with 0.
    @Test func startUpFlagsAnswerOnOneLineOrWithHelp() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let typo = try await runShell(["--replya", "recordings/demo.har", "-c", "status"], environment: env)
        #expect(typo.status == 2 && typo.out.isEmpty)
        #expect(typo.err == "error: unknown option '--replya'; did you mean '--replay'?\n")
        let help = try await runShell(["--help"], environment: env)
        #expect(help.status == 0 && help.err.isEmpty)
        #expect(help.out.hasPrefix("vitally-shell: a read-only shell for Vitally") && help.out.contains("\n  --replay FILE.har "))
        let version = try await runShell(["--version"], environment: env)
        #expect(version.status == 0 && version.out == VitallyKitVersion.current + "\n")
        let attached = try await runShell(["--replay=recordings/demo.har", "-c", "status"], environment: env)
        #expect(attached.status == 0 && attached.out.contains("demo.har"))
    }

    @Test func pipedLinesRunWithoutPromptOrBanner() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let run = try await runShell(["--replay", "demo.har"], environment: env, stdin: "health acme.com\n# a comment\nstatus\n")
        #expect(run.status == 0, "\(run.err)")
        #expect(!run.out.contains("vitally["))
        #expect(!run.out.contains("vitally-shell 0"))
        #expect(run.out.contains("health 7.4/10 good"))
        #expect(run.out.contains("Mode                   replay"))
    }

    @Test func replayingTwicePrintsTheSameBytes() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let script = packageRoot.appendingPathComponent("scripts/demo-session.txt").path
        let first = try await runShell(["--replay", "demo.har", "--script", script], environment: env)
        let second = try await runShell(["--replay", "demo.har", "--script", script], environment: env)
        #expect(first.out == second.out && first.err == second.err)
        #expect(!first.err.contains("is not in demo.har"))
        #expect(first.out.contains("Meeting brief"))
    }

    @Test func badRecordingsGetOneClearLineAndNothingIsOverwritten() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let truncated = home.appendingPathComponent("cut.har")
        let demo = try Data(contentsOf: packageRoot.appendingPathComponent("recordings/demo.har"))
        try demo.prefix(3000).write(to: truncated)  // inside the first entry: nothing whole to keep
        let cut = try await runShell(["--replay", truncated.path, "-c", "status"], environment: env)
        #expect(cut.status == 1)
        #expect(cut.err.contains("\(truncated.path) is not valid JSON") && cut.err.contains("truncated"))
        #expect(try Data(contentsOf: truncated) == demo.prefix(3000))
        let directory = try await runShell(["--replay", home.path, "-c", "status"], environment: env)
        #expect(directory.err.contains("is a directory"))
        let missing = try await runShell(["--replay", "no-such-file.har", "-c", "status"], environment: env)
        #expect(missing.err.contains("no-such-file.har: no such file"))
        for run in [cut, directory, missing] { #expect(run.err.split(separator: "\n").count == 1) }
    }

    @Test func anUnwritableRecordingsFolderIsNamed() async throws {
        let simulator = try await startSimulator()
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken])
        defer { try? FileManager.default.removeItem(at: home) }
        let blocker = home.appendingPathComponent("recordings")
        try Data("not a folder".utf8).write(to: blocker)  // a file where the folder should be
        let run = try await runShell(["--record", "x.har", "-c", "health acme.com"], environment: env, directory: home)
        #expect(run.status == 1)
        #expect(run.err.contains("cannot write \(blocker.path)/x.har"))
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "not a folder")
    }

    @Test func killMinus9DuringARecordingLeavesAValidHAR() async throws {
        let simulator = try await startSimulator()
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken])
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("recordings/killed.har")
        let input = Pipe()
        let process = try launchShell(["--record", "killed.har"], environment: env, directory: home, input: input)
        for line in ["health acme.com", "notes acme.com", "tasks acme.com"] {
            input.fileHandleForWriting.write(Data((line + "\n").utf8))
        }
        // health: search, custom fields, 4 pages, account, scores, organization; notes and tasks: search,
        // account, list, the organization's list (Acme Holdings has no notes or tasks, so no name lookup).
        var before = 0
        let deadline = Date().addingTimeInterval(40)
        while before < 17 && Date() < deadline {
            try await Task.sleep(nanoseconds: 100_000_000)
            before = (try? HARReader.load(file).exchanges.count) ?? 0
        }
        #expect(before == 17)
        try await Task.sleep(nanoseconds: 1_100_000_000)
        input.fileHandleForWriting.write(Data("accounts list --status activeOrChurned\n".utf8))  // in flight when killed
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let after = try HARReader.load(file)
        #expect(after.exchanges.count >= before)
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        #expect(!text.contains(e2eToken))
    }

    @Test func aRecordingCutShortReplaysItsCompleteEntriesWithOneWarning() async throws {
        let (env, home) = isolatedEnvironment()
        defer { try? FileManager.default.removeItem(at: home) }
        let demo = try Data(contentsOf: packageRoot.appendingPathComponent("recordings/demo.har"))
        let cut = home.appendingPathComponent("cut.har")
        try demo.prefix(demo.count / 2).write(to: cut)
        let run = try await runShell(["--replay", cut.path, "-c", "status"], environment: env)
        #expect(run.status == 0, "\(run.err)")
        let complete = try HARReader.load(cut).exchanges.count
        #expect(complete > 0)
        #expect(run.err == "warning: cut.har is cut short after \(complete) complete entries (a recording stopped by a crash?); replaying those\n")
        #expect(try Data(contentsOf: cut) == demo.prefix(demo.count / 2))  // read, never rewritten
    }

    @Test func aSecondRecorderOfOneFileGetsOneLineNamingTheHolder() async throws {
        let simulator = try await startSimulator()
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken])
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("recordings/shared.har")
        let input = Pipe()
        let first = try launchShell(["--record", "shared.har"], environment: env, directory: home, input: input)
        defer { kill(first.processIdentifier, SIGKILL) }
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: file.path) && Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        let second = try await runShell(["--record", "shared.har", "--record-mode", "missing", "-c", "status"], environment: env, directory: home)
        #expect(second.status == 1)
        #expect(second.err == "error: \(file.path) is being recorded by process \(first.processIdentifier); stop that session first or pick another name\n")
        input.fileHandleForWriting.write(Data("health acme.com\nexit\n".utf8))
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(try HARReader.load(file).exchanges.count > 0)
    }

    /// kill -9 at random moments of a recording: every exchange the server answered before the
    /// kill is in the file, but for the one in flight, and the file always opens.
    @Test func killMinus9AtRandomPointsLosesNoCompletedExchange() async throws {
        // Five rounds of up to 400 requests within seconds would pass the default 1,000 a minute, and
        // a 429 the shell then records is not what this test is about.
        let simulator = try await startSimulator { $0.rateLimitPerMinute = 100_000 }
        defer { Task { await simulator.stop() } }
        let (env, home) = isolatedEnvironment(["VITALLY_BASE_URL": simulator.baseURL, "VITALLY_TOKEN": e2eToken])
        defer { try? FileManager.default.removeItem(at: home) }
        let script = home.appendingPathComponent("many.txt")
        try Data(String(repeating: "raw GET /resources/accounts/acme-001\n", count: 400).utf8).write(to: script)
        for round in 0..<5 {
            await simulator.state.clearLog()
            let file = home.appendingPathComponent("recordings/k\(round).har")
            let process = try launchShell(["--record", "k\(round).har", "--script", script.path], environment: env, directory: home)
            let deadline = Date().addingTimeInterval(15)  // the recording starts (a loaded machine is slow)
            while !FileManager.default.fileExists(atPath: file.path) && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
            try await Task.sleep(nanoseconds: UInt64.random(in: 50_000_000...1_200_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let served = await simulator.state.log.count
            let recording = try HARReader.load(file)
            // The one in flight may be lost, and under load one the server answered after the
            // client gave up on it (its retry is then the one in flight).
            #expect(recording.exchanges.count >= served - 2, "round \(round): \(recording.exchanges.count) of \(served)")
            #expect(recording.exchanges.count <= served)
            #expect(recording.exchanges.allSatisfy { $0.status == 200 && $0.path == "/resources/accounts/acme-001" })
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).filter { $0.hasSuffix(".tmp") }
            #expect(leftovers.isEmpty)
        }
    }
}

/// Starts the shell in the background (output discarded), reading `input` when given.
func launchShell(_ arguments: [String], environment: [String: String], directory: URL, input: Pipe? = nil) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: shellBinary)
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = directory
    if let input { process.standardInput = input }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}
