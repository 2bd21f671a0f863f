import Foundation
import VitallyKit

/// How `--record` records: the one list of modes, read by `--help`, the flag's errors and the README.
package enum RecordMode: String, Sendable, CaseIterable {
    case all, missing, complete

    /// One line for `--help`.
    package var summary: String {
        switch self {
        case .all: return "a new recording (default)"
        case .missing: return "replay the file, record what it lacks"
        case .complete: return "a new recording; lists read only partly are read to their end in the background"
        }
    }

    /// `all|missing|complete`
    package static var choices: String { allCases.map(\.rawValue).joined(separator: "|") }
}

/// The command interpreter: turns lines into results. No terminal I/O: the executable
/// feeds it lines and prints what comes back.
package actor Shell {
    let environment: ShellEnvironment
    var connection: Connection {
        // TAB offers only what a replay answers while one runs without a live fallback.
        didSet { completion.replaying(connection.mode == .replay && !connection.recordMissing ? connection.replay : nil) }
    }
    let jsonByDefault: Bool
    /// Values seen this session, offered by TAB completion.
    package nonisolated let completion = CompletionState()
    var startupNotes: [String] = []
    /// Why saved or environment credentials could not be used, for `doctor`.
    var configurationProblem: String?
    /// Tokens typed this session (also ones that failed), scrubbed from everything shown.
    var typedTokens: [String] = []
    var historySession = HistorySession()
    /// The requests the last brief made, for `status`.
    var lastBrief: BriefCost?
    /// The last brief, as Markdown (the MCP server serves it as a resource).
    package var lastBriefMarkdown: String?
    /// What an ACCOUNT argument resolved to when that is not plain (an organization's account), for the output.
    var resolutionNotes: [String] = []
    /// Warnings about the command's input (an invite file of many meetings), printed before its own.
    var inputWarnings: [String] = []

    package init(environment: ShellEnvironment, jsonByDefault: Bool = false) {
        self.environment = environment
        self.jsonByDefault = jsonByDefault
        connection = .offline()
        completion.setRecordings(Shell.harFiles(in: environment.recordingsDirectory))
    }

    /// Applies the start-up flags; the result's error is set when the session cannot start as asked.
    /// `profile` names a saved profile to use (`--profile`, `VITALLY_PROFILE`) instead of the variables or the current one.
    package func start(replay: String? = nil, record: String? = nil, recordMode: RecordMode = .all, profile: String? = nil) async
        -> CommandResult
    {
        if let problem = environment.environmentProblem {
            startupNotes.append(problem)
            configurationProblem = problem
        }
        if let replay { return await openReplay(replay, recordMissing: false, atStart: true) }
        // The profile asked for, checked on one reading of the files, which its credentials then come from.
        let saved = profile == nil ? nil : savedProfiles()
        if let profile {
            if environment.profileStore != nil, saved == nil {
                // The files exist but were refused (mode, owner, a bad line): say that, not "no such profile".
                return cannotStart(with: profile, because: configurationProblem ?? "the profiles file cannot be read", status: .usage)
            }
            if let problem = saved?.problem(of: profile) {
                return cannotStart(with: profile, because: ErrorAdvice.message(problem), status: .usage)
            }
            if saved?.named(profile) == nil {
                let names = saved?.profiles.map(\.name) ?? []
                return .failure("there is no saved profile '\(profile)'"
                    + (names.isEmpty ? "; start without it and run 'connect SUBDOMAIN --profile \(profile)' to save one"
                        : "; the saved ones are " + names.joined(separator: ", ")), status: .usage)
            }
        }
        guard let credentials = await savedCredentials(profile: profile, from: saved) else {
            // The profile asked for cannot be used (its token command failed, it has no token): never start offline instead.
            if let profile, let problem = configurationProblem { return cannotStart(with: profile, because: problem, status: .failure) }
            if let record {
                return .failure(
                    "--record \(record) needs a tenant: set VITALLY_SUBDOMAIN and VITALLY_TOKEN (or VITALLY_BASE_URL), "
                        + "or start without --record and run 'connect' then 'record \(record)'")
            }
            return CommandResult()
        }
        do {
            connection = try .live(credentials, cacheDirectory: environment.cacheDirectory, clock: environment.clock,
                                   timeout: environment.requestTimeoutSeconds)
        } catch {
            return .failure(ErrorAdvice.sentence(for: error))
        }
        if let name = credentials.profile { try? environment.profileStore?.markUsed(name, now: environment.clock()) }
        if let record {
            if recordMode == .missing { return await openReplay(record, recordMissing: true, atStart: true) }
            return await startRecording(record, completeLists: recordMode == .complete)
        }
        return CommandResult()
    }

    /// The start-up failure for a named profile that cannot be used: one line, so the problem is
    /// not also a start-up note.
    func cannotStart(with profile: String, because problem: String, status: ExitStatus) -> CommandResult {
        startupNotes.removeAll { $0 == problem }
        return .failure("cannot start with profile '\(profile)': " + problem, status: status)
    }

    /// Ends the session: a recording is flushed to disk, scanned once more for the token, and
    /// unlocked. Returns the failure to report, if any.
    package func finish() async -> CommandResult? {
        await waitForListCompletion()
        do {
            guard let recorder = connection.recorder else { return nil }
            try await recorder.close()
            // Leaving says where the session went, so a Ctrl-D never ends a recording silently.
            let file = connection.recordingURL?.path ?? "the recording"
            var saved = CommandResult()
            let stop = await recorder.stopped.map { " (it stopped early: \($0.reason))" } ?? ""
            saved.output = ShellOutput(blocks: [.text("recording saved: \(await recorder.count) exchanges in \(file)\(stop)")])
            return saved
        } catch {
            return .failure(ErrorAdvice.message(error))
        }
    }

    /// Notes worth one line each at start-up (a bad variable, an unsafe config file).
    package func takeStartupNotes() -> [String] {
        defer { startupNotes = [] }
        return startupNotes
    }

    package var mode: SessionMode { connection.mode }
    package var tenant: String { connection.tenant }
    package var recordingName: String? { connection.recordingURL?.lastPathComponent }

    /// "Now" for relative dates: the recording's time when recording or replaying.
    var now: Date { connection.fixedNow ?? environment.clock() }

    /// Runs every command of a line in order; a line that cannot be split is one usage error.
    package func run(line: String) async -> [CommandResult] {
        let commands: [[String]]
        do {
            commands = try ShellWords.split(line)
        } catch {
            switch error {
            case .unterminated(let why): return [.failure("cannot read the line: \(why)", status: .usage)]
            }
        }
        var results: [CommandResult] = []
        for words in commands {
            let result = scrubbed(await run(words: words))
            results.append(result)
            if result.exitRequested { break }
        }
        return results
    }

    /// Runs one command of a line as `run(line:)` does (its result scrubbed of the token), so a
    /// caller can print each result as it comes.
    package func run(command words: [String]) async -> CommandResult { scrubbed(await run(words: words)) }

    /// Runs one command given as words; a recording that stopped meanwhile (the disk filled) is
    /// said once, beside the command's result.
    package func run(words: [String]) async -> CommandResult {
        var result = await runCommand(words: words)
        if let stop = await connection.recorder?.takeStopNotice() { result.warnings.append(recordingStopNotice(stop)) }
        return result
    }

    private func runCommand(words: [String]) async -> CommandResult {
        let parsed: ParsedCommand
        let runner: any CommandRunner.Type
        do {
            (parsed, _, runner) = try ParsedCommand.resolve(words)
        } catch {
            return .failure(error.message, status: .usage)
        }
        do {
            try Task.checkCancellation()
            resolutionNotes = []
            inputWarnings = []
            var result = try await runner.run(parsed, in: self)
            result.warnings = inputWarnings + result.warnings
            result.output.blocks.insert(contentsOf: resolutionNotes.map { OutputBlock.text($0, .dim) }, at: 0)
            // A failure with nothing to show prints only its error, as a thrown one does: no bare `null`.
            result.asJSON = wantsJSON(parsed) && !(result.error != nil && result.output == .empty)
            result.warnings += await flushObservations()
            return result
        } catch let error as VitallyError {
            var failure = CommandResult.failure(advice(error))
            failure.errorDetail = error.detail
            return failure
        } catch is CancellationError {
            return .failure("cancelled")
        } catch {
            return .failure("\(parsed.name) failed: \(error)")
        }
    }

    func advice(_ error: VitallyError) -> String {
        ErrorAdvice.sentence(
            for: error, region: connection.credentials?.region, replaying: connection.mode == .replay)
    }

    /// Whether this command's output should be JSON.
    func wantsJSON(_ command: ParsedCommand) -> Bool { jsonByDefault || command.options[Common.json] }

}
