import Foundation
import VitallyKit
import VitallyShell

/// The read-run-print loop: picks the reader, feeds lines to the shell, prints results,
/// keeps history, and turns the outcome into an exit status.
final class REPL {
    let options: LaunchOptions
    let runner = CommandRunner()
    let interactive: Bool
    let color: Bool
    var history: HistoryStore?
    var editor: LineEditor?
    var secrets: [String] = []
    /// Held until the process exits, which frees it all at once: releasing a large recording's
    /// exchanges and account directory one object at a time took a tenth of a replayed brief.
    var shell: Shell?
    /// Whether something was printed already: script output separates commands by a blank line.
    var printedBefore = false
    /// A `-c` or `--script` of several commands prints each JSON result as one line (JSON Lines),
    /// so the output parses as a stream; one command keeps its indented document.
    var jsonLines = false

    init(options: LaunchOptions) {
        self.options = options
        let hasScript = options.commands != nil || options.script != nil
        interactive = !hasScript && (options.interactive || (Terminal.stdinIsTTY && Terminal.stdoutIsTTY))
        color = Terminal.stdoutIsTTY && !options.noColor && Terminal.variable("NO_COLOR") == nil && !options.json
    }

    func makeEnvironment() -> ShellEnvironment {
        let environment = REPL.environment(showProgress: interactive && Terminal.stderrIsTTY, history: history, promptsForSecrets: true)
        if let token = environment.environmentCredentials?.token { secrets = Redactor.forms(of: token) }
        return environment
    }

    /// The shell's view of this process: variables, folders, the terminal. Without `promptsForSecrets`
    /// nothing ever reads a secret from the terminal (the MCP server's stdin is its protocol).
    static func environment(showProgress: Bool, history: HistoryStore?, promptsForSecrets: Bool) -> ShellEnvironment {
        let (credentials, problem) = ShellEnvironment.credentials(from: Terminal.environment)
        let cwd = Terminal.workingDirectory
        let recordings = Terminal.variable("VITALLY_RECORDINGS_DIR").map { URL(fileURLWithPath: $0) }
            ?? cwd.appendingPathComponent("recordings")
        let historyBox = HistoryBox()
        historyBox.store = history
        return ShellEnvironment(
            environmentCredentials: credentials, environmentProblem: problem,
            configDirectory: StateFolders.configDirectory(Terminal.environment),
            cacheDirectory: StateFolders.cacheDirectory(Terminal.environment),
            dataDirectory: StateFolders.dataDirectory(Terminal.environment),
            recordingsDirectory: recordings, workingDirectory: cwd,
            readSecret: { prompt in promptsForSecrets ? Terminal.readSecret(prompt: prompt) : nil },
            progress: { text in if showProgress { Terminal.control("\r\u{1B}[K", to: STDERR_FILENO); Terminal.err(text) } },
            history: { historyBox.lines })
    }

    func start() -> Int32 {
        if interactive {
            history = StateFolders.historyFile(Terminal.environment).map(HistoryStore.init(url:))
        }
        let shell = Shell(environment: makeEnvironment(), jsonByDefault: options.json)
        self.shell = shell
        runner.run { [options] in await shell.configureHistory(file: options.observations, disabled: options.noObservations) }
        Terminal.onInterrupt { [runner, interactive] in
            if !runner.interrupt() && !interactive { Terminal.exit(130) }
        }
        let opening = runner.run { [options] in
            await shell.start(replay: options.replay, record: options.record, recordMode: options.recordMode,
                              profile: options.profile ?? Terminal.variable("VITALLY_PROFILE").flatMap { $0.isEmpty ? nil : $0 })
        }
        secrets = runner.run { await shell.secrets }
        for note in runner.run({ await shell.takeStartupNotes() }) {
            Terminal.err("warning: " + LineRedactor.redactUserinfo(Redactor.scrub(note, secrets: secrets)) + "\n")
        }
        if opening.error != nil {
            report(opening)
            return opening.status.rawValue
        }
        let reader: any LineReader
        if let commands = options.commands {
            reader = FixedReader(lines: [commands])
            jsonLines = REPL.commandCount([commands]) > 1
        } else if let script = options.script {
            guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
                Terminal.err("error: cannot read script \(script)\n")
                return 2
            }
            let lines = text.components(separatedBy: "\n")
            reader = FixedReader(lines: lines)
            jsonLines = REPL.commandCount(lines) > 1
        } else if interactive, let editor = LineEditor(completer: Completer(state: shell.completion), historyLines: history?.lines ?? []) {
            self.editor = editor
            reader = editor
            print(opening)
            banner(shell)
        } else {
            reader = PipeReader()
        }
        let status = loop(shell: shell, reader: reader)
        if let finished = runner.run({ await shell.finish() }) {
            if finished.error != nil {
                report(finished)
                return max(status, finished.status.rawValue)
            }
            // "recording saved: N exchanges in FILE", on stderr so piped output stays the commands'.
            if interactive { Terminal.err(TextRenderer(width: Terminal.size.columns, color: false).render(finished.output, json: false)) }
        }
        return status
    }

    func banner(_ shell: Shell) {
        let (mode, tenant, file) = runner.run { (await shell.mode, await shell.promptLabel, await shell.recordingName) }
        var parts = ["vitally-shell \(VitallyKitVersion.current)", mode.rawValue]
        if !tenant.isEmpty { parts.append(tenant) }
        if let file { parts.append(file) }
        let hint = mode == .offline ? "'connect SUBDOMAIN' or 'replay FILE.har' to start; 'help' lists commands" : "'help' lists commands, TAB completes, Ctrl-D exits"
        Terminal.out(paint(TerminalSanitizer.visible(parts.joined(separator: " · ")), "1") + "  " + paint(hint, "2") + "\n", colours: color)
    }

    func prompt(_ shell: Shell) -> String {
        let (mode, tenant) = runner.run { (await shell.mode, await shell.promptLabel) }
        let inside = mode == .offline ? "" : "[" + (tenant.isEmpty ? "?" : tenant) + " · " + mode.rawValue + "]"
        guard color else { return "vitally\(inside)> " }
        let code = mode == .replay ? "36" : mode == .record ? "31" : "32"
        // \u{1} brackets escape sequences so libedit knows they take no room.
        func escape(_ sgr: String) -> String { "\u{1}\u{1B}[\(sgr)m\u{1}" }
        // Adjacent markers (\u{1}\u{1}) confuse libedit, so each switch is one sequence.
        if inside.isEmpty { return escape("1") + "vitally" + escape("0") + "> " }
        return escape("1") + "vitally" + escape("0;" + code) + inside + escape("0") + "> "
    }

    func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func loop(shell: Shell, reader: any LineReader) -> Int32 {
        var worst: ExitStatus = .ok
        var pending = ""
        while true {
            let promptText = interactive ? (pending.isEmpty ? prompt(shell) : "...> ") : ""
            guard let input = reader.readLine(prompt: promptText) else {
                if interactive { Terminal.out("\n") }
                break
            }
            guard case .line(let text) = input else {
                pending = ""
                continue
            }
            let line = pending.isEmpty ? text : pending + "\n" + text
            if interactive, REPL.isUnterminated(line) {
                pending = line
                continue
            }
            pending = ""
            if interactive { hideTypedToken(line, prompt: promptText) }
            if interactive, let stored = history?.add(line, secrets: secrets) {
                editor?.remember(stored)
            }
            var exit = false
            if interactive { _ = runner.takeInterrupt() }  // a Ctrl-C at the prompt is not for this line
            // One command at a time, each printed as it finishes: a long `-c` streams, memory flat.
            let split = (try? ShellWords.split(line)) ?? []
            let commands = split.isEmpty ? [{ @Sendable in await shell.run(line: line) }]
                : split.map { words in { @Sendable in [await shell.run(command: words)] } }
            for (index, command) in commands.enumerated() {
                let words = index < split.count ? split[index] : []
                let progress = showsProgress(words) ? ProgressLine(shell: shell, words: words) : nil
                let typedAhead = interactive ? Terminal.holdTypedAhead() : nil
                let results = runner.run(command)
                progress?.finish()
                Terminal.restore(typedAhead)
                for result in results {
                    print(result)
                    if result.status.severity > worst.severity { worst = result.status }
                    if result.exitRequested { exit = true }
                }
                if exit || runner.interruptPending { break }
            }
            secrets = runner.run { await shell.secrets }
            if exit { break }
            if !interactive && runner.takeInterrupt() { return 130 }
            _ = runner.takeInterrupt()
        }
        // A person at the prompt saw each error already; leaving the shell is a success.
        return interactive ? 0 : worst.rawValue
    }

    /// Whether this command gets a status line: output to a terminal (at the prompt or `-c`), not
    /// for JSON, not with `TERM=dumb`; never when the output goes to a pipe or file.
    func showsProgress(_ words: [String]) -> Bool {
        Terminal.stdoutIsTTY && !options.json && !words.contains("--json") && Terminal.canShowProgress
    }

    /// A token typed on the line (`connect --token …`) was echoed; redraw that line redacted so
    /// the screen and its scrollback do not keep it.
    func hideTypedToken(_ line: String, prompt: String) {
        let redacted = LineRedactor.redact(line, secrets: secrets)
        guard redacted != line, Terminal.stdoutIsTTY else { return }
        let visiblePrompt = prompt.split(separator: "\u{1}", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
        let rows = (visiblePrompt.count + line.count) / max(1, Terminal.size.columns) + 1
        Terminal.control(String(repeating: "\u{1B}[1A\u{1B}[2K", count: rows) + "\r")
        Terminal.out(visiblePrompt + TerminalSanitizer.visible(redacted) + "\n", colours: color)
    }

    /// How many commands the lines hold (comments and blank lines hold none).
    static func commandCount(_ lines: [String]) -> Int {
        lines.reduce(0) { $0 + ((try? ShellWords.split($1))?.count ?? 1) }
    }

    static func isUnterminated(_ line: String) -> Bool {
        do {
            _ = try ShellWords.split(line)
            return false
        } catch {
            return true
        }
    }

    func print(_ result: CommandResult) {
        let size = Terminal.size
        let text = result.printed(json: result.asJSON, jsonLine: jsonLines, width: size.columns, color: color, secrets: secrets)
        if !(result.output == .empty && !result.asJSON) || result.asJSON && result.output.json != .null {
            let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            // Keys typed ahead are for the next prompt: a pager would read them as its own commands.
            let pages = interactive && Terminal.stdoutIsTTY && lines > size.rows - 2 && !Terminal.hasTypedAhead
            if pages && Terminal.page(text, colours: color && !result.asJSON) {
                // shown by the pager
            } else if !(result.output == .empty) || result.asJSON {
                if printedBefore && !interactive && !result.asJSON { Terminal.out("\n") }
                Terminal.out(text, colours: color && !result.asJSON)
                printedBefore = true
            }
        }
        report(result)
    }

    func report(_ result: CommandResult) {
        for warning in result.warnings {
            Terminal.err((color ? "\u{1B}[33mwarning:\u{1B}[0m " : "warning: ") + TerminalSanitizer.visible(warning) + "\n", colours: color)
        }
        guard let message = result.error else { return }
        func clean(_ text: String) -> String { TerminalSanitizer.visible(LineRedactor.redactUserinfo(Redactor.scrub(text, secrets: secrets))) }
        // One line; what lies behind it only when asked for, and where to ask when there is some.
        let more = result.errorDetail.isEmpty || options.verbose ? "" : " (--verbose for details)"
        Terminal.err((color ? "\u{1B}[31merror:\u{1B}[0m " : "error: ") + clean(message) + more + "\n", colours: color)
        if options.verbose {
            for line in result.errorDetail { Terminal.err("  " + clean(line) + "\n", colours: color) }
        }
    }
}

/// Lets the shell read the history without holding the REPL.
final class HistoryBox: @unchecked Sendable {
    var store: HistoryStore?
    var lines: [String] { store?.lines ?? [] }
}
