import Foundation
import Testing
@testable import VitallyKit

/// The reader that parses entries on every core (`HARReader.parse(_:url:release:transform:visit:)`,
/// used by `history import` and `recordings diff`) held against the one-entry-at-a-time reader on
/// files nobody wrote by hand: the repository's recordings, cut at random places, with bytes
/// flipped and garbage dropped in. Both must keep the same exchanges in the same order, warn the
/// same way, and refuse the same files with the same words.
@Suite struct ParallelReaderTests {
    static let url = URL(fileURLWithPath: "/tmp/parallel-reader.har")

    /// What a read came to: each exchange with where its entry lies, and the warnings; or the refusal.
    enum Outcome: Equatable {
        case read(exchanges: [RecordedExchange], ranges: [Range<Int>], warnings: [String], info: String)
        case refused(String)
    }

    static func serial(_ bytes: [UInt8]) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer in
            var exchanges: [RecordedExchange] = [], ranges: [Range<Int>] = []
            do {
                let recording = try HARReader.parse(buffer, url: url, release: { _ in }) { exchanges.append($0); ranges.append($1) }
                return .read(exchanges: exchanges, ranges: ranges, warnings: recording.warnings, info: "\(String(describing: recording.info))")
            } catch {
                return .refused("\(error)")
            }
        }
    }

    static func parallel(_ bytes: [UInt8]) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer in
            var exchanges: [RecordedExchange] = [], ranges: [Range<Int>] = []
            do {
                // The transform runs on other threads: it hands back the path, checked here.
                let recording = try HARReader.parse(buffer, url: url, release: { _ in }, transform: { $0.path }) { exchange, path, range in
                    #expect(path == exchange.path)
                    exchanges.append(exchange)
                    ranges.append(range)
                }
                return .read(exchanges: exchanges, ranges: ranges, warnings: recording.warnings, info: "\(String(describing: recording.info))")
            } catch {
                return .refused("\(error)")
            }
        }
    }

    /// Compared whole, reported short: a recording's description runs to megabytes.
    func expectSame(_ parallel: Outcome, _ serial: Outcome, _ note: String) {
        guard parallel != serial else { return }
        func brief(_ outcome: Outcome) -> String {
            switch outcome {
            case .read(let exchanges, _, let warnings, _): "\(exchanges.count) exchanges, warnings \(warnings)"
            case .refused(let why): "refused: \(why)"
            }
        }
        Issue.record("\(note): parallel \(brief(parallel)); serial \(brief(serial))")
    }

    static var demo: [UInt8] {
        get throws {
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("recordings")
            return Array(try Data(contentsOf: folder.appendingPathComponent("demo.har")))
        }
    }

    @Test func theRepositoryRecordingsReadTheSame() throws {
        let bytes = try Self.demo
        let serial = Self.serial(bytes)
        guard case .read(let exchanges, _, _, _) = serial else {
            Issue.record("demo.har was refused: \(serial)")
            return
        }
        #expect(exchanges.count > 100)
        expectSame(Self.parallel(bytes), serial, "demo.har")
    }

    /// Cut short anywhere (a crash while recording), at 60 places spread over the file.
    @Test func aFileCutAnywhereReadsTheSame() throws {
        let bytes = try Self.demo
        var random = SplitMix(seed: 21)
        for _ in 0..<60 {
            let cut = Int(random.next() % UInt64(bytes.count))
            let torn = Array(bytes[..<cut])
            expectSame(Self.parallel(torn), Self.serial(torn), "cut at \(cut)")
        }
    }

    /// Bytes flipped, garbage inserted and brackets dropped inside entries: malformed entries are
    /// skipped and numbered the same, and a broken outline is refused the same.
    @Test func damagedEntriesReadTheSame() throws {
        let bytes = try Self.demo
        var random = SplitMix(seed: 2112)
        let garbage: [[UInt8]] = [Array("}".utf8), Array("]".utf8), Array(",".utf8), Array("\"".utf8), Array("x1".utf8),
                                  Array("{\"a\":".utf8), Array("\\".utf8), [0xFF], Array("null".utf8)]
        for round in 0..<80 {
            var damaged = bytes
            for _ in 0..<(1 + round % 3) {
                let at = Int(random.next() % UInt64(damaged.count))
                switch random.next() % 3 {
                case 0: damaged[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: damaged.insert(contentsOf: garbage[Int(random.next() % UInt64(garbage.count))], at: at)
                default: damaged.remove(at: at)
                }
            }
            expectSame(Self.parallel(damaged), Self.serial(damaged), "round \(round)")
        }
    }

    /// Entries of every kind the reader skips (no response, an impossible status, not an object)
    /// between good ones, and a foreign API's file.
    @Test func skippedEntriesAndForeignFilesReadTheSame() throws {
        let good = LazyBodyDifferentialTests.entry(content: LazyBodyDifferentialTests.text(#""{\"id\":\"a\"}""#))
        let cases: [[String]] = [
            [good, #"{"request":{"method":"GET","url":"https://a.rest.vitally.io/resources/x"}}"#, good],
            [good, good.replacingOccurrences(of: #""status":200"#, with: #""status":99999"#), good],
            [good, "12", good, "\"text\"", good, "[]"],
            [good.replacingOccurrences(of: "/resources/", with: "/api/")],
            [],
            Array(repeating: good, count: 300),
        ]
        for entries in cases {
            let file = Array(HARCutTests.har(entries).utf8)
            expectSame(Self.parallel(file), Self.serial(file), "\(entries.count) entries")
        }
    }
}

/// A small seeded generator, so a failing case can be run again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
