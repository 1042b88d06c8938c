import ArgumentParser
import LaporCore

/// `lapor init`: create or migrate the database; the first user becomes supervisor.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create or migrate the database; the first user (the OS login) becomes supervisor.")
    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = try Context.checkedLanguage(common)
        let path = Context.databasePath(common)
        let store: any DeskBackend
        let location: String
        if PGLocation.isPostgres(path) {
            let server = try PGStore.open(uri: path)
            (store, location) = (server, server.location)
        } else {
            let (file, _) = try Context.openStore(common)
            (store, location) = (file, file.path)
        }
        let now = try Context.now(common, zone: store.zone)
        let user = try store.initialize(login: Context.login(common), at: now)
        if common.json {
            try Output.json(["database": location, "user": user.login, "role": user.role.rawValue])
        } else {
            Output.line(language == .id
                ? "Basis data siap: \(location) (pengguna \(user.login), peran \(user.role.rawValue))"
                : "Database ready: \(location) (user \(user.login), role \(user.role.rawValue))")
        }
    }
}
