import Foundation
import Testing
import VitallyKit
import VitallySimulator

@Suite struct SavedStateEndToEndTests {
    @Test func withoutHomeTheShellRefusesToSaveRatherThanUseTmp() async throws {
        let simulator = try await startSimulator { $0.accountCount = 30 }
        defer { Task { await simulator.stop() } }
        let tmp = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("vitally-nohome-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let env = ["PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1", "TMPDIR": tmp.path]
        let run = try await runShell(
            ["-c", "connect acme --token \(e2eToken) --base-url \(simulator.baseURL); accounts search acme"], environment: env,
            directory: tmp)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("credentials not saved: neither XDG_CONFIG_HOME nor HOME is set"), "\(run.out)")
        let left = FileManager.default.enumerator(atPath: tmp.path)?.allObjects as? [String] ?? []
        #expect(left.isEmpty, "written under TMPDIR: \(left)")
    }
}
