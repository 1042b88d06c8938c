import Foundation
import Testing
@testable import LaporCLI

/// The same commands on a desk in a file and on its twin on a server, compared: the PostgreSQL
/// suites' one way of saying "answers as on SQLite".
enum EngineComparison {
    static func run(_ arguments: [String]) -> (code: Int32, out: String) {
        Capture.stdout { LaporCLI.run(arguments) }
    }

    /// Runs each command of `script` on both stores, as text then as JSON (the second run meets the
    /// first one's result), expecting the same exit code and output; returns how many runs landed.
    /// `connected`: on the server each command logs in as its `--as` user's own server role, so
    /// grants and row-level security apply (the tests' superuser passes them all).
    static func compare(_ script: [[String]], _ file: String, _ server: String, now: String, connected: Bool = false) -> Int {
        var landed = 0
        for (n, command) in script.enumerated() {
            for json in [false, true] {
                let extra = ["--now", now] + (json ? ["--json"] : [])
                let here = run(["--db", file] + extra + command)
                let there = run(connected ? connectedAs(command, server: server, extra: extra)
                                          : ["--db", server] + extra + command)
                #expect(here.code == there.code, "\(n) \(command): exit \(here.code) on SQLite, \(there.code) on PostgreSQL")
                #expect(here.out == there.out, "\(n) \(command): \(here.out.prefix(300)) | \(there.out.prefix(300))")
                if here.code == 0 { landed += 1 }
            }
        }
        return landed
    }

    /// The command on the server with `--as LOGIN` turned into a connection as LOGIN's role.
    static func connectedAs(_ command: [String], server: String, extra: [String]) -> [String] {
        guard let at = command.firstIndex(of: "--as"), at + 1 < command.count else { return ["--db", server] + extra + command }
        var rest = command
        let login = rest[at + 1]
        rest.removeSubrange(at...(at + 1))
        return ["--db", server.replacingOccurrences(of: "//lapor@", with: "//\(login)@")] + extra + rest
    }

    /// Reads that must succeed and answer byte for byte alike, each run with `prefix` first.
    static func expectSameReads(_ commands: [[String]], _ file: String, _ server: String, prefix: [String]) {
        for command in commands {
            let here = run(["--db", file] + prefix + command)
            let there = run(["--db", server] + prefix + command)
            #expect(here.code == 0 && here.out == there.out, "\(command): \(here.out.prefix(300)) | \(there.out.prefix(300))")
        }
    }
}
