import Foundation
import GRDB

/// The desk's storage behind an intent-named API; GRDB stays inside this module.
///
/// Every write runs in one IMMEDIATE transaction (so a second process waits for the lock
/// instead of failing on a stale snapshot), checks roles in the core, and appends its audit
/// record in the same transaction.
public final class LaporStore: Sendable {
    let writer: any DatabaseWriter
    /// Where the database lives, for messages (`:memory:` in tests).
    public let path: String
    public let zone: DeskZone
    /// Candidates' incident signatures, kept while their text is unchanged.
    let signatureCache = SignatureCache()

    /// Opens (creating with owner-only permissions if needed) and migrates a WAL database file.
    /// With `group`, a new file is created for that group instead (mode 0660, the group's id), so
    /// the staff of one desk can share it; `lapor` takes the group from `LAPOR_DB_GROUP`.
    public static func open(path: String, busyTimeout: TimeInterval = 2, group: String? = nil) throws -> LaporStore {
        let url = URL(fileURLWithPath: path)
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw LaporError.cannotOpenDatabase(path: path, reason: "it is a directory")
        }
        if !fm.fileExists(atPath: path) {
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw LaporError.cannotOpenDatabase(path: path, reason: "cannot create its folder")
            }
            // Citizens' identities live here: the file (and SQLite's -wal/-shm, which copy its mode) is
            // owner-only, or owner-and-group when a group is configured.
            var gid: gid_t?
            if let group, !group.isEmpty {
                guard let entry = getgrnam(group) else {
                    throw LaporError.cannotOpenDatabase(path: path, reason: "the group '\(group)' (LAPOR_DB_GROUP) does not exist")
                }
                gid = entry.pointee.gr_gid
            }
            let fd = Darwin_open(path, O_CREAT | O_WRONLY, gid == nil ? 0o600 : 0o660)
            if fd < 0 { throw LaporError.cannotOpenDatabase(path: path, reason: String(cString: strerror(errno))) }
            if let gid {
                // The umask may have taken the group bits; set them and the group explicitly.
                if fchown(fd, uid_t.max, gid) != 0 || fchmod(fd, 0o660) != 0 {
                    let reason = String(cString: strerror(errno))
                    close(fd)
                    try? fm.removeItem(atPath: path)
                    throw LaporError.cannotOpenDatabase(path: path, reason: "cannot give it to the group '\(group ?? "")': \(reason)")
                }
            }
            close(fd)
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "lapor"
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            let store = try LaporStore(writer: pool, path: path)
            return store
        } catch let error as LaporError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw LaporError.databaseBusy(path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw LaporError.cannotOpenDatabase(path: path, reason: "the file is not a SQLite database")
        } catch let error as DatabaseError {
            throw LaporError.cannotOpenDatabase(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// An in-memory database for tests.
    public static func inMemory() throws -> LaporStore {
        try LaporStore(writer: DatabaseQueue(), path: ":memory:")
    }

    init(writer: any DatabaseWriter, path: String) throws {
        self.writer = writer
        self.path = path
        do {
            try Schema.migrator.migrate(writer)
            let zoneName = try writer.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'time_zone'")
            }
            zone = zoneName.flatMap(DeskZone.init(identifier:)) ?? .jakarta
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw LaporError.cannotOpenDatabase(path: path, reason: "the file is not a SQLite database")
        }
    }

    /// Runs `body` in an IMMEDIATE write transaction, retrying a few times while another process
    /// holds the lock, then reporting ``LaporError/databaseBusy(path:)``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        var attempts = 0
        while true {
            do {
                return try writer.writeWithoutTransaction { db in
                    var result: T?
                    try db.inTransaction(.immediate) {
                        result = try body(db)
                        return .commit
                    }
                    return result!
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                attempts += 1
                if attempts >= 3 { throw LaporError.databaseBusy(path: path) }
            }
        }
    }

    /// Reads a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read { db in try body(db) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw LaporError.databaseBusy(path: path)
        }
    }

    /// Whether the desk has any human user yet (a fresh database has only the system user).
    public func hasPeople() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM user WHERE role <> 'system')") ?? false }
    }
}

#if canImport(Glibc)
import Glibc
private func Darwin_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.open(path, flags, mode) }
#elseif canImport(Darwin)
import Darwin
private func Darwin_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Darwin.open(path, flags, mode) }
#endif
