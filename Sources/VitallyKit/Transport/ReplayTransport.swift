import Foundation
import Synchronization

/// Answers from a recording and never touches the network. In `missing` mode, requests the
/// recording lacks go to a fallback transport (a recording one, which appends them).
public final class ReplayTransport: HTTPTransport {
    public let recording: HARRecording
    private let index: Mutex<ReplayIndex>
    /// What the recording can answer, read once on first use (see `recordingAnswers`).
    private let answers = Mutex<RecordingAnswers?>(nil)
    private let fallback: (any HTTPTransport)?
    /// Shown in a miss message: the command that would record what is missing.
    private let recordHint: String

    public init(recording: HARRecording, fallback: (any HTTPTransport)? = nil, recordHint: String) {
        self.recording = recording
        self.index = Mutex(ReplayIndex(recording.exchanges))
        self.fallback = fallback
        self.recordHint = recordHint
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try ReadOnlyGuard.check(request)
        let found = index.withLock { $0.next(for: request) }
        guard let exchange = found else {
            if let fallback { return try await fallback.send(request) }
            throw miss(request)
        }
        if let error = exchange.error {
            throw VitallyError(
                exchange.errorCode ?? .connection, method: request.method, path: request.path, cause: error + " (replayed)")
        }
        return exchange.response
    }

    public var unusedCount: Int { index.withLock { $0.unusedCount } }

    /// The marker before the command that records what a replay lacks, in a miss's cause.
    package static let recordMarker = "to record it: "

    /// One line (what is missing, and the command that records it); the closest recorded
    /// requests, with how each differs, go in `detail`.
    func miss(_ request: HTTPRequest) -> VitallyError {
        let file = recording.url.lastPathComponent
        let candidates = index.withLock { $0.closest(to: request) }
        let text = "\(request.summary) is not in \(file)" + (candidates.isEmpty ? " (it has no requests)" : "")
            + "; " + Self.recordMarker + recordHint
        var error = VitallyError(.notRecorded, method: request.method, path: request.path, cause: text)
        let closest = candidates.enumerated().map { number, candidate in
            "  \(number + 1)) \(candidate.summary)"
                + (candidate.differences.isEmpty ? "" : "   differs: " + candidate.differences.joined(separator: "; "))
        }
        if !candidates.isEmpty { error.detail = ["closest recorded:"] + closest }
        // An ACCOUNT argument is first asked as an id: when it names a recorded account, say which.
        if let typed = Self.accountID(asked: request), let account = suggestion(for: typed) {
            // The word to type: one the recording answers (a one-word name is asked as an id, so
            // `Oscorp` itself may not be one), else a domain or externalId to name the account by.
            let answering = account.words.first { $0.caseInsensitiveCompare(typed) != .orderedSame }
            let other = (account.domains + [account.externalId].compactMap { $0 }).first { $0 != account.name }
            error.cause = "no recorded answer for '\(typed)' in \(file); did you mean \(account.name)"
                + (answering.map { "? type '\($0)'" }
                    ?? (other.map { " (\($0))" } ?? "") + "? it has no recorded answer either")
            error.detail = ["\(request.summary) is not in \(file); \(Self.recordMarker)\(recordHint)"]
                + (account.commands.isEmpty ? ["\(account.name) has no recorded answer either (no command's requests about it were recorded)"]
                    : ["\(account.name) answers as: " + account.words.joined(separator: ", ")
                        + " (" + account.commands.joined(separator: ", ") + ")"])
                + (candidates.isEmpty ? [] : ["closest recorded:"] + closest)
        }
        return error
    }

    /// The id asked for by `GET /resources/accounts/ID` (no query), decoded; nil for other requests.
    static func accountID(asked request: HTTPRequest) -> String? {
        guard request.method.uppercased() == "GET", request.query.isEmpty,
            case .object(let resource, let id) = RecordedTenant.route(request.path), resource == "accounts"
        else { return nil }
        return id
    }

    /// What the recording can answer, read on first use (a miss that may name an account, or
    /// TAB in the shell) and shared by both.
    package var recordingAnswers: RecordingAnswers {
        answers.withLock { answers in
            if let answers { return answers }
            let read = RecordingAnswers(recording.exchanges)
            answers = read
            return read
        }
    }

    /// The recorded account most like `typed`, unless `typed` is that account's own id.
    private func suggestion(for typed: String) -> RecordingAnswers.AccountAnswer? {
        recordingAnswers.suggestion(for: typed)
    }
}
