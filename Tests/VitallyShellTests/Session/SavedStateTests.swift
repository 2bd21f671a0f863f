import Foundation
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// The saved config is checked like typed input; state is never kept in a shared folder.
@Suite struct SavedStateTests {
    func writeConfig(_ json: String, in scratch: URL) throws {
        let folder = scratch.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.json")
        try Data(json.utf8).write(to: file)
        #expect(chmod(file.path, 0o600) == 0)
    }

    @Test(arguments: [
        #"{"subdomain": "127.0.0.1:PORT/x?", "token": "sk_saved_token_1"}"#,
        #"{"subdomain": "acme", "baseURL": "http://u:hunter2pass@127.0.0.1:PORT", "token": "sk_saved_token_1"}"#,
        #"{"subdomain": "acme", "region": "mars", "token": "sk_saved_token_1"}"#,
        #"{"subdomain": "acme.evil.example", "token": "sk_saved_token_1"}"#,
    ])
    func aTamperedConfigIsRefusedOnLoadAndReachesNoHost(config: String) async throws {
        let simulator = try await SimulatorServer.start(SimulatorOptions(token: "sk_saved_token_1", anchor: shellTestAnchor))
        defer { Task { await simulator.stop() } }
        let (shell, scratch) = makeShell()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try writeConfig(config.replacingOccurrences(of: "PORT", with: String(simulator.port)), in: scratch)
        _ = await shell.start()
        let notes = await shell.takeStartupNotes().joined(separator: "\n")
        #expect(notes.contains("config.json: the saved"), "\(notes)")
        #expect(notes.contains("run 'connect'"))
        #expect(!notes.contains("hunter2pass") && !notes.contains("sk_saved_token_1"))
        #expect(await shell.mode == .offline)
        _ = await shell.text("accounts list")
        #expect(await simulator.state.log.isEmpty, "a saved value reached a host")
        let doctor = await shell.text("doctor", width: 1000)
        #expect(doctor.out.contains("config.json: the saved"), "\(doctor.out)")
    }

    @Test func withoutHomeNothingIsSavedAnywhere() {
        #expect(StateFolders.configDirectory([:]) == nil)
        #expect(StateFolders.cacheDirectory(["TMPDIR": "/tmp"]) == nil)
        #expect(StateFolders.historyFile(["HOME": ""]) == nil)
        #expect(StateFolders.configDirectory(["HOME": "/home/pat"])?.path == "/home/pat/.config/vitally-shell")
        #expect(StateFolders.configDirectory(["XDG_CONFIG_HOME": "/x"])?.path == "/x/vitally-shell")
    }

    /// Starts recording to `file`, records one exchange, then connects to `tenant` on the same simulator.
    func recordThenConnect(
        _ shell: Shell, _ simulator: RunningSimulator, _ scratch: URL, file name: String, tenant: String
    ) async -> (file: URL, out: String) {
        let file = scratch.appendingPathComponent(name)
        #expect(await shell.text("record \(file.path)").status == .ok)
        _ = await shell.text("raw GET /resources/admins")
        let connect = await shell.text("connect \(tenant) --token \(shellTestToken) --base-url \(simulator.baseURL)")
        #expect(connect.status == .ok, "\(connect.err)")
        return (file, connect.out)
    }

    @Test func connectWhileRecordingTheSameTenantKeepsRecording() async throws {
        try await withSimulatedShell { shell, simulator, scratch in
            let (file, connected) = await recordThenConnect(shell, simulator, scratch, file: "keep.har", tenant: "acme")
            #expect(connected.contains("Still recording to keep.har"), "\(connected)")
            #expect(await shell.mode == .record)
            _ = await shell.text("raw GET /resources/accounts?limit=2")
            #expect(await shell.text("record stop").out.contains("exchanges in keep.har"))
            let recording = try HARReader.load(file)
            #expect(recording.exchanges.contains { $0.url.contains("limit=2") }, "the request after connect was recorded")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains(shellTestToken))
        }
    }

    @Test func connectWhileRecordingAnotherTenantStopsWithANotice() async throws {
        try await withSimulatedShell { shell, simulator, scratch in
            let (file, connected) = await recordThenConnect(shell, simulator, scratch, file: "stop.har", tenant: "beta")
            #expect(connected.contains("Stopped recording stop.har"), "\(connected)")
            #expect(connected.contains("another tenant"))
            #expect(await shell.mode == .live)
            let before = try HARReader.load(file).exchanges.count
            _ = await shell.text("raw GET /resources/accounts?limit=2")
            #expect(try HARReader.load(file).exchanges.count == before, "the other tenant's answers are not in the file")
        }
    }
}
