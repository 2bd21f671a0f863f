import Foundation
import Testing
import VitallyKit
import VitallySimulator

@Suite struct HistoryImporterTests {
    /// Records an account scan plus Acme's health and users at `daysBefore` the epoch.
    func record(daysBefore: Int, into file: URL) async throws {
        let anchor = scoreEpoch.addingTimeInterval(-Double(daysBefore) * 86400)
        try await withSimulator({ options in
            options.anchor = anchor
            options.scoreEpoch = scoreEpoch
        }) { _, simulator in
            let (client, recorder) = try await recordingClient(simulator, file: file, now: anchor)
            let index = try await AccountDirectory(client: client, tenant: "acme").load()
            let acme = try #require(index.accounts(named: "Acme Corp").first)
            _ = try await BriefGatherer(client: client).gather(accountId: acme.id)
            try await recorder.flush()
        }
    }

    @Test func historyIsImportedFromTwoRecordingsEachAtItsTime() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let older = folder.appendingPathComponent("older.har"), newer = folder.appendingPathComponent("newer.har")
        try await record(daysBefore: 30, into: older)
        try await record(daysBefore: 0, into: newer)
        let store = try ObservationStore(url: folder.appendingPathComponent("history.sqlite"))
        for file in [newer, older] {
            let imported = HistoryImporter.observations(in: try HARReader.load(file))
            #expect(imported.tenant == "acme")
            #expect(imported.observations.count == 360)
            // Read an exchange at a time (as `history import` does), the same observations.
            let streamed = try HistoryImporter.observations(inFile: file)
            #expect(streamed.observations == imported.observations && streamed.tenant == imported.tenant)
            try store.record(imported.observations, tenant: imported.tenant ?? "")
        }
        let id = try #require(try store.accountIds(tenant: "acme", matching: "Acme Corp").first)
        let rows = try store.observations(tenant: "acme", accountId: id)
        #expect(rows.map(\.healthScore) == [6.2, 7.4])
        #expect(rows.map { VitallyDate.formatDay($0.observedAt) } == ["2026-10-21", "2026-11-20"])
        #expect(rows.allSatisfy { $0.breakdown?.count == 4 && $0.activeUsers30d != nil })
        #expect(rows.map(\.mrr) == [3822, 4200])
        let trend = try #require(Trend(rows) { $0.healthScore })
        #expect(trend.direction == .improving)
        // Each category moves on its own (not all by the overall's +1.2).
        let names = ["Product usage", "Support", "Engagement", "NPS"]
        let deltas = try names.map { name in try #require(Trend(rows) { $0.breakdown?[name] }).headline.delta }
        #expect(Set(deltas.map { ($0 * 10).rounded() }).count >= 3, "\(deltas)")
    }

    @Test func aForeignOrTornRecordingYieldsNothingRatherThanGarbage() throws {
        let recording = HARRecording(
            url: URL(fileURLWithPath: "/tmp/x.har"),
            exchanges: [
                RecordedExchange(startedAt: scoreEpoch, timeMilliseconds: 1, method: "GET", url: "https://x/resources/accounts", path: "/resources/accounts",
                                 query: [], requestHeaders: [], status: 200, statusText: "OK", responseHeaders: [], mimeType: "application/json",
                                 body: Array("{\"results\":[{\"id\":\"a\",\"name\":\"A\",\"healthScore\":1e999},{\"nope\":1}]".utf8)),
                RecordedExchange(startedAt: scoreEpoch, timeMilliseconds: 1, method: "GET", url: "https://x/other", path: "/other",
                                 query: [], requestHeaders: [], status: 200, statusText: "OK", responseHeaders: [], mimeType: "application/json",
                                 body: Array("{\"results\":[{\"id\":\"b\",\"name\":\"B\"}]}".utf8)),
            ], info: nil, creator: nil, byteCount: 0)
        let result = HistoryImporter.observations(in: recording)
        #expect(result.tenant == nil)
        #expect(result.observations.isEmpty)
    }

    static func exchange(_ seconds: Double, _ body: String) -> RecordedExchange {
        RecordedExchange(startedAt: scoreEpoch.addingTimeInterval(seconds), timeMilliseconds: 1, method: "GET",
                         url: "https://x/resources/accounts", path: "/resources/accounts", query: [], requestHeaders: [],
                         status: 200, statusText: "OK", responseHeaders: [], mimeType: "application/json", body: Array(body.utf8))
    }

    /// Without the recording's time, each account's latest observation by exchange time counts; with
    /// it, the last one read (exchanges out of time order, then back in it).
    @Test func theLatestByTimeOrTheLastReadIsKept() {
        let scores: [(Double, Int)] = [(20, 2), (10, 1), (15, 3), (50, 5), (40, 4)]
        let exchanges = scores.map { seconds, score in
            Self.exchange(seconds, #"{"results":[{"id":"a","name":"A","healthScore":\#(score)}]}"#)
        }
        func score(_ info: RecordingInfo?) -> Double? {
            let recording = HARRecording(url: URL(fileURLWithPath: "/tmp/x.har"), exchanges: exchanges, info: info, creator: nil, byteCount: 0)
            return HistoryImporter.observations(in: recording).observations.first?.healthScore
        }
        #expect(score(nil) == 5)
        #expect(score(RecordingInfo(recordedAt: scoreEpoch)) == 4)
        let earlierFirst = HARRecording(url: URL(fileURLWithPath: "/tmp/x.har"), exchanges: Array(exchanges.prefix(3)), info: nil, creator: nil, byteCount: 0)
        #expect(HistoryImporter.observations(in: earlierFirst).observations.first?.healthScore == 2)
    }

    /// The parts of a body the import does not read are still checked: a broken one is skipped whole.
    @Test func aBodyBrokenWhereNothingIsReadYieldsNothing() {
        let bodies = [
            #"{"results":[{"id":"a","name":"A","traits":{"x":tru}}]}"#, #"{"results":[{"id":"a","name":"A"}],"next":01}"#,
            #"{"results":[{"id":"a","name":"A","notes":"a\qb"}]}"#, #"{"results":[{"id":"a","name":"A"}]} trailing"#,
        ]
        for body in bodies {
            let recording = HARRecording(url: URL(fileURLWithPath: "/tmp/x.har"), exchanges: [Self.exchange(0, body)], info: nil, creator: nil, byteCount: 0)
            #expect(HistoryImporter.observations(in: recording).observations.isEmpty, "\(body)")
        }
        let good = HARRecording(url: URL(fileURLWithPath: "/tmp/x.har"), exchanges: [Self.exchange(0, #"{"results":[{"id":"a","name":"A","traits":{"x":true}}]}"#)], info: nil, creator: nil, byteCount: 0)
        #expect(HistoryImporter.observations(in: good).observations.map(\.accountId) == ["a"])
    }
}
