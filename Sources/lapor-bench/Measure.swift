import Foundation

/// Runs a command as a child process and reports its wall time and peak resident memory
/// (`ru_maxrss` from `wait4`), so each figure belongs to one process and nothing else.
enum Measure {
    struct Result { var seconds: Double; var peakMB: Double; var status: Int32 }

    static func child(_ arguments: [String], stdin: String? = nil) throws -> Result {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var inputPath: String?
        if let stdin {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-stdin-\(getpid())").path
            try stdin.write(toFile: path, atomically: true, encoding: .utf8)
            posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
            inputPath = path
        }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let started = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard rc == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        if let inputPath { try? FileManager.default.removeItem(atPath: inputPath) }
        return Result(seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF)
    }

    /// Median of several timed runs of `body`, in milliseconds.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let started = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }

    /// The path of this very executable, to re-run it as a measured child.
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ text: String) { description = text }
}
