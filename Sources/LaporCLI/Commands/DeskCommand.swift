import ArgumentParser
import Foundation
import LaporCore
import LaporDesk
import LaporTerminal

/// `lapor desk` (and plain `lapor`): the terminal desk, or the same desk headless from a key script.
struct DeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "desk", abstract: "The terminal desk (TUI); --headless runs it from a key script.")
    @OptionGroup var common: CommonOptions
    @Flag(help: "Open the demo database (kept per seed in ~/.cache/lapor unless --db names one; built on first use).")
    var demo = false
    @Option(help: "Days of demo history, with --demo (a new number builds a new demo).") var demoDays: Int = 730
    @Flag(help: "Run without a terminal: feed --keys, print the final screen.") var headless = false
    @Option(help: "Headless screen size, COLSxROWS.") var size: String = "80x24"
    @Option(help: "Headless key script, e.g. 'jj<Enter>q'.") var keys: String = ""
    @Option(help: "Headless: write key latencies as JSON to this file.") var timing: String?

    func run() throws {
        let language = Language.resolve(flag: common.lang, environment: ProcessInfo.processInfo.environment)
        // The terminal first: nothing is built for a desk that cannot be shown.
        guard headless || (isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1) else {
            throw LaporError.invalidArgument(language == .id
                ? "Desk memerlukan terminal; untuk skrip gunakan: lapor desk --headless --keys KEYS."
                : "The desk needs a terminal; for scripts use: lapor desk --headless --keys KEYS.")
        }
        var options = common
        var loader: DemoLoader?
        if demo { (options.db, loader) = try prepareDemo(language) }
        let ctx = try Context.open(options, onServer: !demo)
        let now = common.now ?? ProcessInfo.processInfo.environment["LAPOR_NOW"]
        let pinned = now != nil ? ctx.now : nil
        if headless { loader?.wait() }
        // A desk says that it is disconnected and tries again at its next poll, rather than wait.
        (ctx.reader as? PGStore)?.patience = 1
        let runtime = try DeskRuntime(store: ctx.reader, user: ctx.user, language: ctx.language, clock: { pinned ?? Date() })
        if headless { return try runHeadless(runtime) }
        if let loader {
            runtime.backgroundNote = { loader.note() }
        }
        try TerminalDesk(runtime: runtime).run()
    }

    private func runHeadless(_ runtime: DeskRuntime) throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else {
            throw LaporError.invalidArgument("--size takes COLSxROWS such as 80x24, not '\(size)'.")
        }
        let script: [Key]
        do { script = try Key.script(keys) } catch {
            throw LaporError.invalidArgument("Unknown key <\(error.name)> at column \(error.column) of --keys.")
        }
        var desk = HeadlessDesk(runtime: runtime, width: parts[0], height: parts[1])
        desk.warmUp()
        desk.press(script)
        Output.line(desk.screen.text)
        if let timing {
            func summary(_ values: [Double]) -> [String: Double] {
                let sorted = values.sorted()
                func pct(_ p: Double) -> Double {
                    guard !sorted.isEmpty else { return 0 }
                    return (sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)] * 100).rounded() / 100
                }
                return ["p50": pct(0.5), "p99": pct(0.99), "max": pct(1.0)]
            }
            // Keys are timed to their frame; a new limit's exact counts follow it (exact_counts_ms).
            var json: [String: Any] = ["keys": desk.latencies.count, "latency_ms": summary(desk.latencies)]
            if !desk.countLatencies.isEmpty {
                json["exact_counts_ms"] = summary(desk.countLatencies).merging(["n": Double(desk.countLatencies.count)]) { a, _ in a }
            }
            let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
            guard FileManager.default.createFile(atPath: timing, contents: data) else {
                throw LaporError.invalidArgument("Cannot write --timing file \(timing).")
            }
        }
    }

    /// The demo database: `--db` or the cached one per seed. A finished demo is reused; an empty or
    /// unfinished one (a load that was cut short) is written again, in the background.
    private func prepareDemo(_ language: Language) throws -> (String, DemoLoader?) {
        guard (1...3650).contains(demoDays) else { throw LaporError.invalidArgument("--demo-days takes 1 to 3650, not \(demoDays).") }
        let path = try common.db ?? DemoLoader.cachedPath(seed: 1, days: demoDays)
        try StoreLocation.refuseServer(path, language: language)
        var store = try LaporStore.open(path: path, group: ProcessInfo.processInfo.environment["LAPOR_DB_GROUP"])
        if try store.holdsFinishedDemo() { return (path, nil) }
        let anybody = User(login: "", role: .supervisor)
        if try store.countReports(nil, for: anybody) > 0 {
            // Our own cached file, cut short last time: start it again. A --db the user named is theirs.
            guard common.db == nil else { return (path, nil) }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            store = try LaporStore.open(path: path)
        }
        let now = try Context.now(common, zone: store.zone)
        let login = Context.login(common)
        let user = try store.hasPeople() ? store.user(login: login) : store.initialize(login: login, at: now)
        FileHandle.standardError.write(Data((language == .id ? "Membuat basis data demo di \(path) …\n"
                                                             : "Writing the demo database to \(path) …\n").utf8))
        let loader = DemoLoader(language: language)
        loader.start(store: store, user: user, generator: DemoGenerator(seed: 1, days: demoDays, end: now, zone: store.zone), at: now)
        return (path, loader)
    }
}
