import ArgumentParser
import LaporCore

/// `lapor init`: create or migrate the database; the first user becomes supervisor.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create or migrate the database; the first user (the OS login) becomes supervisor.")
    @OptionGroup var common: CommonOptions

    func run() throws {
        let (store, language) = try Context.openStore(common)
        let now = try Context.now(common, zone: store.zone)
        let user = try store.initialize(login: Context.login(common), at: now)
        if common.json {
            try Output.json(["database": store.path, "user": user.login, "role": user.role.rawValue])
        } else {
            Output.line(language == .id
                ? "Basis data siap: \(store.path) (pengguna \(user.login), peran \(user.role.rawValue))"
                : "Database ready: \(store.path) (user \(user.login), role \(user.role.rawValue))")
        }
    }
}
