import GRDB

/// Per-day counts kept by triggers in the same transaction as every insert, import and
/// transition, so trends over years answer from a few hundred rows and can never drift from
/// the reports: `daily_total` (day → reports submitted) and `daily_count` (day × state × agency ×
/// category × channel). Days are counted in the desk's zone; changing the zone rebuilds them.
enum DailyCounters {
    static func install(_ db: Database, offsetSeconds: Int) throws {
        try installTriggers(db, offsetSeconds: offsetSeconds)
        try rebuild(db, offsetSeconds: offsetSeconds)
    }

    /// The triggers alone, for a zone's offset (a copied desk keeps its counts as they were).
    static func installTriggers(_ db: Database, offsetSeconds: Int) throws {
        let day = { (row: String) in "((\(row).submitted_at + \(offsetSeconds)) / 86400)" }
        func bump(_ row: String, _ delta: String) -> String {
            """
            INSERT INTO daily_count (day, state, agency_id, category, channel, n)
                VALUES (\(day(row)), \(row).state, coalesce(\(row).agency_id, 0), \(row).category, \(row).channel, \(delta))
                ON CONFLICT (day, state, agency_id, category, channel) DO UPDATE SET n = n + \(delta);
            INSERT INTO daily_total (day, n) VALUES (\(day(row)), \(delta))
                ON CONFLICT (day) DO UPDATE SET n = n + \(delta);
            """
        }
        try db.execute(sql: """
            DROP TRIGGER IF EXISTS daily_count_insert;
            DROP TRIGGER IF EXISTS daily_count_update;
            DROP TRIGGER IF EXISTS daily_count_delete;
            CREATE TRIGGER daily_count_insert AFTER INSERT ON report \(BulkImportFlag.whenAbsent) BEGIN
                \(bump("NEW", "1"))
            END;
            CREATE TRIGGER daily_count_update AFTER UPDATE OF submitted_at, state, agency_id, category, channel ON report BEGIN
                \(bump("OLD", "-1"))
                \(bump("NEW", "1"))
            END;
            CREATE TRIGGER daily_count_delete AFTER DELETE ON report BEGIN
                \(bump("OLD", "-1"))
            END;
            """)
    }

    /// Counts a batch of staged rows with one grouped upsert per table, instead of two upserts
    /// per row from the trigger.
    static func addStaged(_ db: Database, table: String, offsetSeconds: Int) throws {
        try db.execute(sql: """
            INSERT INTO daily_count (day, state, agency_id, category, channel, n)
                SELECT (submitted_at + \(offsetSeconds)) / 86400, state, coalesce(agency_id, 0), category, channel, count(*)
                FROM \(table) WHERE true GROUP BY 1, 2, 3, 4, 5
                ON CONFLICT (day, state, agency_id, category, channel) DO UPDATE SET n = n + excluded.n;
            INSERT INTO daily_total (day, n)
                SELECT (submitted_at + \(offsetSeconds)) / 86400, count(*) FROM \(table) WHERE true GROUP BY 1
                ON CONFLICT (day) DO UPDATE SET n = n + excluded.n;
            """)
    }

    /// Recounts both tables from the reports.
    static func rebuild(_ db: Database, offsetSeconds: Int) throws {
        try db.execute(sql: """
            DELETE FROM daily_count;
            DELETE FROM daily_total;
            INSERT INTO daily_count (day, state, agency_id, category, channel, n)
                SELECT (submitted_at + \(offsetSeconds)) / 86400, state, coalesce(agency_id, 0), category, channel, count(*)
                FROM report GROUP BY 1, 2, 3, 4, 5;
            INSERT INTO daily_total (day, n) SELECT (submitted_at + \(offsetSeconds)) / 86400, count(*) FROM report GROUP BY 1;
            """)
    }

    /// Rows where the kept counts differ from a full recount (0 when consistent).
    static func mismatches(_ db: Database, offsetSeconds: Int) throws -> Int {
        let detailed = try Int.fetchOne(db, sql: """
            WITH fresh AS (SELECT (submitted_at + \(offsetSeconds)) / 86400 AS day, state, coalesce(agency_id, 0) AS agency_id,
                                  category, channel, count(*) AS n FROM report GROUP BY 1, 2, 3, 4, 5),
                 kept AS (SELECT day, state, agency_id, category, channel, n FROM daily_count WHERE n <> 0)
            SELECT (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept))
                 + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh))
            """) ?? 0
        let totals = try Int.fetchOne(db, sql: """
            WITH fresh AS (SELECT (submitted_at + \(offsetSeconds)) / 86400 AS day, count(*) AS n FROM report GROUP BY 1),
                 kept AS (SELECT day, n FROM daily_total WHERE n <> 0)
            SELECT (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept))
                 + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh))
            """) ?? 0
        return detailed + totals
    }
}
