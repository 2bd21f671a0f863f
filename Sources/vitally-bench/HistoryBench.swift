import Foundation
import VitallyKit
import VitallySimulator

/// Recording a 10,000-account scan into the observation store (one transaction, a real file).
enum HistoryBench {
    static func run() throws {
        let templates = SimulatorDataSet.generate(seed: 42, anchor: anchor, accountCount: 400).accounts
        let accounts = (0..<10_000).map { index -> Account in
            var account = Account(json: templates[index % templates.count])
            account.id = "bench-\(index)"
            return account
        }
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bench-history-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ObservationStore(url: folder.appendingPathComponent("observations.sqlite"))
        var best = Double.infinity
        for day in 0..<3 {
            let time = anchor.addingTimeInterval(Double(day) * 86400)
            let elapsed = try seconds {
                try store.record(accounts.map { Observation(account: $0, at: time) }, tenant: "bench")
            }
            best = min(best, elapsed)
        }
        figure("record a 10,000-account scan", String(format: "%.3f s (%.1f µs per account)", best, best / 10_000 * 1e6),
               goal: "< 0.5 s", met: best < 0.5)
        let rows = try store.counts(tenant: "bench").observations
        if rows != 30_000 { print("  (expected 30,000 rows, found \(rows))") }
    }
}
