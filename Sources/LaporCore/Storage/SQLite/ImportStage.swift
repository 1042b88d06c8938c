import Foundation
import GRDB

/// While this setting row exists, inserts into `report` leave the full-text index and the daily
/// counters to the caller. Earlier versions set it around each import batch; batches now drop the
/// insert triggers for their one statement instead (`InsertTriggers`, cheaper per row), and the
/// triggers keep this clause from the migrations that wrote them (setting it still works).
enum BulkImportFlag {
    static let key = "bulk_import_in_this_transaction"
    static let whenAbsent = "WHEN NOT EXISTS (SELECT 1 FROM setting WHERE key = '\(key)')"
}

/// New reports of an import batch, gathered in a TEMP table and moved into `report` with one
/// `INSERT … SELECT`. Row by row, every insert into `report` (with its full-text and counter
/// triggers) paid for a statement journal of its own; callgrind put that at 60 % of the import.
/// One statement per batch pays once; the full-text rows, counters and audit records it writes
/// are the ones the triggers would have written.
struct ImportStage {
    private var staged: Set<String> = []
    /// Whether the batch holds an information request, which gets its register number on the move.
    private var holdsRequests = false
    private var insert: FastInsert

    init(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS import_stage (
                seq INTEGER PRIMARY KEY, tracking_id TEXT NOT NULL, submitted_at INTEGER NOT NULL, title TEXT NOT NULL,
                body TEXT NOT NULL, category TEXT NOT NULL, subcategory TEXT NOT NULL, type TEXT NOT NULL, channel TEXT NOT NULL,
                reporter_name TEXT NOT NULL, reporter_contact TEXT NOT NULL, anonymous INTEGER NOT NULL,
                confidential INTEGER NOT NULL, kecamatan TEXT NOT NULL, kelurahan TEXT NOT NULL, address TEXT NOT NULL,
                agency_id INTEGER, state TEXT NOT NULL, updated_at INTEGER NOT NULL, due_at INTEGER, due_soon_at INTEGER,
                due_clock TEXT);
            DELETE FROM temp.import_stage;
            """)
        insert = try FastInsert(db, sql: """
            INSERT INTO temp.import_stage (tracking_id, submitted_at, title, body, category, subcategory, type, channel,
                reporter_name, reporter_contact, anonymous, confidential, kecamatan, kelurahan, address, agency_id, state,
                updated_at, due_at, due_soon_at, due_clock)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Whether a report with this tracking id waits in the stage.
    func holds(_ trackingID: String) -> Bool { staged.contains(trackingID) }

    mutating func add(_ db: Database, _ r: Report, due: ClockReading?, at now: Date) throws {
        // Bound one by one in the stage's column order: no array per row on the import loop.
        insert.text(r.trackingID)
        insert.int(RowDecoding.seconds(r.submittedAt))
        insert.text(r.title); insert.text(r.body); insert.text(r.category); insert.text(r.subcategory)
        insert.text(r.type.rawValue); insert.text(r.channel.rawValue); insert.text(r.reporterName); insert.text(r.reporterContact)
        insert.int(r.anonymous ? 1 : 0)
        insert.int(r.confidential ? 1 : 0)
        insert.text(r.kecamatan); insert.text(r.kelurahan); insert.text(r.address)
        insert.int(r.agencyID)
        insert.text(r.state.rawValue)
        insert.int(RowDecoding.seconds(now))
        insert.int(due.map { RowDecoding.seconds($0.deadline) })
        insert.int(due.map { RowDecoding.seconds($0.dueSoonAt) })
        insert.optionalText(due?.clock.rawValue)
        try insert.run(db)
        staged.insert(r.trackingID)
        if r.type == .permintaanInformasi { holdsRequests = true }
    }

    /// Moves the staged reports into `report` in file order, with one `import` audit record each;
    /// returns the tracking ids it moved.
    @discardableResult
    mutating func flush(_ db: Database, actor: User, at now: Date) throws -> Set<String> {
        guard !staged.isEmpty else { return [] }
        let before = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM report") ?? 0
        // The batch adds its full-text rows, counters and request numbers below, in one statement each.
        try InsertTriggers.suspended(db) {
            try db.execute(sql: """
                INSERT INTO report (tracking_id, submitted_at, title, body, category, subcategory, type, channel, reporter_name,
                    reporter_contact, anonymous, confidential, kecamatan, kelurahan, address, agency_id, state, bounces, returned,
                    version, state_since, updated_at, due_at, due_soon_at, due_clock)
                SELECT tracking_id, submitted_at, title, body, category, subcategory, type, channel, reporter_name,
                    reporter_contact, anonymous, confidential, kecamatan, kelurahan, address, agency_id, state, 0, 0,
                    1, submitted_at, updated_at, due_at, due_soon_at, due_clock
                FROM temp.import_stage ORDER BY seq;
                """)
        }
        try db.execute(sql: "INSERT INTO report_text (rowid, title, body) SELECT id, title, body FROM report WHERE id > ?",
                       arguments: [before])
        let offset = try LaporStore.zoneOffset(db)
        try DailyCounters.addStaged(db, table: "temp.import_stage", offsetSeconds: offset)
        if holdsRequests { try RequestRegister.registerNew(db, after: before, offsetSeconds: offset) }
        try db.execute(sql: """
            INSERT INTO audit (at, actor, role, action, report_id, to_state, to_agency_id, note)
            SELECT ?, ?, ?, 'import', id, state, agency_id, '' FROM report WHERE id > ? ORDER BY id;
            DELETE FROM temp.import_stage;
            """, arguments: [RowDecoding.seconds(now), actor.login, actor.role.rawValue, before])
        defer {
            staged.removeAll(keepingCapacity: true)
            holdsRequests = false
        }
        return staged
    }

    /// The tracking ids among `ids` that `report` already holds, in one query for the batch.
    static func existing(_ db: Database, _ ids: [String]) throws -> Set<String> {
        let json = jsonArray(ids)
        return Set(try String.fetchAll(db, sql: "SELECT tracking_id FROM report WHERE tracking_id IN (SELECT value FROM json_each(?))",
                                       arguments: [json]))
    }

    /// A JSON array of strings (JSONSerialization cost more than the query it feeds).
    static func jsonArray(_ texts: [String]) -> String {
        var out = "["
        for (i, text) in texts.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }
        return out + "]"
    }
}
