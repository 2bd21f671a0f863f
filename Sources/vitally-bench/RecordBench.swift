import Foundation
import VitallyKit
import VitallySimulator

/// Recording at live speed: the same 1,000 commands of ~150 KB answers live and recorded
/// (whole processes against vitally-sim), and what the 10th and the 1,000th append cost in
/// `HARRecorder.append`, the call the recording transport makes.
enum RecordBench {
    static func run(shell: String, folder: URL, environment: [String: String]) async throws {
        var options = SimulatorOptions(token: "sk_test_bench", anchor: anchor)
        options.accountCount = 400
        options.rateLimitPerMinute = 10_000_000
        let simulator = try await SimulatorServer.start(options)
        let script = folder.appendingPathComponent("record-1000.txt")
        try Data(String(repeating: "raw GET /resources/accounts?limit=100\n", count: 1_000).utf8).write(to: script)
        var variables = environment
        variables["VITALLY_BASE_URL"] = simulator.baseURL
        variables["VITALLY_TOKEN"] = "sk_test_bench"
        let live = variables
        let file = folder.appendingPathComponent("recorded.har")
        var liveBest = Double.infinity
        var recordBest = Double.infinity
        for _ in 0..<3 {
            let plain = await offPool { ChildProcess.run(shell, ["--script", script.path], environment: live) }
            liveBest = min(liveBest, plain.seconds)
            try? FileManager.default.removeItem(at: file)
            let recorded = await offPool { ChildProcess.run(shell, ["--record", file.path, "--script", script.path], environment: live) }
            recordBest = min(recordBest, recorded.status == 0 ? recorded.seconds : .infinity)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let overhead = (recordBest - liveBest) / liveBest
        figure("record 1,000 x 150 KB vs live", String(format: "%.2f s vs %.2f s (+%.0f%%, %.0f MB file)", recordBest, liveBest, overhead * 100, Double(size) / 1e6),
               goal: "<= +25%", met: overhead <= 0.25)
        await simulator.stop()

        // The exact call, on a growing file: the 1,000th append must cost what the 10th did.
        let page = try HARReader.load(file).exchanges.first
        try? FileManager.default.removeItem(at: file)
        guard let page else { return }
        let recorder = HARRecorder(url: file, info: RecordingInfo(recordedAt: anchor), redactor: Redactor(token: "sk_test_bench"))
        var costs: [Double] = []
        for _ in 0..<1_000 {
            costs.append(try await seconds { try await recorder.append(page) })
        }
        try await recorder.close()
        // Medians of the neighbourhoods, so one disk flush does not decide the figure.
        func around(_ index: Int) -> Double { costs[(index - 5)..<(index + 5)].sorted()[5] }
        let tenth = around(10), last = around(995)
        figure("  append #10 vs #1,000", String(format: "%.2f ms vs %.2f ms (%.1fx)", tenth * 1000, last * 1000, last / tenth),
               goal: "<= 2x", met: last <= tenth * 2)
        try? FileManager.default.removeItem(at: file)
    }
}

/// Runs blocking work (waiting for a child process) off the concurrency pool, which the
/// in-process simulator needs.
func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: body()) }
    }
}
