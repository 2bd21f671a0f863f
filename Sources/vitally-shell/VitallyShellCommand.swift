import ArgumentParser
import Foundation
import VitallyKit
import VitallyShell

extension RecordMode: ExpressibleByArgument {}

/// `vitally-shell`: the start-up flags of the command contract in DESIGN.md.
struct VitallyShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vitally-shell",
        abstract: "A read-only shell for Vitally: explore accounts, match attendees, brief, diagnose; record and replay.",
        discussion: """
            Credentials: 'connect' inside the shell, or VITALLY_SUBDOMAIN, VITALLY_TOKEN, VITALLY_REGION (us|eu) and \
            VITALLY_BASE_URL (a proxy or vitally-sim). Commands come from the terminal, -c, --script, or a pipe.
            """,
        version: VitallyKitVersion.current)

    @Option(help: "Answer from this HAR recording, with no network.") var replay: String?
    @Option(help: "Record every response into this HAR file (under recordings/ for a bare name).") var record: String?
    @Option(name: .customLong("record-mode"), help: "all: a new recording; missing: replay the file, record what it lacks.")
    var recordMode: RecordMode = .all
    @Option(name: .customShort("c"), help: "Commands to run, separated by ';'; then exit.") var commands: String?
    @Option(help: "Run the commands in this file, one per line ('#' starts a comment); then exit.") var script: String?
    @Option(help: "Account history from this SQLite file (made by 'history import'); the only history replay reads.")
    var history: String?
    @Flag(name: .customLong("no-history"), help: "Neither read nor write the local account history.") var noHistory = false
    @Flag(help: "Print JSON for every command.") var json = false
    @Flag(name: .customLong("no-color"), help: "Never colour the output.") var noColor = false
    @Flag(name: [.customShort("i"), .long], help: "Use the line editor even when stdin or stdout is not a terminal.")
    var interactive = false

    func validate() throws {
        if replay != nil && record != nil {
            throw ValidationError("--replay and --record cannot be combined; use --record FILE --record-mode missing to replay and add to a file")
        }
        if commands != nil && script != nil { throw ValidationError("-c and --script cannot be combined") }
    }

    func run() throws {
        let session = REPL(options: self)
        let status = session.start()
        if status != 0 { throw ExitCode(status) }
    }
}
