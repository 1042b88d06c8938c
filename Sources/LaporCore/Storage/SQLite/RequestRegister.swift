import Foundation
import GRDB

/// The PPID's numbering: every information request gets its registration number the moment it is
/// stored (UU 14/2008 Pasal 22: the PPID registers a request on receipt), numbered per year of receipt
/// in the desk's zone. A trigger covers single inserts and a change of type; a bulk import numbers its
/// batch in one statement. Numbers once given never change, even if the zone does later.
enum RequestRegister {
    static func install(_ db: Database, offsetSeconds: Int) throws {
        let year = { (row: String) in "CAST(strftime('%Y', \(row).submitted_at + \(offsetSeconds), 'unixepoch') AS INTEGER)" }
        let number = { (row: String) in
            """
            INSERT INTO info_request (report_id, year, seq)
                SELECT \(row).id, \(year(row)), coalesce(max(seq), 0) + 1 FROM info_request WHERE year = \(year(row))
                ON CONFLICT (report_id) DO NOTHING;
            """
        }
        try db.execute(sql: """
            DROP TRIGGER IF EXISTS info_request_insert;
            DROP TRIGGER IF EXISTS info_request_retype;
            CREATE TRIGGER info_request_insert AFTER INSERT ON report
                WHEN NEW.type = 'permintaan_informasi' AND NOT EXISTS (SELECT 1 FROM setting WHERE key = '\(BulkImportFlag.key)')
            BEGIN
                \(number("NEW"))
            END;
            CREATE TRIGGER info_request_retype AFTER UPDATE OF type ON report WHEN NEW.type = 'permintaan_informasi' BEGIN
                \(number("NEW"))
            END;
            """)
    }

    /// Numbers the requests among reports with id above `after` that have no number yet, in id order.
    static func registerNew(_ db: Database, after: Int64, offsetSeconds: Int) throws {
        try db.execute(sql: """
            INSERT INTO info_request (report_id, year, seq)
            SELECT id, y, coalesce((SELECT max(seq) FROM info_request WHERE year = y), 0)
                + row_number() OVER (PARTITION BY y ORDER BY id)
            FROM (SELECT id, CAST(strftime('%Y', submitted_at + \(offsetSeconds), 'unixepoch') AS INTEGER) AS y
                  FROM report WHERE id > ? AND type = 'permintaan_informasi'
                  AND NOT EXISTS (SELECT 1 FROM info_request WHERE info_request.report_id = report.id))
            """, arguments: [after])
    }

    /// Schema of v13: the `objected` state, the register table and the audit record's detail.
    static func migrate(_ db: Database) throws {
        // SQLite cannot alter a CHECK constraint; widening one that every row already satisfies is the
        // documented writable_schema edit (sqlite.org/lang_altertable.html#otheralter), without
        // copying a million rows.
        let old = "'awaiting_reporter', 'resolved', 'archived')"
        let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'report'") ?? ""
        guard sql.contains(old) else { throw LaporError.invalidArgument("Unexpected report table; cannot add the objected state.") }
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        try db.execute(sql: "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'report'",
                       arguments: [sql.replacingOccurrences(of: old, with: "'awaiting_reporter', 'resolved', 'archived', 'objected')")])
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        db.clearSchemaCache()
        try db.execute(sql: """
            CREATE TABLE info_request (
                report_id INTEGER PRIMARY KEY REFERENCES report(id),
                year INTEGER NOT NULL,
                seq INTEGER NOT NULL CHECK (seq >= 1),
                purpose TEXT NOT NULL DEFAULT '',
                delivery TEXT NOT NULL DEFAULT '',
                decision TEXT CHECK (decision IN ('granted', 'partial', 'refused')),
                ground TEXT,
                decided_at INTEGER,
                extended_at INTEGER,
                objected_at INTEGER,
                objection_answered_at INTEGER,
                objection_outcome TEXT CHECK (objection_outcome IN ('accepted', 'rejected')),
                disputed_at INTEGER,
                UNIQUE (year, seq)
            );
            ALTER TABLE audit ADD COLUMN detail TEXT;
            """)
        let offset = try LaporStore.zoneOffset(db)
        try install(db, offsetSeconds: offset)
        try registerNew(db, after: 0, offsetSeconds: offset)
    }
}
