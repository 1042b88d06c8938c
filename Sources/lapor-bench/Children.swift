import Foundation
import LaporCore
import LaporDesk

/// Work the benchmark runs in child processes, so each one's peak memory is measured alone.
enum Children {
    /// `import FILE DB`: a full `lapor import` through the core's importer, into a file or a server.
    static func importFile(_ file: String, db: String, now: Date) throws {
        let store = try BenchTarget.open(db)
        let user = try store.initialize(login: "bench", at: now)
        let summary = try Importer(store: store, user: user, now: now).run([file], format: file.hasSuffix(".xlsx") ? .auto : .csv)
        guard summary.rejected == 0, summary.inserted == summary.rows else {
            throw BenchError("import: \(summary.rows) rows, \(summary.inserted) inserted, \(summary.rejected) rejected")
        }
    }

    /// `demo DB`: the two-year demo into a new database, as `lapor demo` writes it.
    static func demo(db: String, now: Date) throws {
        if PGLocation.isPostgres(db) {
            let generator = DemoGenerator(seed: 1, days: 730, end: now, zone: .jakarta)
            _ = try PGStore.loadDemo(into: db, generator, login: "bench", at: now,
                                     scratch: FileManager.default.temporaryDirectory.path)
            return
        }
        let store = try LaporStore.open(path: db)
        let user = try store.initialize(login: "bench", at: now)
        try store.loadDemo(DemoGenerator(seed: 1, days: 730, end: now, zone: store.zone), by: user, at: now)
    }

    /// `desk DB OUT`: opens the headless desk at 80×24 and feeds a key script; writes first-frame time and latencies.
    static func desk(db: String, out: String, now: Date) throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let store = try BenchTarget.open(db)
        let user = try store.initialize(login: "bench", at: now)
        let runtime = try DeskRuntime(store: store, user: user, language: .id, clock: { now })
        var desk = HeadlessDesk(runtime: runtime, width: 80, height: 24)
        _ = desk.screen
        let firstFrame = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        desk.warmUp()
        var groups: [String: [Double]] = [:]
        // `LAPOR_BENCH_ONLY=open` runs one group's keys (for profiling one kind of key).
        let only = ProcessInfo.processInfo.environment["LAPOR_BENCH_ONLY"]
        func run(_ name: String, _ script: String) throws {
            if let only, only != name { return }
            let before = desk.latencies.count
            desk.press(try Key.script(script))
            groups[name, default: []] += desk.latencies[before...]
            if ProcessInfo.processInfo.environment["LAPOR_BENCH_TRACE"] != nil {
                let times = desk.latencies[before...].map { String(format: "%.1f", $0) }.joined(separator: " ")
                FileHandle.standardError.write(Data("\(name): \(times)\n".utf8))
            }
        }
        try run("move", String(repeating: "j", count: 60) + String(repeating: "k", count: 20))
        try run("page", String(repeating: "<PgDn>", count: 15) + "G" + "g")
        try run("open", String(repeating: "<Enter><Esc>j", count: 10))
        try run("limit", "l<C-u>~c kebersihan<Enter>l<C-u>~a DLH ~o<Enter>l<C-u>~a DLH<Enter>l<C-u><Enter>")
        try run("search", "/banjir<Enter>nnn/sampah<Enter>nN")
        try run("route", "l<C-u>~s new<Enter>r<Enter>r<Enter>")
        let json: [String: Any] = ["first_frame_ms": firstFrame, "groups": groups.mapValues { $0 }, "exact_counts_ms": desk.countLatencies]
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: out))
    }
}
