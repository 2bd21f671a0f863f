import Foundation
import Testing
@testable import VitallyKit

/// The scrub and the post-write scan that parse and walk entries on every core
/// (`ScrubStream.scrub` and `scan` with `parallel`) held against the same walks one entry at a
/// time: the same text, map, produced strings and counts, the same first refusal, and the same
/// error for a broken file, on the demo recording, on more entries than are ever in flight, on
/// strings that two decisions replace differently, and on files cut or damaged anywhere.
@Suite struct ScrubParallelTests {
    static let salt = "parallel-salt-0123456789"
    static let flagSets: [(accounts: Bool, domains: Bool)] = [(false, false), (true, false), (false, true), (true, true)]

    static func options(accounts: Bool, domains: Bool) -> ScrubOptions {
        ScrubOptions(salt: salt, domains: domains, accounts: accounts)
    }

    /// What a scrub came to: everything it hands back, or its error.
    enum Outcome: Equatable {
        case scrubbed(text: String, pairs: [ScrubMap.Kind: [String: String]], produced: Set<String>, accountNames: Set<String>,
                      counts: [Int])
        case refused(String)
    }

    static func scrub(_ bytes: [UInt8], _ options: ScrubOptions, parallel: Bool) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer in
            var text = ""
            do {
                let made = try ScrubStream.scrub(buffer, options: options, parallel: parallel) { text += $0 }
                let tally = made.tally
                return .scrubbed(text: text, pairs: made.map.pairs, produced: made.produced, accountNames: made.accountNames,
                                 counts: [tally.replayable, tally.requests, tally.vitallyRequests])
            } catch {
                return .refused("\(error)")
            }
        }
    }

    static func scan(_ bytes: [UInt8], produced: Set<String>, _ options: ScrubOptions, parallel: Bool) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            do {
                return try ScrubStream.scan(buffer, produced: produced, options: options, parallel: parallel) ?? "none"
            } catch {
                return "error: \(error)"
            }
        }
    }

    /// Compared whole, reported short: a scrubbed recording runs to megabytes.
    func expectSame(_ bytes: [UInt8], _ options: ScrubOptions, _ note: String) {
        let serial = Self.scrub(bytes, options, parallel: false), parallel = Self.scrub(bytes, options, parallel: true)
        guard parallel != serial else { return }
        func brief(_ outcome: Outcome) -> String {
            switch outcome {
            case .scrubbed(let text, let pairs, let produced, _, let counts):
                "\(text.utf8.count) bytes, \(pairs.mapValues(\.count)) pairs, \(produced.count) produced, counts \(counts)"
            case .refused(let why): "refused: \(why)"
            }
        }
        if case .scrubbed(_, let a, _, _, _) = parallel, case .scrubbed(_, let b, _, _, _) = serial {
            for (kind, pairs) in a where b[kind] != pairs {
                let differ = pairs.filter { b[kind]?[$0.key] != $0.value }.prefix(3)
                Issue.record("\(note): \(kind) pairs differ, parallel \(Array(differ)) vs serial \(differ.map { b[kind]?[$0.key] ?? "none" })")
            }
        }
        Issue.record("\(note): parallel \(brief(parallel)); serial \(brief(serial))")
    }

    static var demo: [UInt8] {
        get throws {
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("recordings")
            return Array(try Data(contentsOf: folder.appendingPathComponent("demo.har")))
        }
    }

    /// An account exchange whose record holds `members` (a JSON object's members).
    static func entry(_ index: Int, _ members: String) -> String {
        HARCutTests.entry("a-\(index)", body: "{\"id\":\"a-\(index)\"" + (members.isEmpty ? "" : "," + members) + "}")
    }

    /// Strings that two decisions of one kind replace differently: an account's name that is also
    /// an externalId (both go to the map's accounts), and the tenant's host (a subdomain in every
    /// URL) given as a domain (both go to its domains).
    static let traps = [
        #""name":"globex-01""#, #""externalId":"globex-01""#, #""name":"initech-7""#, #""externalId":"initech-7""#,
        #""domain":"a.rest.vitally.io""#, #""domain":"initech.com""#, #""website":"https://initech-7.com/x""#,
        #""email":"pat@initech.com""#, #""owner":"Pat Lee""#, #""notes":"call Pat Lee""#, "",
    ]

    /// `count` exchanges, each holding a few of `traps` drawn by `seed`.
    static func trapped(count: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix(seed: seed)
        let entries = (0..<count).map { index in
            entry(index, (0..<Int(random.next() % 3)).map { _ in traps[Int(random.next() % UInt64(traps.count))] }
                .filter { !$0.isEmpty }.joined(separator: ","))
        }
        return Array(HARCutTests.har(entries).utf8)
    }

    @Test(arguments: flagSets.indices) func theDemoRecordingScrubsTheSame(flags: Int) throws {
        let (accounts, domains) = Self.flagSets[flags]
        expectSame(try Self.demo, Self.options(accounts: accounts, domains: domains), "demo.har, accounts \(accounts), domains \(domains)")
    }

    /// A string first met under one decision, then under another of the same kind many batches
    /// later, then under the first again: the map keeps what the serial scrub keeps, the
    /// replacement of the one met first last.
    @Test func aStringTwoDecisionsReplaceMapsAsItDoesSerially() throws {
        let options = Self.options(accounts: true, domains: true)
        for (first, second) in [(0, 1), (1, 0), (4, 4)] {
            for (at, again) in [(0, 299), (5, 40), (40, 5), (127, 128), (200, 20), (299, 0)] {
                var entries = (0..<300).map { Self.entry($0, "") }
                entries[at] = Self.entry(at, Self.traps[first])
                entries[again] = Self.entry(again, Self.traps[second])
                entries[(at + again) / 2 + 1] = Self.entry((at + again) / 2 + 1, Self.traps[first])
                expectSame(Array(HARCutTests.har(entries).utf8), options, "traps \(first), \(second) at \(at), \(again)")
            }
        }
        guard case .scrubbed(_, let pairs, _, _, _) = Self.scrub(Array(HARCutTests.har([
            Self.entry(0, Self.traps[0]), Self.entry(1, Self.traps[1]),
        ]).utf8), options, parallel: false) else {
            Issue.record("the two traps were refused")
            return
        }
        // The externalId, met last, is the one the serial scrub maps.
        let accounts = try #require(pairs[.accounts])
        #expect(accounts["globex-01"] == Pseudonymizer(salt: Self.salt).externalId("globex-01"))
    }

    @Test(arguments: flagSets.indices) func manyEntriesWithTrapsScrubTheSame(flags: Int) {
        let (accounts, domains) = Self.flagSets[flags]
        for seed in [3, 5, 8] as [UInt64] {
            for count in [1, 31, 32, 33, 129, 300] {
                expectSame(Self.trapped(count: count, seed: seed &* 31 &+ UInt64(count)), Self.options(accounts: accounts, domains: domains),
                           "seed \(seed), \(count) entries, accounts \(accounts), domains \(domains)")
            }
        }
    }

    /// Cut short or damaged anywhere: the same error, at the same offset, or the same copy.
    @Test func aFileCutOrDamagedAnywhereScrubsTheSame() {
        let bytes = Self.trapped(count: 200, seed: 77)
        let options = Self.options(accounts: true, domains: false)
        var random = SplitMix(seed: 99)
        let garbage: [[UInt8]] = [Array("}".utf8), Array("]".utf8), Array(",".utf8), Array("\"".utf8), Array("x1".utf8),
                                  Array("{\"a\":".utf8), Array("\\".utf8), [0xFF], Array("null".utf8), Array("[]".utf8)]
        for round in 0..<60 {
            var damaged = bytes
            if round % 3 == 0 {
                damaged = Array(bytes[..<Int(random.next() % UInt64(bytes.count))])
            } else {
                let at = Int(random.next() % UInt64(damaged.count))
                switch random.next() % 3 {
                case 0: damaged[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: damaged.insert(contentsOf: garbage[Int(random.next() % UInt64(garbage.count))], at: at)
                default: damaged.remove(at: at)
                }
            }
            expectSame(damaged, options, "round \(round)")
        }
    }

    /// Entries that are not objects, between objects: written here, in their place.
    @Test func entriesThatAreNotObjectsScrubTheSame() {
        let good = Self.entry(0, Self.traps[0])
        let cases: [[String]] = [
            Array(repeating: good, count: 40) + ["12", "\"pat@initech.com\"", "[]", "null"] + Array(repeating: good, count: 100),
            ["[" + good + "]"] + Array(repeating: good, count: 70),
            Array(repeating: good, count: 65) + ["12abc"] + Array(repeating: good, count: 10),
            [],
        ]
        for entries in cases {
            expectSame(Array(HARCutTests.har(entries).utf8), Self.options(accounts: true, domains: true), "\(entries.count) entries")
        }
    }

    /// An entry that is not valid JSON inside balanced brackets (found only by parsing it, on
    /// another core), then the array broken a few entries later (found here first): the entry's
    /// error is the one thrown, as it is one entry at a time.
    @Test func aBrokenEntryIsNamedBeforeWhatBreaksAfterIt() {
        let good = Self.entry(0, Self.traps[0]), bad = good.replacingOccurrences(of: #""time":1.5"#, with: #""time":tru"#)
        let options = Self.options(accounts: false, domains: false)
        for at in [0, 31, 40, 127] {
            let entries = Array(repeating: good, count: at) + [bad] + Array(repeating: good, count: 3)
            for tail in [" junk", "", " ,"] {
                let file = Array((HARCutTests.har(entries + [good + tail]).utf8))
                let broken = tail.isEmpty ? Array(file.dropLast(4)) : file
                guard case .refused(let why) = Self.scrub(broken, options, parallel: false) else {
                    Issue.record("\(at), \(tail): the broken file was scrubbed")
                    continue
                }
                #expect(why.contains("invalid literal"), "\(why)")
                expectSame(broken, options, "bad entry at \(at), then \(tail.isEmpty ? "cut" : tail)")
            }
        }
    }

    /// A string the scrub did not produce, planted in the written copy: the scan names the same
    /// first one, walking one entry at a time or on every core.
    @Test func theScanNamesTheSameFirstFailure() throws {
        let options = Self.options(accounts: false, domains: false)
        guard case .scrubbed(let text, _, let produced, _, _) = Self.scrub(try Self.demo, options, parallel: false) else {
            Issue.record("demo.har was refused")
            return
        }
        let ours = produced.union(RecordingScrubber.strings(in: RecordingScrubber.metadata(options, pairs: [:])))
        let clean = Array(text.utf8)
        #expect(Self.scan(clean, produced: ours, options, parallel: true) == "none")
        let starts = text.ranges(of: "\"startedDateTime\"")
        #expect(starts.count == 347)
        func planted(_ values: [(entry: Int, member: String)]) -> [UInt8] {
            var out = text
            for (entry, member) in values.sorted(by: { $0.entry > $1.entry }) {
                out.insert(contentsOf: member + ", ", at: out.ranges(of: "\"startedDateTime\"")[entry].lowerBound)
            }
            return Array(out.utf8)
        }
        let name = #""comment": "Zoë O'Brien""#, key = #""zoe.obrien@acme.com": 1"#
        let cases: [[(entry: Int, member: String)]] = [
            [(0, name)], [(173, name)], [(346, name)], [(200, key)], [(31, name), (300, key)], [(128, key), (129, name)],
        ]
        for values in cases {
            let file = planted(values)
            let serial = Self.scan(file, produced: ours, options, parallel: false)
            #expect(serial.contains("$.log.entries[\(values[0].entry)]"), "\(values): \(serial)")
            #expect(Self.scan(file, produced: ours, options, parallel: true) == serial, "\(values)")
        }
        // A refusal before the entries, and a file broken after the failure, read the same too.
        let broken = planted([(10, name)]).dropLast(8)
        #expect(Self.scan(Array(broken), produced: ours, options, parallel: true) == Self.scan(Array(broken), produced: ours, options, parallel: false))
        let early = Array(text.replacingOccurrences(of: "\"version\": \"1.2\"", with: "\"version\": \"Zoë O'Brien\"").utf8)
        #expect(Self.scan(early, produced: ours, options, parallel: true) == Self.scan(early, produced: ours, options, parallel: false))
    }
}
