import ArgumentParser
import Foundation

// Before anything can start a thread: SIGINT is then delivered to a dispatch source only.
Terminal.blockInterrupts()

do {
    var command = try VitallyShellCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Terminal.exit(exit.rawValue)
} catch {
    let code = VitallyShellCommand.exitCode(for: error)
    let message = VitallyShellCommand.fullMessage(for: error)
    if code == .success {
        Terminal.out(message + "\n")
        Terminal.exit(0)
    }
    Terminal.err("error: " + message.replacingOccurrences(of: "Error: ", with: "") + "\n")
    Terminal.exit(2)
}
