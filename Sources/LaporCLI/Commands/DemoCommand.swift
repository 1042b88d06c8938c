import ArgumentParser
import Foundation
import LaporCore

/// `lapor demo`: fill an empty database with a realistic, deterministic demo desk.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Fill the database with a deterministic demo: agencies, people, two years of reports.")
    @OptionGroup var common: CommonOptions
    @Option(help: "Seed: the same seed, --days and --now give the same demo.") var seed: UInt64 = 1
    @Option(help: "Days of history ending today (or --now).") var days: Int = 730

    func run() throws {
        guard days >= 1, days <= 3650 else { throw LaporError.invalidArgument("--days takes 1 to 3650, not \(days).") }
        let path = Context.databasePath(common)
        if PGLocation.isPostgres(path) { return try runOnServer(path) }
        let (store, language) = try Context.openStore(common)
        let now = try Context.now(common, zone: store.zone)
        let login = Context.login(common)
        // A fresh database is initialised as `lapor init` would, so the demo works in one command.
        let user = try store.hasPeople() ? store.user(login: login) : store.initialize(login: login, at: now)
        let started = Date()
        let count = try store.loadDemo(DemoGenerator(seed: seed, days: days, end: now, zone: store.zone), by: user, at: now)
        try tell(location: store.path, count: count, seconds: Date().timeIntervalSince(started), language: language)
    }

    /// On a server: ``PGStore/loadDemo(into:_:login:at:scratch:)`` into an empty database.
    private func runOnServer(_ uri: String) throws {
        let language = try Context.checkedLanguage(common)
        let server = try PGStore.open(uri: uri)
        guard try !server.hasPeople() else {
            throw LaporError.invalidArgument(language == .en
                ? "The database at \(server.location) already holds a desk; the demo fills an empty database."
                : "Basis data di \(server.location) sudah berisi desk; demo mengisi basis data yang kosong.")
        }
        let started = Date()
        let now = try Context.now(common, zone: server.zone)
        let generator = DemoGenerator(seed: seed, days: days, end: now, zone: server.zone)
        let count = try PGStore.loadDemo(into: uri, generator, login: Context.login(common), at: now,
                                         scratch: FileManager.default.temporaryDirectory.path)
        try tell(location: server.location, count: count, seconds: Date().timeIntervalSince(started), language: language)
    }

    private func tell(location: String, count: Int, seconds: Double, language: Language) throws {
        if common.json {
            try Output.json(["database": location, "reports": count, "days": days, "seed": seed, "seconds": (seconds * 100).rounded() / 100])
        } else {
            Output.line(language == .id
                ? "\(count) laporan demo dibuat di \(location) (\(days) hari, seed \(seed)). Pengguna demo: kabid.ikp, op.sari, op.budi, pimpinan, pd.<kode>."
                : "\(count) demo reports written to \(location) (\(days) days, seed \(seed)). Demo users: kabid.ikp, op.sari, op.budi, pimpinan, pd.<code>.")
        }
    }
}
