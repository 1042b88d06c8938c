import Foundation
import LaporCore

/// A store named on the command line: a SQLite file or a PostgreSQL URI, opened as tables.
enum StoreLocation {
    /// Opens an existing store; a missing SQLite file is refused rather than created.
    static func existing(_ location: String, language: Language) throws -> TableStore {
        if PGLocation.isPostgres(location) { return try PGTables.open(uri: location) }
        guard FileManager.default.fileExists(atPath: location) else {
            throw LaporError.cannotOpenDatabase(path: location, reason: language == .en
                ? "there is no desk there" : "tidak ada desk di sana")
        }
        return try LaporStore.open(path: location).tables
    }

    /// Opens a store to copy into, creating a SQLite file (and its folder) when there is none;
    /// `created` says whether this call made the file, so a failed copy can take it away again.
    static func target(_ location: String) throws -> (store: TableStore, created: Bool) {
        if PGLocation.isPostgres(location) { return (try PGTables.open(uri: location), false) }
        let created = !FileManager.default.fileExists(atPath: location)
        return (try LaporStore.open(path: location, group: ProcessInfo.processInfo.environment["LAPOR_DB_GROUP"]).tables, created)
    }

    /// Removes a SQLite file this run created, with SQLite's companions.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// What a path that runs only on a file (`desk --demo`) says when `--db` names a server.
    static func refuseServer(_ location: String, language: Language) throws {
        guard PGLocation.isPostgres(location) else { return }
        throw serverRefusal(PGLocation.redacted(location), language: language)
    }

    /// The refusal itself, for a location already without its password.
    static func serverRefusal(_ location: String, language: Language) -> LaporError {
        LaporError.notOnServer(path: location,
            en: "this version runs every command there but desk --demo (run lapor demo there, then lapor desk)",
            id: "versi ini menjalankan semua perintah di sana kecuali desk --demo (jalankan lapor demo di sana, lalu lapor desk)")
    }
}
