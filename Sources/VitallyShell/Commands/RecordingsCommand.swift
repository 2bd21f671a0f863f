import Foundation
import VitallyKit

/// `recordings`: the recordings in the folder; `show` the exchanges of one or one in full;
/// `scrub` a copy safe to share; `diff` what changed between two.
struct RecordingsCommand: ShellCommand {
    static let spec = CommandSpec(
        "recordings", group: .recordings, rank: 3,
        summary: "list recordings; show one exchange; scrub a copy safe to share; diff two sessions",
        subcommands: [Show.self, Scrub.self, Diff.self], impliedSubcommand: Show.self, argument: .harFile,
        example: "recordings scrub acme-ticket.har --salt team-secret-0123456")

    /// `recordings`: the recordings in the folder.
    static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult {
        let directory = shell.environment.recordingsDirectory
        let names = Shell.harFiles(in: directory)
        shell.completion.setRecordings(names)
        return try CommandResult(RecordingListing(directory: directory, names: names), renderedBy: RecordingListRenderer(directory: directory))
    }
}
