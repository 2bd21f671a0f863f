import Foundation
import Testing

/// VitallyKit's `public` surface is what a third party embedding the client uses: the client, the
/// models, the transports, recordings, the matcher and the brief values. Everything else is `package`
/// (our own targets and tests see it; an embedder does not). This pins the surface by source file and
/// top-level name, so a new public helper fails here instead of leaking.
@Suite struct PublicSurfaceTests {
    /// File (under Sources/VitallyKit) -> the top-level names it may make public. A name counts when
    /// the file declares it `public`, or gives an extension of it `public` members.
    static let allowed: [String: Set<String>] = [
        "API/PageSequence.swift": ["Page", "PageSequence"],
        "API/VitallyClient+CustomObjects.swift": ["CustomObjectInstances", "InstanceCriterion", "VitallyClient"],
        "API/VitallyClient+Endpoints.swift": ["AccountStatus", "ActivityList", "ListFilter", "ListOwner", "UserSearch", "VitallyClient"],
        "API/VitallyClient.swift": ["VitallyClient"],
        "API/VitallyError.swift": ["VitallyError"],
        "Brief/BriefComposer.swift": ["BriefComposer"],
        "Brief/BriefCoverage.swift": ["BriefList", "ListOutcome", "ListReport", "OpenFilter"],
        "Brief/BriefGatherer.swift": ["BriefGatherer"],
        "Brief/BriefModel.swift": ["AccountBrief", "AccountBundle", "AttendeeMatch", "Brief", "BriefSection", "Insight", "Severity"],
        "Config/VitallyEndpoint.swift": ["VitallyEndpoint", "VitallyRegion"],
        "JSON/JSONNumber.swift": ["JSONNumber"],
        "JSON/JSONValue.swift": ["JSONObject", "JSONValue"],
        "JSON/JSONValue+Serialization.swift": ["JSONValue"],
        "Matching/AccountDirectory.swift": ["AccountDirectory"],
        "Matching/AttendeeMatch.swift": ["AttendeeMatch", "LookupFailure", "MatchedAccount"],
        "Matching/AttendeeMatcher.swift": ["AttendeeMatcher"],
        "Matching/Domain.swift": ["Domain"],
        "Matching/RuleTrace.swift": ["MatchRule", "RuleTrace"],
        "Matching/TeamDirectory.swift": ["CustomerEvidence", "DomainHolder", "TeamDirectory", "TeamVerdict"],
        "Models/Account.swift": ["Account", "KeyRole", "Organization"],
        "Models/Activity.swift": ["Conversation", "Message", "NPSResponse", "Note", "VitallyTask"],
        "Models/Customer.swift": ["Customer", "NPSSummary", "Sourced"],
        "Models/CustomerRules.swift": ["ActivityWindow", "HealthLevel", "NPSCategory", "RenewalTiming"],
        "Models/HealthScoreEntry.swift": ["HealthScoreEntry"],
        "Models/OrganizationItems.swift": ["ItemOwner", "OrganizationItems"],
        "Models/Project.swift": ["Category", "CustomField", "CustomObjectRecord", "Meeting", "Project"],
        "Models/User.swift": ["User"],
        "Models/VitallyDate.swift": ["JSONValue", "VitallyDate"],
        "Models/VitallyModel.swift": ["Admin", "NamedRef", "VitallyModel"],
        "Recording/HARReader.swift": ["HARReader", "HARRecording"],
        "Recording/HARRecorder.swift": ["HARRecorder", "RecordingStop"],
        "Recording/RecordedExchange.swift": ["RecordedExchange", "RecordingInfo"],
        "Recording/ReplayIndex.swift": ["ReplayIndex"],
        "Transport/HTTPTransport.swift": ["HTTPHeader", "HTTPRequest", "HTTPResponse", "HTTPTransport", "QueryItem"],
        "Transport/LiveTransport.swift": ["LiveTransport"],
        "Transport/RateLimiter.swift": ["RateLimiter"],
        "Transport/RecordingTransport.swift": ["RecordingTransport"],
        "Transport/Redactor.swift": ["Redactor"],
        "Transport/ReplayTransport.swift": ["ReplayTransport"],
        "Transport/RetryClock.swift": ["RetryClock", "SystemRetryClock"],
        "Transport/RetryPolicy.swift": ["RateLimitHeaders", "RetryPolicy"],
        "Transport/RetryingTransport.swift": ["RetryingTransport"],
        "Transport/VitallyKitVersion.swift": ["VitallyKitVersion"],
    ]

    static let fix = """
        VitallyKit's public surface is only what a third party embedding the client uses (PublicSurfaceTests.allowed). \
        Write `package` instead of `public`: our targets, tests and Fuzz still see it. If an embedder truly needs it, \
        add it to PublicSurfaceTests.allowed and say why in the commit.
        """

    @Test func onlyTheEmbeddingSurfaceIsPublic() throws {
        let found = try Self.publicNames()
        #expect(!found.isEmpty, "no public declarations found: is Sources/VitallyKit where this test looks?")
        for (file, names) in found.sorted(by: { $0.key < $1.key }) {
            guard let allowed = Self.allowed[file] else {
                Issue.record("Sources/VitallyKit/\(file) makes \(names.sorted().joined(separator: ", ")) public. \(Self.fix)")
                continue
            }
            let extra = names.subtracting(allowed)
            #expect(extra.isEmpty, "Sources/VitallyKit/\(file) makes \(extra.sorted().joined(separator: ", ")) public. \(Self.fix)")
        }
    }

    /// The list names nothing that is gone, so it stays the surface and not a history of it.
    @Test func theAllowedListNamesOnlyWhatIsPublic() throws {
        let found = try Self.publicNames()
        for (file, allowed) in Self.allowed {
            let gone = allowed.subtracting(found[file] ?? [])
            #expect(gone.isEmpty, "PublicSurfaceTests.allowed lists \(gone.sorted()) in \(file), which no longer makes them public: take them out")
        }
    }

    /// The reader itself: a public member of a package type, or of an extension, names that type.
    @Test func theReaderSeesTopLevelNamesAndExtensions() {
        let names = Self.publicNames(in: """
            public struct A: Sendable {
                public var x: Int
            }
            extension B: Codable {
                public init(from decoder: any Decoder) throws {}
            }
            package enum C {
                public static let y = 1
            }
            extension D {
                package func z() {}
            }
            // public struct E (a comment)
            public final class F {}
            """)
        #expect(names == ["A", "B", "C", "F"])
    }

    /// File (relative to Sources/VitallyKit) -> its public top-level names.
    static func publicNames() throws -> [String: Set<String>] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/VitallyKit")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [:] }
        var result: [String: Set<String>] = [:]
        for case let url as URL in walker where url.pathExtension == "swift" {
            let names = publicNames(in: try String(contentsOf: url, encoding: .utf8))
            if !names.isEmpty { result[String(url.path.dropFirst(root.path.count + 1))] = names }
        }
        return result
    }

    /// The top-level names a source text makes public: declared `public` (or `open`) at the top level,
    /// or holding a member declared so.
    static func publicNames(in text: String) -> Set<String> {
        let declaration = /^(?:public |open |package |private |fileprivate |internal |final |indirect )*(?:struct|enum|class|actor|protocol|typealias|func|let|var|extension) +([A-Za-z0-9_]+)/
        var names: Set<String> = []
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Only a line at column 0 starts a top-level declaration (Regex is slow: ask it little).
            let topLevel = line.first.map { $0.isLetter } ?? false
            let match = topLevel ? line.firstMatch(of: declaration) : nil
            if let match { current = String(match.1) }
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("public ") || trimmed.hasPrefix("open ") else { continue }
            if let match, topLevel {
                names.insert(String(match.1))
            } else if let current {
                names.insert(current)
            }
        }
        return names
    }
}
