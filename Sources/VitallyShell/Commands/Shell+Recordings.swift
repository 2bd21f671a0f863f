import Foundation
import VitallyKit

extension Shell {
    func record(_ command: ParsedCommand) async -> CommandResult {
        if command.subcommand == "stop" {
            guard connection.mode == .record, let credentials = connection.credentials else {
                return .failure("not recording (see 'status')", status: .usage)
            }
            let file = connection.recordingURL?.lastPathComponent ?? "the recording"
            let count = await connection.recorder?.count ?? 0
            do {
                connection = try .live(credentials, cacheDirectory: environment.cacheDirectory)
            } catch {
                return .failure(advice(error))
            }
            return CommandResult(output: ShellOutput(
                blocks: [.text("Stopped recording: \(count) exchanges in \(file). Back to live.")],
                json: ["stopped": true, "exchanges": .number(Double(count))]))
        }
        return await startRecording(command.arguments[0])
    }

    func startRecording(_ name: String) async -> CommandResult {
        guard let credentials = connection.credentials ?? savedCredentials() else {
            return .failure("recording needs a live tenant: run 'connect SUBDOMAIN' first (a replay cannot be recorded)")
        }
        let url = recordingURL(name)
        if FileManager.default.fileExists(atPath: url.path) {
            return .failure(
                "\(url.path) already exists and would be overwritten; pick another name, delete it, or start with "
                    + "'--record \(name) --record-mode missing' to add what it lacks")
        }
        do {
            connection = try await .record(credentials, to: url, existing: nil, now: environment.clock())
        } catch let error as VitallyError {
            return .failure(advice(error))
        } catch {
            return .failure("cannot record to \(url.path): \(error)")
        }
        completion.setRecordings(Shell.harFiles(in: environment.recordingsDirectory))
        return CommandResult(output: ShellOutput(
            blocks: [.text("Recording every response to \(url.path) (the token is redacted). 'record stop' ends it.")],
            json: ["recording": .string(url.path)]))
    }

    func openReplay(_ name: String, recordMissing: Bool) async -> CommandResult {
        let url = recordingURL(name)
        let recording: HARRecording
        do {
            recording = try HARReader.load(url)
        } catch {
            if recordMissing, error.code == .recording, !FileManager.default.fileExists(atPath: url.path) {
                return await startRecording(name)
            }
            return .failure(error.cause ?? error.description)
        }
        var credentials: Credentials?
        if recordMissing {
            guard let live = connection.credentials ?? savedCredentials() else {
                return .failure("--record-mode missing needs a live tenant for what the recording lacks: set VITALLY_TOKEN and VITALLY_SUBDOMAIN")
            }
            credentials = live
        }
        let hint = "vitally-shell --record \(ShellWords.quote(name)) --record-mode missing (with VITALLY_SUBDOMAIN and VITALLY_TOKEN set)"
        do {
            connection = try await .replay(recording, missingFrom: credentials, hint: hint)
        } catch let error as VitallyError {
            return .failure(advice(error))
        } catch {
            return .failure("cannot replay \(url.path): \(error)")
        }
        completion.harvest(recording)
        let when = recording.info.map { VitallyDate.format($0.recordedAt) } ?? "an unknown time"
        let text = "Replaying \(url.lastPathComponent): \(recording.exchanges.count) exchanges recorded \(when)"
            + (recording.info?.subdomain.map { " for \($0)" } ?? "")
            + (recordMissing ? "; what it lacks is fetched live and appended." : "; no network.")
        return CommandResult(output: ShellOutput(
            blocks: [.text(text)],
            json: ["replaying": .string(url.path), "exchanges": .number(Double(recording.exchanges.count))]))
    }

    func recordings(_ command: ParsedCommand) -> CommandResult {
        if command.subcommand == "show" || !command.arguments.isEmpty {
            guard let name = command.arguments.first else { return .failure("usage: recordings show FILE.har", status: .usage) }
            do {
                let recording = try HARReader.load(recordingURL(name))
                return CommandResult(output: exchangeTable(recording))
            } catch {
                return .failure(error.cause ?? error.description)
            }
        }
        let directory = environment.recordingsDirectory
        let names = Shell.harFiles(in: directory)
        completion.setRecordings(names)
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

    func exchangeTable(_ recording: HARRecording) -> ShellOutput {
        let rows: [[Span]] = recording.exchanges.enumerated().map { index, exchange in
            let status = exchange.error != nil ? Span("error", .bad) : Span(String(exchange.status), exchange.status >= 400 ? .bad : .plain)
            return [Span(String(index + 1), .dim), Span(exchange.method), Span(HTTPRequest(path: exchange.path, query: exchange.query).pathAndQuery),
                    status, Span(String(exchange.body.count)), Span(String(format: "%.0f", exchange.timeMilliseconds))]
        }
        let json: JSONValue = .array(recording.exchanges.map { e in
            ["method": .string(e.method), "path": .string(e.path), "query": .string(HTTPRequest(path: "", query: e.query).pathAndQuery),
             "status": .number(Double(e.status)), "bytes": .number(Double(e.body.count)), "ms": .number(e.timeMilliseconds),
             "error": JSONValue(e.error)]
        })
        return ShellOutput(
            blocks: [.text("\(recording.url.lastPathComponent): \(recording.exchanges.count) exchanges"),
                     .table(Table(columns: ["#", "METHOD", "PATH", "STATUS", "BYTES", "MS"], rows: rows, flexible: [2]))],
            json: json)
    }
}
