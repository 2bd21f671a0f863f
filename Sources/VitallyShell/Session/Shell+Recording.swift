import Foundation
import VitallyKit

extension Shell {
    /// Waits for `--record-mode complete`'s background reading before the recording closes, saying
    /// so on a terminal; Ctrl-C stops the reading (what was read stays).
    func waitForListCompletion() async {
        guard let completer = connection.completer, await completer.isReading else { return }
        let progress = await completer.progress
        let left = max(progress.lists - progress.finished, 1)
        environment.progress("reading the rest of \(left) partly read list\(left == 1 ? "" : "s") into the recording… (Ctrl-C stops; what was read stays)")
        await completer.waitUntilDone()
        environment.progress("")
    }

    func startRecording(_ name: String, completeLists: Bool = false) async -> CommandResult {
        var saved: Credentials?
        if connection.credentials == nil { saved = await savedCredentials() }
        guard let credentials = connection.credentials ?? saved else {
            return .failure("recording needs a live tenant: run 'connect SUBDOMAIN' first (a replay cannot be recorded)")
        }
        let url = recordingURL(name)
        if FileManager.default.fileExists(atPath: url.path) {
            return .failure(
                "\(url.path) already exists and would be overwritten; pick another name, delete it, or start with "
                    + "'--record \(name) --record-mode missing' to add what it lacks")
        }
        do {
            connection = try await .record(credentials, to: url, existing: nil, now: environment.clock(), completeLists: completeLists)
        } catch let error as VitallyError {
            return .failure(advice(error))
        } catch {
            return .failure("cannot record to \(url.path): \(error)")
        }
        completion.setRecordings(Shell.harFiles(in: environment.recordingsDirectory))
        return CommandResult(output: ShellOutput(
            blocks: [.text("Recording every response to \(url.path) (the token is redacted). 'record stop' ends it."
                + (completeLists ? " Lists read only partly are read to their end in the background ('status' shows how far)." : ""))],
            json: ["recording": .string(url.path)]))
    }

    /// Opens a recording; its warnings (skipped entries, a cut tail) go to the start-up notes when
    /// `atStart`, else into the result.
    func openReplay(_ name: String, recordMissing: Bool, atStart: Bool = false) async -> CommandResult {
        let url = recordingURL(name)
        let recording: HARRecording
        do {
            recording = try HARReader.load(url)
        } catch {
            if recordMissing, error.code == .recording, !FileManager.default.fileExists(atPath: url.path) {
                return await startRecording(name)
            }
            return .failure(ErrorAdvice.message(error))
        }
        var credentials: Credentials?
        if recordMissing {
            var saved: Credentials?
            if connection.credentials == nil { saved = await savedCredentials() }
            guard let live = connection.credentials ?? saved else {
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
        if atStart { startupNotes += recording.warnings }
        let warnings: [OutputBlock] = atStart ? [] : recording.warnings.map { .text("warning: " + $0, .warn) }
        return CommandResult(output: ShellOutput(
            blocks: warnings + [.text(text)],
            json: ["replaying": .string(url.path), "exchanges": .number(Double(recording.exchanges.count))]))
    }

    /// The one notice that a recording stopped: what failed, what the file keeps, what goes on.
    func recordingStopNotice(_ stop: RecordingStop) -> String {
        let file = connection.recordingURL?.lastPathComponent ?? "the recording"
        return "recording stopped: \(stop.request) could not be written to \(file) (\(stop.reason)); it keeps the "
            + "\(stop.exchanges) exchange\(stop.exchanges == 1 ? "" : "s") before, and answers go on unrecorded ('status' shows it)"
    }

    /// A bare name goes under `recordings/`; a path is used as given; `.har` is added when missing.
    func recordingURL(_ name: String) -> URL {
        var file = name
        let given = name.hasPrefix("/") ? name : environment.workingDirectory.appendingPathComponent(name).path
        let exists = name.contains("/") && FileManager.default.fileExists(atPath: given)
        let base = file.split(separator: "/").last.map(String.init) ?? ""
        if !exists, !base.isEmpty, !file.lowercased().hasSuffix(".har"), !base.contains(".") { file += ".har" }
        if file.contains("/") {
            return file.hasPrefix("/")
                ? URL(fileURLWithPath: file) : environment.workingDirectory.appendingPathComponent(file)
        }
        return environment.recordingsDirectory.appendingPathComponent(file)
    }

    static func harFiles(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.lowercased().hasSuffix(".har") }.sorted()
    }
}
