import Foundation

/// The lists a brief reads per account (and per organization), by what they hold.
public enum BriefList: String, Sendable, CaseIterable {
    case healthScores = "health scores"
    case users, notes, tasks, conversations
    case npsResponses = "NPS responses"
    case projects, meetings
}

/// How one list of a brief came back: what was read, and why it may be short or empty.
/// A value, so renderers word it and tests compare it.
public enum ListOutcome: Sendable, Equatable {
    /// Every item was read (`count` may be 0: the request returned no items).
    case complete(count: Int)
    /// Only the newest page was read: `read` items of at least `atLeast` (the server had more).
    case capped(read: Int, atLeast: Int)
    /// Vitally refused the request (403).
    case forbidden(request: String)
    /// The answer was JSON in a shape the decoder does not know.
    case unrecognisedShape(request: String)
    /// Any other failure (404, 400, 5xx) with its status or code.
    case failed(request: String, status: String)
    /// Not requested: the brief covers more accounts than it reads lists for.
    case notFetched(cap: Int)

    /// Read from an error a list request threw.
    public init(_ error: VitallyError) {
        switch error.code {
        case .forbidden: self = .forbidden(request: "GET " + error.path)
        case .unrecognisedShape: self = .unrecognisedShape(request: "GET " + error.path)
        default: self = .failed(request: "GET " + error.path, status: error.status.map { "HTTP \($0)" } ?? error.code.rawValue)
        }
    }

    /// True when the list holds nothing because of how it was read, not because Vitally has nothing.
    public var isGap: Bool {
        switch self {
        case .complete, .capped: return false
        case .forbidden, .unrecognisedShape, .failed, .notFetched: return true
        }
    }
}

/// What a task list did with `status=open`, which no public source documents.
public enum OpenFilter: String, Sendable, Equatable {
    /// Only open tasks came back.
    case honoured
    /// Finished tasks came back too: the newest tasks were read, open or not.
    case ignored
    /// Vitally answered 400: the newest tasks were read without it.
    case refused
}

/// One list's outcome, at the account or at its organization.
public struct ListReport: Sendable, Equatable {
    public var list: BriefList
    public var owner: ListOwner
    public var outcome: ListOutcome
    /// For tasks: how the open-first request was answered.
    public var openFilter: OpenFilter?

    public init(list: BriefList, owner: ListOwner, outcome: ListOutcome, openFilter: OpenFilter? = nil) {
        self.list = list
        self.owner = owner
        self.outcome = outcome
        self.openFilter = openFilter
    }
}
