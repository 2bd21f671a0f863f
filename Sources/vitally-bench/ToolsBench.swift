import Foundation
import VitallySimulator

/// `recordings scrub`, `recordings diff` (of a file against its scrubbed copy) and `history
/// import` on generated 1,000- and 10,000-exchange recordings: whole processes, each beside
/// Python's `json.load` of the same file timed in the same run, with peak memory and growth.
enum ToolsBench {
    struct Tool: Sendable {
        var name: String
        /// The name in the growth lines, which start at the same column.
        var short: String
        var ratioGoal: Double
        /// Peak memory allowed: this many times the file (with `ofLarger`, the larger of the two), plus 40 MB.
        var memoryFactor: Double
        var ofLarger = true
        var arguments: @Sendable (_ input: String, _ scrubbed: String) -> [String]
        /// diff exits 1 when the files differ, as they do here.
        var okStatus: Int32 = 0
    }

    static let tools = [
        Tool(name: "recordings scrub", short: "scrub", ratioGoal: 3, memoryFactor: 2, ofLarger: false) { input, scrubbed in
            ["-c", "recordings scrub \(input) \(scrubbed) --salt bench-salt-0123456789 --force"]
        },
        // The copy that leaves the tenant's hands: names and domains pseudonymised, and the match
        // rules replayed on both files (the issue's goals say nothing of flags, so they hold here too).
        Tool(name: "scrub --accounts --domains", short: "scrub -ad", ratioGoal: 3, memoryFactor: 2, ofLarger: false) { input, scrubbed in
            // Its own copy: the diff below compares the file with the plain scrub's.
            ["-c", "recordings scrub \(input) \(adCopy(of: scrubbed)) --salt bench-salt-0123456789 --accounts --domains --force"]
        },
        Tool(name: "recordings diff (vs scrubbed)", short: "diff (vs scrubbed)", ratioGoal: 2.5, memoryFactor: 1.5, arguments: { input, scrubbed in
            ["-c", "recordings diff \(input) \(scrubbed)"]
        }, okStatus: 1),
        // Offline (no token) there is no default store: the import needs one named (as replay does).
        Tool(name: "history import", short: "history import", ratioGoal: 1.5, memoryFactor: 1.5) { input, _ in
            ["--observations", input + ".sqlite", "-c", "history import \(input)"]
        },
    ]

    /// `folder/x-scrubbed.har` -> `folder/x-scrubbed-ad.har` (only the file's own extension changes).
    static func adCopy(of scrubbed: String) -> String {
        URL(fileURLWithPath: scrubbed).deletingPathExtension().path + "-ad.har"
    }

    static func run(shell: String, folder: URL, environment: [String: String]) throws {
        var times: [String: [Int: Double]] = [:]
        for count in [1_000, 10_000] {
            let file = folder.appendingPathComponent("tools-\(count).har")
            let scrubbed = folder.appendingPathComponent("tools-\(count)-scrubbed.har")
            try SyntheticRecording.write(exchanges: count, to: file)
            let size = Double((try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
            let python = pythonJSONLoad(file) ?? .nan
            print(String(format: "%@ exchanges: %.1f MB, python json.load %.3f s", count.formatted(), size / 1e6, python))
            for tool in tools {
                let runs = count == 10_000 ? 3 : 5
                let run = ChildProcess.median(runs, shell, tool.arguments(file.path, scrubbed.path), environment: environment)
                times[tool.name, default: [:]][count] = run.seconds
                let larger = max(size, Double((try? FileManager.default.attributesOfItem(atPath: scrubbed.path)[.size] as? Int) ?? 0))
                let limit = (tool.ofLarger ? larger : size) * tool.memoryFactor + 40e6
                let ratio = run.seconds / python
                let ok = run.status == tool.okStatus
                figure("  " + tool.name, String(format: "%.3f s, ratio %.2f%@", run.seconds, ratio, ok ? "" : " (exit \(run.status))"),
                       goal: String(format: "ratio <= %.1f", tool.ratioGoal), met: ok && ratio <= tool.ratioGoal)
                figure("    peak memory", String(format: "%.1f MB (limit %.1f MB)", Double(run.peakBytes) / 1e6, limit / 1e6),
                       goal: String(format: "<= %.1f x file + 40 MB", tool.memoryFactor), met: Double(run.peakBytes) <= limit)
            }
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(at: scrubbed)
            try? FileManager.default.removeItem(atPath: adCopy(of: scrubbed.path))
        }
        for tool in tools {
            let growth = (times[tool.name]?[10_000] ?? 0) / (times[tool.name]?[1_000] ?? 1)
            figure("  \(tool.short) 1k->10k", String(format: "growth %.1fx", growth),
                   goal: "<= 12x (linear)", met: growth <= 12)
        }
    }
}
