import Foundation
import Testing
import VitallyKit

/// `recordings diff` compares what a replay would serve: each request's answers in order, bodies
/// by JSON value, field by field. Each fixture here read "no differences" before.
@Suite struct RecordingDiffTests {
    func exchange(_ path: String, _ body: JSONValue, status: Int = 200, query: [QueryItem] = []) -> RecordedExchange {
        RecordedExchange(startedAt: testAnchor, timeMilliseconds: 1, method: "GET", url: "https://rest.vitally.io" + path,
                         path: path, query: query, requestHeaders: [], status: status, statusText: "OK", responseHeaders: [],
                         mimeType: "application/json", body: Array(body.serialized().utf8))
    }

    func recording(_ exchanges: [RecordedExchange]) -> HARRecording {
        HARRecording(url: URL(fileURLWithPath: "/tmp/x.har"), exchanges: exchanges, info: nil, creator: nil, byteCount: 0)
    }

    func account(_ id: String, _ name: String, renewal: String = "2027-01-01", champion: String = "Pat Lee") -> JSONValue {
        ["id": .string(id), "externalId": .string(id + "-ext"), "name": .string(name), "healthScore": 7.4, "mrr": 1200,
         "nextRenewalDate": .string(renewal), "churnedAt": nil, "traits": ["vitally.custom.champion": .string(champion)]]
    }

    func page(_ items: [JSONValue]) -> JSONValue { ["results": .array(items), "next": nil] }

    /// Two files compared as `recordings diff` reads them (an entry at a time, each body read
    /// again from the file when compared) give the diff of the same recordings loaded whole.
    @Test func filesReadAnEntryAtATimeDiffAsWhenLoaded() throws {
        let note: JSONValue = ["id": "n1", "subject": "QBR", "accountId": "a1"]
        let renewal: JSONValue = ["id": "n2", "subject": "Renewal", "accountId": "a1"]
        let before = recording([
            exchange("/resources/accounts", page([account("a1", "Acme"), account("a2", "Globex")])),
            exchange("/resources/accounts/a1/notes", page([note])),
            exchange("/resources/accounts/a1/healthScores", page([["id": "h1", "score": 7]])),
            exchange("/resources/accounts/a1/healthScores", page([["id": "h1", "score": 3]])),
        ])
        let after = recording([
            exchange("/resources/accounts", page([account("a1", "Acme", renewal: "2027-02-01"), account("a3", "Initech")])),
            exchange("/resources/accounts/a1/notes", page([note, renewal])),
            exchange("/resources/accounts/a1/healthScores", page([["id": "h1", "score": 3]])),
            exchange("/resources/accounts/a1/healthScores", page([["id": "h1", "score": 7]])),
        ])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diff-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ recording: HARRecording, _ name: String) throws -> URL {
            let url = folder.appendingPathComponent(name)
            let entries = recording.exchanges.enumerated().map { HARWriter.serialize(entry: HARWriter.entry($0.element, order: $0.offset)) }
            let header = HARWriter.logHeader(RecordingInfo(recordedAt: testAnchor, subdomain: "acme"))
            try Data(HARWriter.document(header: header, serializedEntries: entries).utf8).write(to: url)
            return url
        }
        let a = try write(before, "a.har"), b = try write(after, "b.har")
        let fromFiles = try RecordingDiff.compare(files: a, b)
        #expect(!fromFiles.sequenceChanges.isEmpty && !fromFiles.newActivities.isEmpty && !fromFiles.fieldChanges.isEmpty)
        let loaded = try RecordingDiff.compare(HARReader.load(a), HARReader.load(b))
        #expect(fromFiles == loaded)
    }

    @Test func theSameRequestRecordedTwiceInSwappedOrderDiffers() throws {
        let first = exchange("/resources/accounts/a1/healthScores", page([["id": "h1", "score": 7]]))
        let second = exchange("/resources/accounts/a1/healthScores", page([["id": "h1", "score": 3]]))
        let diff = try RecordingDiff.compare(recording([first, second]), recording([second, first]))
        #expect(!diff.isEmpty)
        #expect(diff.sequenceChanges == [.init(request: "GET /resources/accounts/a1/healthScores", kind: .reordered(count: 2))])
    }

    @Test func changedNoteTextIsReported() throws {
        let note: JSONValue = ["id": "n1", "subject": "QBR", "note": "<p>Renewal looks safe</p>", "accountId": "a1"]
        var changed = note
        if case .object(var object) = changed { object["note"] = "<p>Renewal at risk</p>"; changed = .object(object) }
        let diff = try RecordingDiff.compare(recording([exchange("/resources/accounts/a1/notes", page([note]))]),
                                             recording([exchange("/resources/accounts/a1/notes", page([changed]))]))
        let group = try #require(diff.responseGroups.first)
        #expect(group.resource == "notes" && group.field == "note" && group.kind == .changed && group.count == 1)
        #expect(group.examples.first?.item == "QBR")
        #expect(group.examples.first?.after == "<p>Renewal at risk</p>")
    }

    @Test func changedUserNameAndTraitAreReported() throws {
        let user: JSONValue = ["id": "u1", "name": "Pat Lee", "email": "pat@acme.com", "accountIds": ["a1"]]
        let renamed: JSONValue = ["id": "u1", "name": "Pat Leigh", "email": "pat@acme.com", "accountIds": ["a1"]]
        let before = recording([exchange("/resources/users", page([user])), exchange("/resources/accounts", page([account("a1", "Acme")]))])
        let after = recording([exchange("/resources/users", page([renamed])),
                               exchange("/resources/accounts", page([account("a1", "Acme", champion: "Kim Ode")]))])
        let diff = try RecordingDiff.compare(before, after)
        #expect(diff.responseGroups.contains { $0.resource == "users" && $0.field == "name" && $0.examples.first?.after == "Pat Leigh" })
        #expect(diff.responseGroups.contains {
            $0.resource == "accounts" && $0.field == "traits.vitally.custom.champion" && $0.examples.first?.before == "Pat Lee"
        })
    }

    @Test func bodiesAreComparedByJSONValueAndRepeatsOfTheLastAnswerAreTheSame() throws {
        let spaced = RecordedExchange(
            startedAt: testAnchor, timeMilliseconds: 1, method: "GET", url: "https://x/resources/admins", path: "/resources/admins",
            query: [], requestHeaders: [], status: 200, statusText: "OK", responseHeaders: [], mimeType: "application/json",
            body: Array(#"{ "results" : [ { "name": "Ann", "id": "ad1" } ], "next": null }"#.utf8))
        let compact = exchange("/resources/admins", page([["id": "ad1", "name": "Ann"]]))
        // Replay serves the last answer again once the recorded ones run out: [a, b] serves as [a, b, b].
        let other = exchange("/resources/accounts", page([account("a1", "Acme")]))
        let diff = try RecordingDiff.compare(recording([spaced, other]), recording([compact, other, other]))
        #expect(diff.isEmpty, "\(diff)")
    }

    @Test func manyRenewalDatesMovedTheSameWayAreOneGroup() throws {
        let before = (1...330).map { account("a\($0)", "Account \($0)", renewal: "2027-01-01") }
        let after = (1...330).map { account("a\($0)", "Account \($0)", renewal: "2027-01-31") }
        let diff = try RecordingDiff.compare(recording([exchange("/resources/accounts", page(before))]),
                                             recording([exchange("/resources/accounts", page(after))]))
        #expect(diff.fieldChanges.count == 330)
        #expect(diff.fieldGroups.count == 1)
        let group = try #require(diff.fieldGroups.first)
        #expect(group.kind == .moved(days: 30) && group.count == 330 && group.examples.count == 3)
        #expect(diff.responseGroups.isEmpty, "renewal is a named change, not repeated among the others")
    }

    @Test func accountNarrowsToOneAccountByIdExternalIdOrName() throws {
        let before = recording([exchange("/resources/accounts", page([account("a1", "Acme"), account("a2", "Globex")])),
                                exchange("/resources/accounts/a2/notes", page([["id": "n1", "note": "x", "accountId": "a2"]]))])
        let after = recording([exchange("/resources/accounts", page([account("a1", "Acme", renewal: "2027-02-01"),
                                                                      account("a2", "Globex", champion: "Kim Ode")])),
                               exchange("/resources/accounts/a2/notes", page([["id": "n1", "note": "y", "accountId": "a2"]]))])
        for name in ["a2", "a2-ext", "globex"] {
            let diff = try RecordingDiff.compare(before, after, account: name)
            #expect(diff.account?.id == "a2")
            #expect(diff.fieldChanges.isEmpty, "Acme's renewal is not Globex's")
            #expect(Set(diff.responseGroups.map(\.field)) == ["traits.vitally.custom.champion", "note"])
        }
        let acme = try RecordingDiff.compare(before, after, account: "Acme")
        #expect(acme.fieldChanges.map(\.field) == ["renewal"] && acme.responseGroups.isEmpty)
        #expect(throws: VitallyError.self) { try RecordingDiff.compare(before, after, account: "Initech") }
    }

    @Test func statusAndCountChangesAreRequestLevel() throws {
        let ok = exchange("/resources/notes", page([]))
        let forbidden = exchange("/resources/notes", ["error": "forbidden"], status: 403)
        let diff = try RecordingDiff.compare(recording([ok, ok, forbidden]), recording([ok, forbidden]))
        #expect(diff.sequenceChanges == [.init(request: "GET /resources/notes", kind: .count(before: 3, after: 2))])
        #expect(diff.statusChanges.first.map { ($0.before, $0.after) } ?? (0, 0) == (200, 403))
    }
}
