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

    static func exchangeTable(_ recording: HARRecording) -> ShellOutput {
        let sizes = recording.exchanges.map(\.body.count)  // a replayed body is decoded on each read
        let rows: [[Span]] = recording.exchanges.enumerated().map { index, exchange in
            let status = exchange.error != nil ? Span("error", .bad) : Span(String(exchange.status), exchange.status >= 400 ? .bad : .plain)
            return [Span(String(index + 1), .dim), Span(exchange.method), Span(HTTPRequest(path: exchange.path, query: Redactor.credentialsHidden(exchange.query)).pathAndQuery),
                    status, Span(String(sizes[index])), Span(String(format: "%.0f", exchange.timeMilliseconds))]
        }
        let json: JSONValue = .array(zip(recording.exchanges, sizes).map { e, size in
            ["method": .string(e.method), "path": .string(e.path), "query": .string(HTTPRequest(path: "", query: Redactor.credentialsHidden(e.query)).pathAndQuery),
             "status": .number(Double(e.status)), "bytes": .number(Double(size)), "ms": .number(e.timeMilliseconds),
             "error": JSONValue(e.error)]
        })
        return ShellOutput(
            blocks: [.text("\(recording.url.lastPathComponent): \(recording.exchanges.count) exchanges"),
                     .table(Table(columns: ["#", "METHOD", "PATH", "STATUS", "BYTES", "MS"], rows: rows, flexible: [2]))],
            json: json)
    }
}
