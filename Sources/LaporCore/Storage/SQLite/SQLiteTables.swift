import Foundation
import GRDB

/// The SQLite store seen as its tables, for `lapor db copy`.
final class SQLiteTables: TableStore {
    private let store: LaporStore

    init(_ store: LaporStore) {
        self.store = store
    }

    var location: String { store.path }

    func occupant() throws -> String? {
        try store.read { db in
            let reports = try Int.fetchOne(db, sql: "SELECT count(*) FROM report") ?? 0
            let audit = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0
            let agencies = try Int.fetchOne(db, sql: "SELECT count(*) FROM agency") ?? 0
            let people = try Int.fetchOne(db, sql: "SELECT count(*) FROM user WHERE role <> 'system'") ?? 0
            return Occupancy(reports: reports, auditRecords: audit, agencies: agencies, people: people).description
        }
    }

    func rowCount(_ table: StoreTable) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(quoted(table.name))") ?? 0 }
    }

    func readRows(_ table: StoreTable, _ row: ([StoreValue]) throws -> Void) throws {
        let columns = table.columns.map { quoted($0.name) }.joined(separator: ", ")
        let order = table.key.map(quoted).joined(separator: ", ")
        try store.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(quoted(table.name)) ORDER BY \(order)")
            while let next = try cursor.next() {
                var values: [StoreValue] = []
                values.reserveCapacity(table.columns.count)
                for index in 0..<table.columns.count {
                    values.append(Self.value((next[index] as DatabaseValue).storage))
                }
                try row(values)
            }
        }
    }

    /// Replaces the seeded rows of a fresh desk with the copy. The report insert triggers stand aside
    /// (the counters and the register are copied as they are), the full-text index is rebuilt once,
    /// and the triggers are reinstalled for the copied zone.
    func load(_ tables: [StoreTable], rows: (StoreTable, ([StoreValue]) throws -> Void) throws -> Void) throws {
        try store.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try InsertTriggers.suspended(db) {
                for table in tables.reversed() {
                    try db.execute(sql: "DELETE FROM \(quoted(table.name))")
                }
                for table in tables {
                    let names = table.columns.map { quoted($0.name) }.joined(separator: ", ")
                    let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
                    let insert = try db.makeStatement(sql: "INSERT INTO \(quoted(table.name)) (\(names)) VALUES (\(marks))")
                    try rows(table) { values in
                        try insert.execute(arguments: StatementArguments(values.map(Self.databaseValue)))
                    }
                }
            }
            try db.execute(sql: "INSERT INTO report_text(report_text) VALUES ('rebuild')")
            let offset = try LaporStore.zoneOffset(db)
            try DailyCounters.installTriggers(db, offsetSeconds: offset)
            try RequestRegister.install(db, offsetSeconds: offset)
        }
    }

    private static func value(_ storage: DatabaseValue.Storage) -> StoreValue {
        switch storage {
        case .null: .null
        case let .int64(value): .integer(value)
        case let .double(value): .real(value)
        case let .string(value): .text(value)
        case let .blob(data): .blob([UInt8](data))
        }
    }

    private static func databaseValue(_ value: StoreValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case let .integer(value): value.databaseValue
        case let .real(value): value.databaseValue
        case let .text(value): value.databaseValue
        case let .blob(bytes): Data(bytes).databaseValue
        }
    }
}

private func quoted(_ name: String) -> String { "\"\(name)\"" }

extension LaporStore {
    /// This store as tables, for `lapor db copy`.
    public var tables: TableStore { SQLiteTables(self) }
}

extension SQLiteTables {
    var engine: String { "sqlite" }

    func check() throws -> [StoreCheck] {
        var checks: [StoreCheck] = []
        try store.read { db in
            let complete = try Schema.migrator.hasCompletedMigrations(db)
            let applied = try Schema.migrator.appliedIdentifiers(db).count
            checks.append(StoreCheck("migrations", complete ? .ok : .failed,
                                     complete ? "\(applied) applied, none missing" : "some migrations are missing"))
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            checks.append(StoreCheck("integrity", integrity == ["ok"] ? .ok : .failed,
                                     integrity == ["ok"] ? "PRAGMA integrity_check: ok"
                                        : integrity.prefix(5).joined(separator: "; ")))
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            checks.append(StoreCheck("foreign keys", orphans == 0 ? .ok : .failed,
                                     orphans == 0 ? "PRAGMA foreign_key_check: no orphans" : "\(orphans) rows point at nothing"))
        }
        do {
            try store.write { db in
                try db.execute(sql: "INSERT INTO report_text(report_text) VALUES ('integrity-check')")
            }
            checks.append(StoreCheck("full-text index", .ok, "FTS5 integrity-check: the index matches the reports"))
        } catch let error as DatabaseError {
            checks.append(StoreCheck("full-text index", .failed, error.message ?? "FTS5 integrity-check failed"))
        }
        let mismatches = try store.verifyDailyCounts()
        checks.append(StoreCheck("daily counters", mismatches == 0 ? .ok : .failed,
                                 mismatches == 0 ? "equal to a full recount" : "\(mismatches) rows differ from a recount"))
        return checks
    }
}
