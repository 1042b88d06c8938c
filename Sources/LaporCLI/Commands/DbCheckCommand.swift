import ArgumentParser
import Foundation
import LaporCore

/// `lapor db check`: the store engine's integrity checks and the counters' recount (`stats verify`).
struct DbCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Run the store's integrity checks and stats verify (exit 1 if any fails).")
    @OptionGroup var common: CommonOptions

    struct Result: Codable {
        let store: String
        let engine: String
        let ok: Bool
        let checks: [StoreCheck]
    }

    func run() throws {
        let language = Language.resolve(flag: common.lang, environment: ProcessInfo.processInfo.environment)
        let store = try StoreLocation.existing(Context.databasePath(common), language: language)
        let checks = try store.check()
        let ok = !checks.contains { $0.status == .failed }
        if common.json {
            try Output.encode(Result(store: store.location, engine: store.engine, ok: ok, checks: checks))
        } else {
            var table = Table(language == .en ? ["check", "result", "detail"] : ["pemeriksaan", "hasil", "rincian"],
                              flexible: 2)
            for check in checks { table.add([check.name, check.status.rawValue, check.detail]) }
            Output.line(Sanitizer.line("\(store.location) (\(store.engine))"))
            Output.line(table.render(width: Output.width))
        }
        if !ok { throw SilentExit(code: 1) }
    }
}
