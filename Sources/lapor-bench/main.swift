import Foundation
import LaporCore

/// `lapor-bench`: generates its own data and measures the targets of performance.md, each
/// beside its reference where one exists, in one invocation.
///
///     swift run -c release lapor-bench --rows 1000000 [--seed 1] [--dir /tmp/lapor-bench] [--json]
///         [--db postgresql://…]   (the desks on that server instead of SQLite files; psql \copy the reference)
///     lapor-bench --generate FILE --rows N [--seed S]     (only write the CSV; prints the row count)
///     lapor-bench --incidents DESK.sqlite [--seed S]       (only the incident rows, on a desk a run left)
let arguments = Array(CommandLine.arguments.dropFirst())
let now = DeskZone.jakarta.date(year: 2026, month: 11, day: 23, hour: 9)!

func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

do {
    if arguments.first == "--child" {
        switch arguments.dropFirst().first {
        case "import": try Children.importFile(arguments[2], db: arguments[3], now: now)
        case "desk": try Children.desk(db: arguments[2], out: arguments[3], now: now)
        case "demo": try Children.demo(db: arguments[2], now: now)
        default: throw BenchError("unknown child \(arguments)")
        }
        exit(0)
    }
    if let file = option("--generate") {
        // `--xlsx BOOK` writes the same rows as the workbook row's workbook (for profiling that row).
        let book = try option("--xlsx").map { try XLSXWriter(path: $0) }
        let count = try CSVGenerator.write(rows: Int(option("--rows") ?? "200000") ?? 200_000,
                                           seed: UInt64(option("--seed") ?? "1") ?? 1, end: now, to: file, xlsx: book)
        print(count)
        exit(0)
    }
    if let db = option("--incidents") {
        // Only the incident rows, on a desk a full run left behind (for iterating on `similar`).
        var report = Bench.Report()
        try IncidentBench(db: db, seed: UInt64(option("--seed") ?? "1") ?? 1).run(into: &report, now: now) {
            FileHandle.standardError.write(Data("· \($0)\n".utf8))
        }
        print(report.markdown)
        exit(0)
    }
    let rows = Int(option("--rows") ?? "1000000") ?? 1_000_000
    let seed = UInt64(option("--seed") ?? "1") ?? 1
    let dir = option("--dir") ?? FileManager.default.temporaryDirectory.appendingPathComponent("lapor-bench").path
    let target = BenchTarget(server: option("--db"), dir: dir)
    if let server = target.server, !PGLocation.isPostgres(server) {
        throw BenchError("--db takes a postgresql:// URI (SQLite desks go in --dir), not '\(server)'")
    }
    let report = try Bench(rows: rows, seed: seed, dir: dir, now: now, target: target).run()
    if arguments.contains("--json") {
        let data = try JSONSerialization.data(withJSONObject: report.json, options: [.prettyPrinted, .sortedKeys])
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    } else {
        print(report.markdown)
    }
} catch {
    FileHandle.standardError.write(Data("lapor-bench: \(error)\n".utf8))
    exit(1)
}
