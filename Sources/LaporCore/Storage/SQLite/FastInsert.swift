import GRDB
import GRDBSQLite

/// A prepared statement bound through SQLite's C API. GRDB's `StatementArguments` boxes every
/// value; on the import's hot path (21 values per row) that boxing cost more than the insert.
/// Only the import stage uses it; everything else goes through GRDB.
struct FastInsert {
    private let statement: Statement
    private var index: Int32 = 0

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    private var handle: OpaquePointer { statement.sqliteStatement }
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func text(_ value: String) {
        index += 1
        var copy = value
        let handle = handle, index = index
        copy.withUTF8 { buffer in
            if let base = buffer.baseAddress, buffer.count > 0 {
                _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(buffer.count), Self.transient)
            } else {
                // A null pointer would bind NULL; an empty text is not NULL.
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
            }
        }
    }

    mutating func int(_ value: Int64?) {
        index += 1
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    mutating func optionalText(_ value: String?) {
        if let value { text(value) } else { index += 1; sqlite3_bind_null(handle, index) }
    }

    /// Runs the statement with the values bound since the last run.
    mutating func run(_ db: Database) throws {
        defer { index = 0; sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
    }
}
