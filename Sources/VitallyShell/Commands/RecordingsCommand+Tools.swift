import Foundation
import VitallyKit

/// `recordings show | scrub | diff`: one exchange in full, a copy safe to share, what changed.
extension RecordingsCommand {
    /// `recordings show FILE.har [N]` (or `recordings FILE.har [N]`): the exchanges, or one in full.
    struct Show: ShellSubcommand {
        static let path = Option<String>("--path", value: "P", help: "only exchanges under this path (/resources/notes)")
        static let coverage = Flag("--coverage", help: "per resource and scope, the items held and whether the list was read to its end")
        static let answers = Flag("--answers", help: "the accounts and attendee emails a replay answers, and with which commands")
        static let spec = SubcommandSpec(
            "show", summary: "a recording's exchanges, or exchange N in full", synopsis: "FILE.har [N]", arguments: 1...2,
            flags: [
                path,
                coverage,
                answers,
            ])

        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult { try show(command, in: shell) }
    }

    /// `recordings scrub IN.har [OUT.har]`: a copy safe to share.
    struct Scrub: ShellSubcommand {
        static let salt = Option<String>("--salt", value: "S", secret: true, help: "same salt, same pseudonyms in every file")
        static let domains = Flag("--domains", help: "pseudonymise domains too (acme.com -> org-7f3a9c1b2e4d.example)")
        static let accounts = Flag("--accounts", help: "pseudonymise account names too")
        static let map = Option<String>("--map", value: "FILE", help: "write the original -> pseudonym map here (0600)")
        static let force = Flag("--force", help: "replace an existing OUT.har")
        static let explain = Flag("--explain", help: "print the safe list (what a scrub keeps as it is)")
        static let spec = SubcommandSpec(
            "scrub", summary: "a copy safe to share: names, emails and free text pseudonymised", synopsis: "IN.har [OUT.har]",
            arguments: 0...2,
            flags: [
                salt,
                domains,
                accounts,
                map,
                force,
                explain,
            ])

        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult { try scrub(command, in: shell) }
    }

    /// `recordings diff A.har B.har`: what a replay of each would serve differently.
    struct Diff: ShellSubcommand {
        static let account = Option<String>("--account", value: "ACCOUNT", completion: .account, help: "only what concerns this account (id, externalId or name)")
        static let spec = SubcommandSpec(
            "diff", summary: "what a replay of each would serve differently, grouped by field, largest first (exit 0 same, 1 different, 2 error)",
            synopsis: "A.har B.har", arguments: 2...2,
            flags: [
                account,
            ])

        static func run(_ command: ParsedCommand, in shell: isolated Shell) async throws -> CommandResult { try diff(command, in: shell) }
    }

    static func show(_ command: ParsedCommand, in shell: isolated Shell) throws -> CommandResult {
        guard let name = command.arguments.first else {
            return .failure("usage: \(spec.usage(of: "show"))", status: .usage)
        }
        let recording: HARRecording
        do {
            recording = try HARReader.load(shell.recordingURL(name))
        } catch {
            return .failure(ErrorAdvice.message(error))
        }
        if command.options[Show.answers] {
            var result = try CommandResult(RecordingAnswersReport(recording), renderedBy: RecordingAnswersRenderer())
            result.warnings = recording.warnings
            return result
        }
        if command.options[Show.coverage] {
            // A file cut short holds less than it seems to: say so beside the table.
            var result = try CommandResult(RecordingCoverage(recording), renderedBy: RecordingCoverageRenderer())
            result.warnings = recording.warnings
            return result
        }
        let numbered = Array(recording.exchanges.enumerated()).map { (number: $0.offset + 1, exchange: $0.element) }
        let filter = command.options[Show.path]
        let chosen = filter.map { path in numbered.filter { RecordingTools.path($0.exchange.path, matches: path) } } ?? numbered
        if filter != nil, chosen.isEmpty {
            let paths = Set(recording.exchanges.map(\.path)).sorted().prefix(5).joined(separator: ", ")
            return .failure("no exchange in \(recording.url.lastPathComponent) has a path like \(filter ?? ""); some it has: \(paths)")
        }
        guard command.arguments.count > 1 else {
            let table = RecordedExchangeTable(file: recording.url.lastPathComponent, filter: filter, chosen: chosen)
            var result = try CommandResult(table, renderedBy: RecordedExchangeTableRenderer())
            if filter == nil { result.warnings = recording.warnings }
            return result
        }
        let text = command.arguments[1]
        guard let number = Int(text), number >= 1 else {
            return .failure("N is an exchange number from 'recordings show \(name)', not '\(text)'", status: .usage)
        }
        guard let exchange = recording.exchanges.indices.contains(number - 1) ? recording.exchanges[number - 1] : nil else {
            return .failure("\(recording.url.lastPathComponent) has \(recording.exchanges.count) exchanges; there is no number \(number)")
        }
        if let filter, !RecordingTools.path(exchange.path, matches: filter) {
            return .failure("exchange \(number) is \(exchange.summary), not under \(filter)")
        }
        return try CommandResult(RecordedExchangeDetail(exchange, number: number), renderedBy: RecordedExchangeDetailRenderer())
    }

    static func scrub(_ command: ParsedCommand, in shell: isolated Shell) throws -> CommandResult {
        if command.options[Scrub.explain] {
            return try CommandResult(ScrubSafeList.explanation, renderedBy: ScrubExplanationRenderer())
        }
        guard let name = command.arguments.first else {
            return .failure("usage: \(spec.usage(of: "scrub"))", status: .usage)
        }
        let input = shell.recordingURL(name)
        let output: URL
        if command.arguments.count > 1 {
            output = shell.recordingURL(command.arguments[1])
        } else {
            let base = input.deletingPathExtension().lastPathComponent
            output = input.deletingLastPathComponent().appendingPathComponent("\(base)-scrubbed.har")
        }
        let salt = command.options[Scrub.salt]
        if let salt, salt.count < ScrubOptions.minimumSaltLength {
            return .failure("--salt needs at least \(ScrubOptions.minimumSaltLength) characters (pseudonyms from a short salt can be "
                            + "turned back by brute force); give a longer one, or none for a random salt", status: .usage)
        }
        let options = ScrubOptions(
            salt: salt ?? ScrubOptions.randomSalt(), domains: command.options[Scrub.domains], accounts: command.options[Scrub.accounts])
        let mapURL = command.options[Scrub.map].map { URL(fileURLWithPath: $0, relativeTo: shell.environment.workingDirectory).standardizedFileURL }
        let report: ScrubReport
        do {
            report = try RecordingScrubber.scrub(input, to: output, options: options, mapURL: mapURL, force: command.options[Scrub.force])
        } catch {
            return .failure(ErrorAdvice.message(error))
        }
        shell.completion.setRecordings(Shell.harFiles(in: shell.environment.recordingsDirectory))
        return try CommandResult(ScrubResult(report, mapPath: mapURL?.path, randomSalt: salt == nil), renderedBy: ScrubRenderer())
    }

    static func diff(_ command: ParsedCommand, in shell: isolated Shell) throws -> CommandResult {
        guard command.arguments.count == 2 else { return .failure("usage: \(spec.usage(of: "diff"))", status: .usage) }
        // Like diff(1): 0 when the same, 1 when different, 2 when it could not compare.
        let diff: RecordingDiff
        let first = shell.recordingURL(command.arguments[0])
        let second = shell.recordingURL(command.arguments[1])
        do {
            diff = try RecordingDiff.compare(files: first, second, account: command.options[Diff.account])
        } catch {
            return .failure(ErrorAdvice.message(error), status: .usage)
        }
        let report = RecordingDiffReport(diff, first: first.lastPathComponent, second: second.lastPathComponent)
        var result = try CommandResult(report, renderedBy: RecordingDiffRenderer())
        result.status = diff.isEmpty ? .ok : .failure
        return result
    }
}
