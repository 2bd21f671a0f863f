import Foundation
import VitallyKit
import VitallySimulator

/// `swift run -c release vitally-bench`: one line per figure, each with its goal.
@main
struct Bench {
    static func main() async throws {
        let arguments = CommandLine.arguments
        if arguments.count == 4, arguments[1] == "make-recording", let count = Int(arguments[2]), count >= 0 {
            try SyntheticRecording.write(exchanges: count, to: URL(fileURLWithPath: arguments[3]))
            return
        }
        print("vitally-bench \(VitallyKitVersion.current) (\(ProcessInfo.processInfo.activeProcessorCount) cores), release build, whole processes")
        // `vitally-bench history tools` runs only the named groups; no argument runs them all.
        let only = Set(arguments.dropFirst())
        func wanted(_ group: String) -> Bool { only.isEmpty || only.contains(group) }
        // The release vitally-shell beside this binary (`make bench` builds both).
        let shell = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent().appendingPathComponent("vitally-shell").path
        guard FileManager.default.isExecutableFile(atPath: shell) else {
            print("error: \(shell) is missing; run 'make bench' (it builds vitally-shell in release first)")
            return
        }
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("vitally-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A private HOME: the runs never touch the user's config, cache or history.
        let environment = ["HOME": folder.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LANG": "C.UTF-8",
                           "XDG_CONFIG_HOME": folder.path + "/config", "XDG_CACHE_HOME": folder.path + "/cache",
                           "XDG_STATE_HOME": folder.path + "/state"]
        if wanted("replay") { try ReplayBench.run(shell: shell, folder: folder, environment: environment) }
        if wanted("script") { try ScriptBench.run(shell: shell, folder: folder, environment: environment) }
        if wanted("record") { try await RecordBench.run(shell: shell, folder: folder, environment: environment) }
        if wanted("matching") { try await MatchingBench.run() }
        if wanted("brief") { try await BriefBench.run() }
        if wanted("coverage") { try await CoverageBench.run() }
        if wanted("history") { try HistoryBench.run() }
        if wanted("tools") { try ToolsBench.run(shell: shell, folder: folder, environment: environment) }
        if wanted("audit") { try await AuditBench.run(shell: shell, folder: folder, environment: environment) }
    }
}

/// Wall-clock seconds of `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// One line: the figure, its goal, and PASS or FAIL (a figure only reported has no verdict).
func figure(_ name: String, _ value: String, goal: String, met: Bool) {
    let verdict = goal == "(reported)" ? "" : met ? " PASS" : " FAIL"
    print("\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(value)   goal: \(goal)\(verdict)")
}

let anchor = VitallyDate.parse("2026-11-20")!
