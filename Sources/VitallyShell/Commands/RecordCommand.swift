import Foundation
import VitallyKit

/// `record FILE` starts recording every response into a HAR file; `record stop` ends it.
struct RecordCommand: ShellCommand {
    static let spec = CommandSpec(
        "record", group: .recordings, rank: 1, summary: "record every response from now on into a HAR file", synopsis: "FILE.har",
        subcommands: [Stop.self], argument: .harFile, arguments: 1...1, example: "record acme-ticket-4411.har")

    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        await shell.startRecording(command.arguments[0])
    }

    /// `record stop`: closes the recording and goes back to live.
    struct Stop: ShellSubcommand {
        static let spec = SubcommandSpec("stop", summary: "end the recording and go back to live")

        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
            guard shell.connection.mode == .record, let credentials = shell.connection.credentials else {
                return .failure("not recording (see 'status')", status: .usage)
            }
            let file = shell.connection.recordingURL?.lastPathComponent
            // --record-mode complete: the lists being read in the background are read to their end first.
            await shell.waitForListCompletion()
            let completion = await shell.connection.completer?.progress
            let count = await shell.connection.recorder?.count ?? 0
            let stop = await shell.connection.recorder?.stopped
            do {
                try await shell.connection.recorder?.close()
                shell.connection = try .live(credentials, cacheDirectory: shell.environment.cacheDirectory, clock: shell.environment.clock)
            } catch {
                return .failure(shell.advice(error))
            }
            let stopped = RecordingStopped(file: file, exchanges: count, stoppedEarly: stop?.reason, listCompletion: completion)
            return try CommandResult(stopped, renderedBy: RecordStopRenderer())
        }
    }
}
