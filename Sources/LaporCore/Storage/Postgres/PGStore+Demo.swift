import Foundation

/// The demo on a server: made in a temporary SQLite file, as on a desk machine, then copied into
/// the empty database by `db copy`'s code (every table counted on both sides); the file goes away
/// either way, so the server's demo is the file's, byte for byte.
extension PGStore {
    /// Fills the empty database at `uri` with `generator`'s demo; `login` becomes its supervisor.
    /// Returns the number of reports.
    public static func loadDemo(into uri: String, _ generator: DemoGenerator, login: String, at now: Date,
                                scratch folder: String) throws -> Int {
        let file = "\(folder)/lapor-demo-\(UUID().uuidString).sqlite"
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        }
        let store = try LaporStore.open(path: file)
        let user = try store.initialize(login: login, at: now)
        let count = try store.loadDemo(generator, by: user, at: now)
        _ = try StoreCopy.copy(from: store.tables, to: try PGTables.open(uri: uri), by: user.login)
        return count
    }
}
