import Foundation

/// A script of 100,000 commands: output starts at once and memory stays flat (compared with
/// 10,000 commands), because each result is printed and dropped as it comes. A file, not `-c`:
/// Linux refuses a single argument over 128 KiB, so a 100,000-command `-c` cannot even start.
enum ScriptBench {
    static func run(shell: String, folder: URL, environment: [String: String]) throws {
        let demo = FileManager.default.currentDirectoryPath + "/recordings/demo.har"
        func script(_ count: Int) throws -> [String] {
            let file = folder.appendingPathComponent("script-\(count).txt")
            try Data(String(repeating: "health acme.com\n", count: count).utf8).write(to: file)
            return ["--replay", demo, "--script", file.path]
        }
        let small = ChildProcess.run(shell, try script(10_000), environment: environment)
        let large = ChildProcess.run(shell, try script(100_000), environment: environment)
        let growth = Double(large.peakBytes - small.peakBytes) / 1e6
        figure("script of 100,000 commands", String(format: "%.1f s, peak %.1f MB (10,000: %.1f MB)", large.seconds,
                                                    Double(large.peakBytes) / 1e6, Double(small.peakBytes) / 1e6),
               goal: "memory flat (<= +10 MB)", met: large.status == 0 && growth <= 10)
        let first = large.firstOutputSeconds ?? large.seconds
        figure("  first output after", String(format: "%.0f ms of %.1f s (%.1f MB printed)", first * 1000, large.seconds, Double(large.outputBytes) / 1e6),
               goal: "streams (< 1% of the run)", met: first < large.seconds / 100)
    }
}
