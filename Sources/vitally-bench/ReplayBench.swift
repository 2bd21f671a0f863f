import Foundation
import VitallyKit
import VitallySimulator

/// What a support engineer waits for with a recording: whole `vitally-shell` processes on
/// files from the committed generator (`vitally-bench make-recording N FILE`).
enum ReplayBench {
    static func run(shell: String, folder: URL, environment: [String: String]) throws {
        var seconds: [Int: Double] = [:]
        for count in [1_000, 10_000] {
            let file = folder.appendingPathComponent("synthetic-\(count).har")
            try SyntheticRecording.write(exchanges: count, to: file)
            let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            let run = ChildProcess.median(5, shell, ["--replay", file.path, "-c", "status"], environment: environment)
            seconds[count] = run.seconds
            let python = pythonJSONLoad(file) ?? .nan
            let ratio = run.seconds / python
            let label = "open \(count.formatted()) exchanges + status"
            let value = String(format: "%.3f s (%.1f MB; python json.load %.3f s, ratio %.2f)", run.seconds, Double(size) / 1e6, python, ratio)
            if count == 10_000 {
                figure(label, value, goal: "<= 0.5 s and ratio <= 1.0", met: run.status == 0 && run.seconds <= 0.5 && ratio <= 1.0)
            } else {
                figure(label, value, goal: "(reported)", met: run.status == 0)
            }
            let limit = Double(size) * 1.5 + 40e6
            figure("  peak memory", String(format: "%.1f MB (limit %.1f MB)", Double(run.peakBytes) / 1e6, limit / 1e6),
                   goal: "<= 1.5 x file + 40 MB", met: Double(run.peakBytes) <= limit)
            try? FileManager.default.removeItem(at: file)
        }
        let growth = (seconds[10_000] ?? 0) / (seconds[1_000] ?? 1)
        figure("  growth 1,000 -> 10,000", String(format: "%.1fx", growth), goal: "<= 12x (linear)", met: growth <= 12)

        let demo = FileManager.default.currentDirectoryPath + "/recordings/demo.har"
        let bare = ChildProcess.median(9, shell, ["-c", "help"], environment: environment)
        let first = ChildProcess.median(9, shell, ["--replay", demo, "-c", "status"], environment: environment)
        figure("demo.har to first answer", String(format: "%.1f ms (no recording: %.1f ms)", first.seconds * 1000, bare.seconds * 1000),
               goal: "<= 25 ms", met: first.status == 0 && first.seconds <= 0.025)
        let brief = ChildProcess.median(
            9, shell, ["--replay", demo, "-c", "brief pat.lee@acme.com jordan.kim@acme.com dana@brightwave.io --title 'Acme QBR'"],
            environment: environment)
        figure("brief replayed (whole process)", String(format: "%.1f ms", brief.seconds * 1000),
               goal: "<= 50 ms", met: brief.status == 0 && brief.seconds <= 0.05)
    }
}
