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
        var rows: [[Span]] = []
        var json: [JSONValue] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            if let recording = try? HARReader.load(url) {
                let when = recording.info.map { VitallyDate.format($0.recordedAt) } ?? recording.exchanges.first.map { VitallyDate.format($0.startedAt) } ?? "—"
                rows.append([Span(name), Span(String(recording.exchanges.count)), Span(when), Span(recording.info?.subdomain ?? "—"), Span(Format.bytes(size))])
                json.append(["file": .string(name), "entries": .number(Double(recording.exchanges.count)), "recordedAt": .string(when),
                             "subdomain": JSONValue(recording.info?.subdomain), "bytes": .number(Double(size))])
            } else {
                rows.append([Span(name), Span("—"), Span("unreadable", .bad), Span("—"), Span(Format.bytes(size))])
                json.append(["file": .string(name), "error": "unreadable", "bytes": .number(Double(size))])
            }
        }
        let blocks: [OutputBlock] =
            rows.isEmpty
            ? [.text("No .har files in \(directory.path).", .dim)]
            : [.table(Table(columns: ["FILE", "ENTRIES", "RECORDED AT", "SUBDOMAIN", "SIZE"], rows: rows, flexible: [0]))]
        return CommandResult(output: ShellOutput(blocks: blocks, json: .array(json)))
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
