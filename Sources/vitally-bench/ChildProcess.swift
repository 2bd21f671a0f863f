import Foundation

/// One run of another program, timed as a user sees it: wall time, peak memory, and when the
/// first byte of output came.
struct ChildRun {
    var seconds: Double
    var firstOutputSeconds: Double?
    var peakBytes: Int
    var status: Int32
    var outputBytes: Int
    var output: String
}

enum ChildProcess {
    /// Runs `path` with `arguments`, stdout read through a pipe (kept when `keep`), stderr to /dev/null.
    static func run(_ path: String, _ arguments: [String], environment: [String: String], keep: Bool = false) -> ChildRun {
        var pipe: [Int32] = [0, 0]
        guard Foundation.pipe(&pipe) == 0 else { return ChildRun(seconds: 0, peakBytes: 0, status: -1, outputBytes: 0, output: "") }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
            posix_spawn_file_actions_destroy(&actions)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        close(pipe[1])
        guard spawned == 0 else {
            close(pipe[0])
            return ChildRun(seconds: 0, peakBytes: 0, status: -1, outputBytes: 0, output: "")
        }
        var first: UInt64?
        var total = 0
        var kept: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(pipe[0], $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            if first == nil { first = DispatchTime.now().uptimeNanoseconds }
            total += count
            if keep { kept += buffer[0..<count] }
        }
        close(pipe[0])
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let end = DispatchTime.now().uptimeNanoseconds
        return ChildRun(
            seconds: Double(end - start) / 1e9, firstOutputSeconds: first.map { Double($0 - start) / 1e9 },
            peakBytes: usage.ru_maxrss * 1024, status: (status >> 8) & 0xFF, outputBytes: total,
            output: String(decoding: kept, as: UTF8.self))
    }

    /// The median of `runs` runs (by wall time), with the largest peak memory seen.
    static func median(_ runs: Int, _ path: String, _ arguments: [String], environment: [String: String]) -> ChildRun {
        let all = (0..<runs).map { _ in run(path, arguments, environment: environment) }.sorted { $0.seconds < $1.seconds }
        var middle = all[all.count / 2]
        middle.peakBytes = all.map(\.peakBytes).max() ?? 0
        return middle
    }
}

/// Python's `json.load` of `file`, timed inside Python (median of five): the reference a ratio
/// is taken against, because a ratio holds across machines where a time does not.
func pythonJSONLoad(_ file: URL) -> Double? {
    let code = """
        import json, sys, time
        times = []
        for _ in range(5):
            t = time.perf_counter()
            with open(sys.argv[1], 'rb') as f: json.load(f)
            times.append(time.perf_counter() - t)
        print(sorted(times)[2])
        """
    let run = ChildProcess.run("/usr/bin/python3", ["-c", code, file.path], environment: ProcessInfo.processInfo.environment, keep: true)
    return Double(run.output.trimmingCharacters(in: .whitespacesAndNewlines))
}
