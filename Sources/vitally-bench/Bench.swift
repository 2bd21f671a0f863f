import Foundation
import VitallyKit
import VitallySimulator

/// `swift run -c release vitally-bench`: one line per figure, each with its goal.
@main
struct Bench {
    static func main() async throws {
        print("vitally-bench \(VitallyKitVersion.current) (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        // `vitally-bench history` runs only the named groups; no argument runs them all.
        let only = Set(CommandLine.arguments.dropFirst())
        if only.isEmpty || only.contains("replay") { try await ReplayBench.run() }
        if only.isEmpty || only.contains("matching") { try await MatchingBench.run() }
        if only.isEmpty || only.contains("brief") { try await BriefBench.run() }
        if only.isEmpty || only.contains("history") { try HistoryBench.run() }
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

func figure(_ name: String, _ value: String, goal: String, met: Bool) {
    print("\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(value)   goal: \(goal) \(met ? "[met]" : "[NOT MET]")")
}

let anchor = VitallyDate.parse("2026-11-20")!
