import Foundation
import Testing
import VitallyKit
import VitallySimulator

/// The recording file on disk: private, locked, cleaned up, redacted when inherited, and whole
/// after a crash at any byte.
@Suite struct RecorderFileTests {
    func recorder(_ url: URL, token: String = testToken, existing: [RecordedExchange] = []) -> HARRecorder {
        HARRecorder(url: url, info: RecordingInfo(recordedAt: testAnchor, subdomain: "acme"), redactor: Redactor(token: token),
                    existing: existing)
    }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func recordingsAndTheirFolderArePrivate() async throws {
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("recordings/a.har")
        let recording = recorder(file)
        try await recording.flush()
        try await recording.append(SyntheticRecording.exchange(0))
        #expect(try mode(file.path) == 0o600)
        #expect(try mode(file.deletingLastPathComponent().path) == 0o700)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path) == ["a.har"])
    }

    @Test func aSecondRecorderOfTheSameFileIsRefusedAndTheFirstKeepsGoing() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.har")
        let first = recorder(file)
        try await first.append(SyntheticRecording.exchange(0))
        let second = recorder(file, existing: try HARReader.load(file).exchanges)
        let error = await #expect(throws: VitallyError.self) { try await second.flush() }
        #expect(error?.cause == "\(file.path) is being recorded by this session; stop that session first or pick another name")
        try await first.append(SyntheticRecording.exchange(1))
        #expect(try HARReader.load(file).exchanges.count == 2)
        try await first.close()
        try await second.flush()  // the lock went with the first recorder
    }

    @Test func leftOversOfAKilledProcessGoOnTheNextOpen() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.har")
        try await recorder(file).append(SyntheticRecording.exchange(0))
        // A process that has exited: its pid is free.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let stale = folder.appendingPathComponent(".a.har.\(gone.processIdentifier).12345.tmp")
        let alive = folder.appendingPathComponent(".a.har.\(getppid()).777.tmp")  // a live process's: kept
        let other = folder.appendingPathComponent(".b.har.\(gone.processIdentifier).1.tmp")  // another recording's: kept
        for url in [stale, alive, other] { try Data("customer data".utf8).write(to: url) }
        _ = try HARReader.load(file)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: alive.path))
        #expect(FileManager.default.fileExists(atPath: other.path))
    }

    @Test func recordMissingRedactsAndScansTheEntriesItInherits() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("foreign.har")
        let basic = "Basic " + Data("\(testToken):".utf8).base64EncodedString()
        let foreign = #"""
            {"log":{"version":"1.2","creator":{"name":"Charles","version":"4"},"entries":[
              {"startedDateTime":"2026-11-20T10:00:00Z","time":3,
               "request":{"method":"GET","url":"https://acme.rest.vitally.io/resources/accounts?limit=1",
                 "headers":[{"name":"Authorization","value":"\#(basic)"},{"name":"Cookie","value":"session=s3cr3t-cookie"}]},
               "response":{"status":200,"headers":[{"name":"Set-Cookie","value":"sid=another-s3cr3t"}],
                 "content":{"mimeType":"application/json","text":"{\"results\":[],\"echo\":\"\#(testToken)\"}"}}}]}}
            """#
        try Data(foreign.utf8).write(to: file)
        let existing = try HARReader.load(file)
        try await recorder(file, existing: existing.exchanges).flush()
        let text = try String(contentsOf: file, encoding: .utf8)
        for secret in Redactor.forms(of: testToken) + ["s3cr3t-cookie", "another-s3cr3t"] {
            #expect(!text.contains(secret), "\(secret)")
        }
        #expect(try HARReader.load(file).exchanges.count == 1)
        #expect(try mode(file.path) == 0o600)
    }

    @Test func noExchangeIsLostAcross1000Exchanges() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("long.har")
        let recording = recorder(file)
        var sizes: [Int] = []
        for index in 0..<1_000 {
            try await recording.append(SyntheticRecording.exchange(index))
            if index % 100 == 0 { sizes.append(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0) }
        }
        try await recording.close()
        let bytes = try Data(contentsOf: file)
        _ = try JSONParser.parse(bytes)  // strict: one valid document
        let loaded = try HARReader.load(file)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.exchanges.count == 1_000)
        #expect(loaded.exchanges.map(\.body) == (0..<1_000).map { SyntheticRecording.exchange($0).body })
        // Same bytes as writing the whole document at once.
        let whole = try await rewritten(loaded, in: folder)
        #expect(whole == bytes)
        #expect(sizes.count == 10 && zip(sizes, sizes.dropFirst()).allSatisfy { $0 < $1 })
    }

    func rewritten(_ recording: HARRecording, in folder: URL) async throws -> Data {
        let copy = folder.appendingPathComponent("copy.har")
        let writer = HARRecorder(url: copy, info: try #require(recording.info), redactor: Redactor(secrets: []), existing: recording.exchanges)
        try await writer.flush()
        try await writer.close()
        return try Data(contentsOf: copy)
    }

    /// A crash can stop the file at any byte of an append: every entry complete before the cut
    /// still loads, and nothing else does.
    @Test func aFileCutAtAnyByteKeepsEveryCompleteExchange() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cut.har")
        let recording = recorder(file)
        try await recording.flush()
        var ends: [Int] = []  // file size after each append (the tail included)
        for index in 0..<12 {
            try await recording.append(SyntheticRecording.exchange(index))
            ends.append(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0)
        }
        let bytes = Array(try Data(contentsOf: file))
        // What follows the last entry: "\n    ]" and the closing braces.
        let closing = bytes.count - (try #require(String(decoding: bytes, as: UTF8.self).utf8.count == bytes.count
            ? Array(bytes).lastIndex(of: UInt8(ascii: "]")) : nil)) + 5
        var random = SystemRandomNumberGenerator()
        var cuts = (0..<200).map { _ in Int.random(in: ends[0] - 200..<bytes.count, using: &random) }
        cuts += ends.flatMap { [$0 - closing - 1, $0 - closing, $0 - 1] }
        for cut in cuts {
            let url = folder.appendingPathComponent("cut-\(cut).har")
            try Data(bytes.prefix(cut)).write(to: url)
            // The entries wholly before the cut: an entry ends where the next append's tail began.
            let complete = ends.filter { $0 - closing <= cut }.count
            guard complete > 0 else {
                // Nothing whole to keep: one clear line that says the file looks truncated.
                #expect(throws: VitallyError.self) { try HARReader.load(url) }
                continue
            }
            let loaded = try HARReader.load(url)
            #expect(loaded.exchanges.count == complete, "cut at \(cut)")
            let whole = (try? JSONParser.parse(bytes.prefix(cut))) != nil
            #expect(loaded.warnings.map { $0.contains("is cut short after \(complete) complete entries") } == (whole ? [] : [true]), "cut at \(cut)")
            #expect(loaded.exchanges.map(\.body) == (0..<loaded.exchanges.count).map { SyntheticRecording.exchange($0).body })
            try? FileManager.default.removeItem(at: url)
        }
    }
}
