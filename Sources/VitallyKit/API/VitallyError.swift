import Foundation

/// A failed call with its context: what was asked, what came back, and why it failed.
/// Its text never holds the token: transports scrub secrets before they build one.
public struct VitallyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The small set of causes the shell turns into advice.
    public enum Code: String, Sendable, Equatable {
        case unauthorized, forbidden, notFound, rateLimited, badRequest, server, unexpectedStatus
        case connection, timeout, cancelled, decoding, readOnly, notRecorded, recording, invalidInput
        /// Valid JSON in a shape the decoder does not know: `cause` says what was expected.
        case unrecognisedShape
    }

    public var code: Code
    public var method: String
    public var path: String
    public var status: Int?
    public var bodyExcerpt: String?
    public var cause: String?
    /// What would help, beyond `cause`; the shell words it with the command or flag to use.
    public var hint: Hint?
    /// Lines behind the one-line message, for whoever asks for more (the closest recorded requests
    /// of a replay miss); never part of `cause` or `description`.
    public var detail: [String] = []

    /// What the user can do about an error, as a value: VitallyKit names no command or flag.
    public enum Hint: Sendable, Equatable {
        /// Correct the saved configuration file by hand (the cause names it), or remove it and save again.
        case editOrForgetConfiguration
        /// Save working credentials again, or forget the saved ones.
        case reconnectOrForget
        /// List the recorded files there are.
        case listRecordings
        /// Allow this many attendees for the run.
        case allowAttendees(Int)
        /// Give fewer attendees: even the most the run can allow is fewer than were given.
        case fewerAttendees
        /// A session's request budget (this many) is spent: start a new session, or allow more.
        case requestBudget(Int)
        /// The scrub map must be a file of its own, never the recording.
        case separateScrubMap
        /// The file given as a scrub map is not one the scrubber wrote.
        case scrubMapExpected
        /// The scrubbed copy needs another output file (the one given is the input).
        case anotherScrubOutput
        /// The scrubbed copy's output exists: allow replacing it, or give another.
        case replaceOrAnotherScrubOutput
    }

    public init(
        _ code: Code, method: String = "GET", path: String = "", status: Int? = nil,
        bodyExcerpt: String? = nil, cause: String? = nil, hint: Hint? = nil
    ) {
        self.code = code
        self.method = method
        self.path = path
        self.status = status
        self.bodyExcerpt = bodyExcerpt
        self.cause = cause
        self.hint = hint
    }

    /// Builds the error for a non-2xx response.
    package static func from(response: HTTPResponse, request: HTTPRequest) -> VitallyError {
        let code: Code
        switch response.status {
        case 400: code = .badRequest
        case 401: code = .unauthorized
        case 403: code = .forbidden
        case 404: code = .notFound
        case 429: code = .rateLimited
        case 500...599: code = .server
        default: code = .unexpectedStatus
        }
        return VitallyError(
            code, method: request.method, path: request.path, status: response.status,
            bodyExcerpt: excerpt(of: response))
    }

    /// The API's own `message` when the body has one, else the first 200 characters.
    static func excerpt(of response: HTTPResponse) -> String? {
        guard !response.body.isEmpty else { return nil }
        if let json = try? JSONParser.parse(response.body), let message = json["message"]?.string {
            return message
        }
        let text = response.bodyText.replacingOccurrences(of: "\n", with: " ")
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    /// A 2xx answer whose JSON has none of the shapes the decoder knows.
    package static func unrecognisedShape(path: String, query: [QueryItem] = [], expected: String) -> VitallyError {
        let request = HTTPRequest(method: "GET", path: path, query: query)
        return VitallyError(.unrecognisedShape, method: "GET", path: request.pathAndQuery, cause: "expected \(expected)")
    }

    public var description: String {
        var parts = ["\(method) \(path)"]
        if let status { parts.append("HTTP \(status)") } else { parts.append(code.rawValue) }
        if let bodyExcerpt, !bodyExcerpt.isEmpty { parts.append(bodyExcerpt) }
        if let cause, !cause.isEmpty { parts.append(cause) }
        return parts.joined(separator: ": ")
    }

    /// A copy with every secret replaced, for errors built from text a server sent back.
    package func scrubbed(_ secrets: [String]) -> VitallyError {
        var copy = self
        copy.path = Redactor.scrub(path, secrets: secrets)
        copy.bodyExcerpt = bodyExcerpt.map { Redactor.scrub($0, secrets: secrets) }
        copy.cause = cause.map { Redactor.scrub($0, secrets: secrets) }
        copy.detail = detail.map { Redactor.scrub($0, secrets: secrets) }
        return copy
    }
}

extension VitallyError: Encodable {
    enum CodingKeys: String, CodingKey { case code, method, path, status, cause }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(method, forKey: .method)
        try container.encode(path, forKey: .path)
        try container.encode(status, forKey: .status)
        try container.encode(cause, forKey: .cause)
    }
}
