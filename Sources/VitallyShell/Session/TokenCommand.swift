import Foundation
import VitallyKit

/// Runs a profile's token command (`pass show vitally/acme`, like the AWS CLI's
/// `credential_process` or a git credential helper) and takes the first line it prints as the token.
///
/// The command runs with `/bin/sh -c`, stdin from /dev/null (it must not read the shell's
/// input), and at most `timeoutSeconds`. Its output is never shown; a failure says its exit
/// status and the first line of its stderr.
enum TokenCommand {
    static let timeoutSeconds = 30.0

    static func run(_ command: String, in directory: URL) async throws(VitallyError) -> String {
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            DispatchQueue.global().async { continuation.resume(returning: runBlocking(command, in: directory)) }
        }
        func failure(_ why: String) -> VitallyError {
            VitallyError(.invalidInput, cause: "the token command failed (\(why)); run it yourself to see why, or connect with --token")
        }
        switch outcome {
        case .couldNotStart(let why): throw failure("it could not start: \(why)")
        case .timedOut: throw failure("it did not finish within \(Int(timeoutSeconds)) s")
        case .finished(let status, let out, let err):
            let firstError = err.split(whereSeparator: \.isNewline).first.map { TerminalSanitizer.visible(String($0.prefix(160))) }
            guard status == 0 else { throw failure("exit status \(status)" + (firstError.map { ": \($0)" } ?? "")) }
            guard let line = out.split(whereSeparator: \.isNewline).first(where: { !TokenInput.strip(String($0)).isEmpty }) else {
                throw failure("exit status 0, but it printed no token")
            }
            return String(line)
        }
    }

    enum Outcome: Sendable {
        case finished(status: Int32, out: String, err: String)
        case couldNotStart(String)
        case timedOut
    }

    /// Runs `command` to its end or `timeout`; on timeout its whole process group is ended, so a
    /// child it started (`sleep 100; echo …`) cannot keep the output pipe open and hang the shell.
    static func runBlocking(_ command: String, in directory: URL, timeout: Double = timeoutSeconds) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .couldNotStart(error.localizedDescription) }
        let pid = process.processIdentifier
        let timer = DispatchWorkItem {
            guard process.isRunning else { return }
            // Foundation starts the child as its own process group's leader; end the group, not just /bin/sh.
            if getpgid(pid) == pid { kill(-pid, SIGTERM) } else { process.terminate() }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let output = ChildOutput.collect(process, out: out, err: err)
        timer.cancel()
        if process.terminationReason == .uncaughtSignal, process.terminationStatus == SIGTERM { return .timedOut }
        return .finished(status: process.terminationStatus, out: output.out, err: output.err)
    }
}
