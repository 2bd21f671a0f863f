import Foundation
import VitallyKit
import VitallyShell

// Before anything can start a thread: SIGINT is then delivered to a dispatch source only.
Terminal.blockInterrupts()

do {
    switch try LaunchOptions.parse(Array(CommandLine.arguments.dropFirst())) {
    case .help: Terminal.out(LaunchOptions.helpText())
    case .version: Terminal.out(VitallyKitVersion.current + "\n")
    case .run(let options): Terminal.exit(REPL(options: options).start())
    }
    Terminal.exit(0)
} catch {
    Terminal.err("error: " + error.message + "\n")
    Terminal.exit(2)
}
