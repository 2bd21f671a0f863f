import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// The day the simulator's scores hold; the tests' anchors move away from it.
private let epoch = shellTestAnchor

/// A shell whose history lives in `data` (the local store), reading the clock at `clock`.
private func historyShell(_ credentials: Credentials?, data: URL?, scratch: URL, clock: Date) -> Shell {
    let environment = ShellEnvironment(
        environmentCredentials: credentials, cacheDirectory: scratch.appendingPathComponent("cache"), dataDirectory: data,
        recordingsDirectory: scratch.appendingPathComponent("recordings"), workingDirectory: packageRoot, clock: { clock })
    return Shell(environment: environment)
}

/// Runs `body` against a simulator at `daysBefore` the epoch, with scores drifting.
private func atAnchor<T>(_ daysBefore: Int, _ body: (Credentials, Date) async throws -> T) async throws -> T {
    let anchor = epoch.addingTimeInterval(-Double(daysBefore) * 86400)
    var options = SimulatorOptions(token: shellTestToken, anchor: anchor)
    options.scoreEpoch = epoch
    let simulator = try await SimulatorServer.start(options)
    defer { Task { await simulator.stop() } }
    let credentials = Credentials(subdomain: "acme", token: shellTestToken, baseURL: simulator.baseURL, source: .environment)
    return try await body(credentials, anchor.addingTimeInterval(9 * 3600))
}

@Suite struct HistoryCommandTests {
    /// Offline there is no tenant: `history forget ACCOUNT` asks for one (it said "no history for
    /// 'Acme Corp' in tenant " with an empty name) and, given one, forgets that account only.
    @Test func forgettingAnAccountOfflineAsksWhichTenant() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let shell = historyShell(nil, data: nil, scratch: scratch, clock: epoch)
        await shell.configureHistory(file: scratch.appendingPathComponent("h.sqlite").path, disabled: false)
        _ = await shell.start()
        let imported = await shell.text("history import " + packageRoot.appendingPathComponent("recordings/demo.har").path)
        #expect(imported.out.contains("tenant brightwave"), "\(imported)")
        let asked = await shell.text("history forget \"Acme Corp\"")
        #expect(asked.status == .usage && asked.err.contains("which tenant? connect, or give --tenant T"), "\(asked)")
        let forgot = await shell.text("history forget \"Acme Corp\" --tenant brightwave --json")
        #expect(forgot.out.contains(#""forgotten": 1"#), "\(forgot)")
        let again = await shell.text("history forget \"Acme Corp\" --tenant brightwave")
        #expect(again.err.contains("no history for 'Acme Corp' in tenant brightwave"), "\(again)")
    }

    @Test func liveSessionsOnThreeDaysShowAnImprovingAndADecliningAccount() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")
        var last: (health: String, soylent: String, brief: String) = ("", "", "")
        for daysBefore in [60, 30, 0] {
            last = try await atAnchor(daysBefore) { credentials, clock in
                let shell = historyShell(credentials, data: data, scratch: scratch, clock: clock)
                _ = await shell.start()
                if daysBefore == 0 {
                    // The 30-day change as shown (+1.2), with no float noise (1.2000000000000002).
                    let json = await shell.text("health acme.com --json").out
                    #expect(json.contains(#""30d": 1.2,"#), "\(json)")
                }
                return (await shell.text("health acme.com", width: 140).out, await shell.text("health soylent.com", width: 140).out,
                        await shell.text("brief pat.lee@acme.com", width: 140).out)
            }
        }
        // The line beside the sparkline covers the sixty days it draws; the windows follow.
        #expect(last.health.contains(try Regex("\nHistory +▁▅█ 5 → 7.4 over 60 days: improving")), "\(last.health)")
        #expect(last.health.contains("7 days n/a · 30 days +1.2 · 90 days n/a"))
        #expect(last.health.contains("CHANGE"))
        #expect(last.health.contains("percentile of"))
        #expect(last.soylent.contains("█▅▁ 3.9 → 2.1 over 60 days: declining"), "\(last.soylent)")
        let health = try #require(last.brief.components(separatedBy: "Health\n").dropFirst().first)
        #expect(health.hasPrefix("  +  Health 6.2 → 7.4 over 30 days (improving)"))
        #expect(last.brief.contains("MRR $3,822 → $4,200 over 30 days (improving)"))
        let mode = try FileManager.default.attributesOfItem(atPath: data.appendingPathComponent("observations.sqlite").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func historyImportedFromTwoRecordingsIsTheOnlyHistoryReplayReads() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (daysBefore, name) in [(30, "before.har"), (0, "after.har")] {
            try await atAnchor(daysBefore) { credentials, clock in
                let shell = historyShell(credentials, data: nil, scratch: scratch, clock: clock)
                _ = await shell.start(record: name)
                #expect(await shell.text("health acme.com").status == .ok)
                _ = await shell.run(line: "record stop")
            }
        }
        let historyFile = scratch.appendingPathComponent("acme-history.sqlite")
        func replay(_ lines: [String], history: URL?) async -> [String] {
            let shell = historyShell(nil, data: scratch.appendingPathComponent("data"), scratch: scratch, clock: Date())
            await shell.configureHistory(file: history?.path, disabled: false)
            _ = await shell.start(replay: "after.har")
            var out: [String] = []
            for line in lines { out.append(await shell.text(line, width: 140).out) }
            return out
        }
        let imported = await replay(["history import before.har after.har"], history: historyFile)
        #expect(imported[0].contains("before.har: 360 accounts at 2026-10-21"))
        let withHistory = await replay(["health acme.com", "health acme.com --observations"], history: historyFile)
        #expect(withHistory[0].contains("6.2 → 7.4 over 30 days: improving"))
        #expect(withHistory[1].contains("2 observations"))
        #expect(await replay(["health acme.com", "health acme.com --observations"], history: historyFile) == withHistory)
        let without = await replay(["health acme.com"], history: nil)
        #expect(without[0].contains(try Regex("\nHistory +none: recordings and replays read account history only from --observations FILE.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("data").path))
    }

    @Test func replayOutputIsTheSameWithAPopulatedLocalStore() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")
        let store = try ObservationStore(url: data.appendingPathComponent("observations.sqlite"))
        let demo = try HARReader.load(packageRoot.appendingPathComponent("recordings/demo.har"))
        let seen = HistoryImporter.observations(in: demo)
        let tenant = try #require(seen.tenant)
        for days in [40.0, 20.0, 5.0] {
            try store.record(seen.observations.map { o in
                var earlier = o
                earlier.observedAt = o.observedAt.addingTimeInterval(-days * 86400)
                earlier.healthScore = 1 + days / 10
                return earlier
            }, tenant: tenant)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let lines = ["health acme.com", "brief pat.lee@acme.com --format markdown", "health soylent.com --json"]
        func replay(data: URL?) async -> [String] {
            let shell = historyShell(nil, data: data, scratch: scratch, clock: Date())
            _ = await shell.start(replay: packageRoot.appendingPathComponent("recordings/demo.har").path)
            var out: [String] = []
            for line in lines { out.append(await shell.text(line).out) }
            return out
        }
        let populated = await replay(data: data)
        #expect(populated == (await replay(data: nil)))
        #expect(!populated[0].contains("→"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
    }

    @Test func aCorruptedOrLockedStoreIsOneWarningAndTheCommandGoesOn() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let file = data.appendingPathComponent("observations.sqlite")
        try Data(String(repeating: "torn page ", count: 500).utf8).write(to: file)
        try await atAnchor(0) { credentials, clock in
            let shell = historyShell(credentials, data: data, scratch: scratch, clock: clock)
            _ = await shell.start()
            let results = await shell.run(line: "health acme.com; health soylent.com")
            #expect(results.map(\.status) == [.ok, .ok])
            #expect(results[0].warnings.count == 1)
            #expect(results[0].warnings.first?.contains("damaged or not a SQLite file") == true)
            #expect(results[0].warnings.first?.contains("\n") == false)
            #expect(results[1].warnings.isEmpty)  // told once
            #expect(TextRenderer(width: 120, color: false).render(results[0].output, json: false).contains("Acme Corp"))
        }

        try FileManager.default.removeItem(at: file)
        _ = try ObservationStore(url: file)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", file.path]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        defer { holder.terminate() }
        input.fileHandleForWriting.write(Data("BEGIN EXCLUSIVE;\nDELETE FROM observation;\n".utf8))
        try await Task.sleep(nanoseconds: 1_500_000_000)
        try await atAnchor(0) { credentials, clock in
            let shell = historyShell(credentials, data: data, scratch: scratch, clock: clock)
            _ = await shell.start()
            let result = await shell.run(words: ["health", "acme.com"])
            #expect(result.status == .ok)
            #expect(result.warnings == ["history: observations.sqlite is locked by another process (another vitally-shell?); going on without history"])
        }
    }
}
