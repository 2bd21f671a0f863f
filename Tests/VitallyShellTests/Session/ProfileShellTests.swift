import Foundation
import Synchronization
import Testing
import VitallyKit
import VitallyShell
import VitallySimulator

/// A token's age against a clock the test moves: `status`, `doctor`, `use` and `profiles` remind at 90 days.
@Suite struct ProfileShellTests {
    @Test func aTokenNinetyDaysOldGetsAReminderToRotateIt() async throws {
        let simulator = try await SimulatorServer.start(SimulatorOptions(token: shellTestToken, anchor: shellTestAnchor))
        defer { Task { await simulator.stop() } }
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let clock = TestClock()
        let environment = ShellEnvironment(
            configDirectory: scratch.appendingPathComponent("config"), recordingsDirectory: scratch, workingDirectory: scratch,
            clock: { clock.now.withLock { $0 } })
        let shell = Shell(environment: environment)
        _ = await shell.start()
        let connect = await shell.text("connect acme --token \(shellTestToken) --base-url \(simulator.baseURL)")
        #expect(connect.status == .ok, "\(connect.err)")
        let fresh = await shell.text("status")
        #expect(fresh.out.contains("saved in profile 'acme', today"), "\(fresh.out)")
        #expect(!fresh.out.contains("rotate"))

        clock.advance(days: 89.9)
        #expect(!(await shell.text("status").out.contains("rotate")), "89 days is not yet 90")
        clock.advance(days: 0.2)
        let old = await shell.text("status", width: 300)
        #expect(old.out.contains("saved in profile 'acme', 90 days ago"), "\(old.out)")
        let reminder = "this token was saved 90 days ago: rotate it (Vitally: Settings > Operations > Integrations > Vitally REST API, "
            + "roll or create a key), then run 'connect --profile acme' with the new one"
        #expect(old.out.contains(reminder), "\(old.out)")
        #expect(await shell.text("doctor", width: 300).out.contains("WARN  token age: " + reminder))
        #expect(await shell.text("doctor --json").out.contains("\"tokenAgeDays\": 90"))
        #expect(await shell.text("use acme", width: 300).out.contains(reminder))
        #expect(await shell.text("profiles").out.contains("90 days"))
        for text in [old.out, connect.out] { #expect(!text.contains(shellTestToken)) }

        // A new token starts a new age.
        _ = await shell.text("connect acme --token ' \(shellTestToken)x ' --base-url \(simulator.baseURL)")
        #expect(await shell.text("status").out.contains("rotate"), "a refused token changes nothing")
    }

    @Test func savingAnotherTenantUnderAnExistingNameSaysWhatItReplaced() async throws {
        try await withSimulatedShell { _, simulator, scratch in
            let environment = ShellEnvironment(
                configDirectory: scratch.appendingPathComponent("replace-config"), recordingsDirectory: scratch,
                workingDirectory: scratch, readSecret: { _ in nil }, clock: { shellTestAnchor })
            let shell = Shell(environment: environment)
            let first = await shell.text("connect acme --token \(shellTestToken) --base-url \(simulator.baseURL)", width: 300)
            #expect(!first.out.contains("replaced"), "\(first.out)")
            let again = await shell.text("connect acme --token \(shellTestToken) --base-url \(simulator.baseURL)", width: 300)
            #expect(!again.out.contains("replaced"), "the same tenant again is no replacement: \(again.out)")
            let other = await shell.text("connect globex --profile acme --token \(shellTestToken) --base-url \(simulator.baseURL)", width: 300)
            #expect(other.out.contains("this replaced profile 'acme' for acme (us)"), "\(other.out)")
        }
    }

    @Test func aProfileInARefusedFileIsNotCalledMissing() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("profiles")
        try Data("[profile acme]\nsubdomain = acme\n".utf8).write(to: file)
        chmod(file.path, 0o644)
        let shell = Shell(environment: ShellEnvironment(configDirectory: folder, recordingsDirectory: scratch, workingDirectory: scratch))
        let result = await shell.start(profile: "acme")
        let error = result.error ?? ""
        #expect(error.contains("chmod 600") && !error.contains("no saved profile"), "\(error)")
    }

    @Test func aBareConnectReconnectsTheCurrentProfileWithoutAskingForItsToken() async throws {
        try await withSimulatedShell { _, simulator, scratch in
            let environment = ShellEnvironment(
                configDirectory: scratch.appendingPathComponent("profiles-config"), recordingsDirectory: scratch,
                workingDirectory: scratch, readSecret: { _ in nil }, clock: { shellTestAnchor })
            let first = Shell(environment: environment)
            #expect(await first.text("connect acme --token \(shellTestToken) --base-url \(simulator.baseURL)").status == .ok)
            let second = Shell(environment: environment)
            _ = await second.start()
            #expect(await second.promptLabel == "acme")
            await #expect(second.mode == .live)
            let again = await second.text("connect")
            #expect(again.status == .ok, "\(again.err)")
            let missing = await second.text("use nope")
            #expect(missing.err == "no profile 'nope'; the saved ones are acme", "\(missing.err)")
        }
    }
}
