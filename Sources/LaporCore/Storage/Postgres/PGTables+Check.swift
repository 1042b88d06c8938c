/// `lapor db check` on PostgreSQL: the schema's migrations, amcheck on every B-tree index (with
/// its table's rows), and the daily counters against a recount.
extension PGTables {
    public var engine: String { "postgresql" }

    public func check() throws -> [StoreCheck] {
        try guarded { try runChecks() }
    }

    private func runChecks() throws -> [StoreCheck] {
        var checks: [StoreCheck] = []
        let applied = try PGSchema.applied(connection)
        let missing = PGSchema.migrations.map(\.name).filter { !applied.contains($0) }
        checks.append(StoreCheck("migrations", missing.isEmpty ? .ok : .failed,
                                 missing.isEmpty ? "\(applied.count) applied, none missing"
                                    : "missing: \(missing.joined(separator: ", "))"))
        checks.append(try indexCheck())
        let offset = try zoneOffset()
        let mismatches = try connection.execute(Self.counterMismatches(offset: offset)).int(0, 0) ?? 0
        checks.append(StoreCheck("daily counters", mismatches == 0 ? .ok : .failed,
                                 mismatches == 0 ? "equal to a full recount" : "\(mismatches) rows differ from a recount"))
        return checks
    }

    /// amcheck's `bt_index_check` with `heapallindexed`: every index is well formed and holds every row.
    private func indexCheck() throws -> StoreCheck {
        do {
            try connection.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        } catch let error as PGError {
            return StoreCheck("indexes", .skipped, "amcheck is not installed and this role may not install it (\(error.message))")
        }
        let indexes = try connection.execute("""
            SELECT c.relname FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_am am ON am.oid = c.relam
            WHERE am.amname = 'btree' AND c.relnamespace = current_schema()::regnamespace
            ORDER BY 1
            """)
        var failures: [String] = []
        for row in 0..<indexes.count {
            guard let name = indexes.text(row, 0) else { continue }
            do {
                try connection.execute("SELECT bt_index_check($1::regclass, true)", ["\"\(name)\""])
            } catch let error as PGError {
                failures.append("\(name): \(error.message)")
            }
        }
        if failures.isEmpty {
            return StoreCheck("indexes", .ok, "amcheck: \(indexes.count) B-tree indexes well formed, every row indexed")
        }
        return StoreCheck("indexes", .failed, failures.prefix(5).joined(separator: "; "))
    }

    private func zoneOffset() throws -> Int {
        let name = try connection.execute("SELECT value FROM setting WHERE key = 'time_zone'").text(0, 0)
        return (name.flatMap(DeskZone.init(identifier:)) ?? .jakarta).timeZone.secondsFromGMT()
    }

    /// One statement counting the rows where the daily counters differ from a recount of the reports.
    static func counterMismatches(offset: Int) -> String {
        """
        WITH fresh AS (SELECT (submitted_at + \(offset)) / 86400 AS day, state, coalesce(agency_id, 0) AS agency_id,
                              category, channel, count(*) AS n FROM report GROUP BY 1, 2, 3, 4, 5),
             kept AS (SELECT day, state, agency_id, category, channel, n FROM daily_count WHERE n <> 0),
             fresh_total AS (SELECT (submitted_at + \(offset)) / 86400 AS day, count(*) AS n FROM report GROUP BY 1),
             kept_total AS (SELECT day, n FROM daily_total WHERE n <> 0)
        SELECT (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) a)
             + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) b)
             + (SELECT count(*) FROM (SELECT * FROM fresh_total EXCEPT SELECT * FROM kept_total) c)
             + (SELECT count(*) FROM (SELECT * FROM kept_total EXCEPT SELECT * FROM fresh_total) d)
        """
    }
}
