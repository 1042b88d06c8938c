import Foundation
import GRDB

/// The report table's CHECK constraints on text columns, written as chains of `=` instead of
/// `IN (…)` lists. SQLite evaluates a text `IN` list in a CHECK far slower than the equivalent
/// comparisons: the three lists cost 4 of the 5.5 s an `INSERT … SELECT` of 1,000,000 reports
/// took (measured in the `sqlite3` shell, docs/performance.md). Same rows allowed, same refused.
enum ReportChecks {
    static let types = ["pengaduan", "aspirasi", "permintaan_informasi"]
    static let channels = ["web", "mobile", "sms", "twitter", "whatsapp", "call_centre", "walk_in", "email", "other"]
    static let states = ["new", "on_hold", "verified", "dispositioned", "in_progress", "awaiting_reporter", "resolved",
                         "archived", "objected"]
    static let routed = ["dispositioned", "in_progress", "awaiting_reporter"]

    static func list(_ values: [String]) -> String { values.map { "'\($0)'" }.joined(separator: ", ") }
    static func chain(_ column: String, _ values: [String]) -> String {
        values.map { "\(column) = '\($0)'" }.joined(separator: " OR ")
    }

    /// Each CHECK as v13 left it, and as v14 writes it.
    static var rewrites: [(old: String, new: String)] {
        [("CHECK (type IN (\(list(types))))", "CHECK (\(chain("type", types)))"),
         ("CHECK (channel IN (\(list(channels))))", "CHECK (\(chain("channel", channels)))"),
         ("CHECK (state IN (\(list(states))))", "CHECK (\(chain("state", states)))"),
         ("CHECK (state NOT IN (\(list(routed))) OR agency_id IS NOT NULL)",
          "CHECK (NOT (\(chain("state", routed))) OR agency_id IS NOT NULL)")]
    }

    /// Schema v14: the same constraints, by the documented writable_schema edit (no rows copied;
    /// every row that satisfied the old form satisfies the new one).
    static func migrate(_ db: Database) throws {
        var sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'report'") ?? ""
        for rewrite in rewrites {
            guard sql.contains(rewrite.old) else {
                throw LaporError.invalidArgument("Unexpected report table; cannot rewrite \(rewrite.old).")
            }
            sql = sql.replacingOccurrences(of: rewrite.old, with: rewrite.new)
        }
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        try db.execute(sql: "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'report'", arguments: [sql])
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        db.clearSchemaCache()
    }
}

/// The report table's insert triggers (full text, daily counters, request numbers), dropped for
/// one bulk statement and created again from their own stored SQL in the same transaction, so no
/// other connection ever sees the table without them. A trigger costs about a second per million
/// rows even when its WHEN clause is false; three of them were 1.7 s of a million-row load.
enum InsertTriggers {
    static func suspended<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let triggers = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'report' AND sql LIKE '% AFTER INSERT ON report%'
            ORDER BY rowid
            """).map { ($0[0] as String, $0[1] as String) }
        for (name, _) in triggers { try db.execute(sql: "DROP TRIGGER \(name)") }
        let result = try body()
        for (_, sql) in triggers { try db.execute(sql: sql) }
        return result
    }
}
