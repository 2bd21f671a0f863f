import Foundation
import VitallyKit
import VitallyShell

// Before anything can start a thread: SIGINT is then delivered to a dispatch source only.
Terminal.blockInterrupts()

/// The session lives as long as the process: exit frees its memory faster than deinitializers would.
nonisolated(unsafe) var session: REPL?

do {
    if CommandLine.arguments.dropFirst().first == "mcp" {
        let launch = try MCPLaunch.parse(Array(CommandLine.arguments.dropFirst(2)))
        for note in launch.options.notes { Terminal.err(note + "\n") }
        Terminal.exit(MCPStdio.run(launch))
    }
    switch try LaunchOptions.parse(Array(CommandLine.arguments.dropFirst())) {
    case .help: Terminal.out(LaunchOptions.helpText())
    case .version: Terminal.out(VitallyKitVersion.current + "\n")
    case .run(let options):
        for note in options.notes { Terminal.err(note + "\n") }
        session = REPL(options: options)
        Terminal.exit(session?.start() ?? 1)
    }
    Terminal.exit(0)
} catch {
    Terminal.err("error: " + error.message + "\n")
    Terminal.exit(2)
}
