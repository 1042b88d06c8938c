import GRDB

/// Positions in the whole oldest-first queue read from the kept per-day totals: the reports of
/// the days before, plus a count within one day. Counting every report before a search hit
/// cost 150 ms when `N` wrapped to the end of 1M reports; this reads a few hundred counter rows
/// and one day of reports. Only for the unfiltered queue of a user who sees every report, and
/// only for days after 1970 (SQLite's integer division truncates, so earlier day buckets do not
/// map to one contiguous range of times); otherwise the callers count as before.
enum QueueOrdinal {
    enum Anchor { case report(Row), beyondTheEnd, unknown }

    /// The `(submitted_at, id)` of the report at `index`.
    static func anchor(at index: Int, _ db: Database, offset: Int) throws -> Anchor {
        var before = 0
        for row in try Row.fetchAll(db, sql: "SELECT day, n FROM daily_total WHERE n > 0 ORDER BY day") {
            let day: Int = row[0], n: Int = row[1]
            if before + n > index {
                guard day > 0 else { return .unknown }
                let hit = try Row.fetchOne(db, sql: """
                    SELECT submitted_at, id FROM report WHERE submitted_at >= ? AND submitted_at < ?
                    ORDER BY submitted_at, id LIMIT 1 OFFSET ?
                    """, arguments: [day * 86_400 - offset, (day + 1) * 86_400 - offset, index - before])
                return hit.map(Anchor.report) ?? .unknown
            }
            before += n
        }
        return .beyondTheEnd
    }

    /// How many reports come before `(submitted, id)` in the queue; nil when the counters cannot tell.
    static func index(of submitted: Int64, id: Int64, _ db: Database, offset: Int) throws -> Int? {
        let day = (Int(submitted) + offset) / 86_400
        guard day > 0 else { return nil }
        let before = try Int.fetchOne(db, sql: "SELECT coalesce(sum(n), 0) FROM daily_total WHERE day < ?", arguments: [day]) ?? 0
        let within = try Int.fetchOne(db, sql: "SELECT count(*) FROM report WHERE submitted_at >= ? AND (submitted_at, id) < (?, ?)",
                                      arguments: [day * 86_400 - offset, submitted, id]) ?? 0
        return before + within
    }
}
