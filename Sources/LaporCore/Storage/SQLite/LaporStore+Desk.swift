import Foundation
import GRDB
import GRDBSQLite

/// Queries the desk needs beyond listing: positions in the queue order, ids for tagging,
/// one report's clocks, and per-agency tallies for the board and SLA views.
extension LaporStore {
    /// Index (in the oldest-first order of `within`) of the next report after `index` that also matches
    /// `matching`, searching forward or backward and wrapping around; nil when none matches.
    /// `walkOrder` walks the whole queue's submission-order index and stops at the first match:
    /// right when matches are dense (one in a hundred or more), where SQLite would otherwise read
    /// every match and sort them (100 ms for 93,000 matches at 1M); wrong when they are rare.
    public func position(ofNext matching: ReportCondition, within: ReportCondition?, after index: Int, forward: Bool, for user: User,
                         walkOrder: Bool = false) throws -> Int? {
        try read { db in
            let both = ReportCondition.both(within, matching)
            let (allWhere, allArgs) = Self.whereClause(within, visibility: Visibility(user: user))
            let (hitWhere, hitArgs) = Self.whereClause(both, visibility: Visibility(user: user))
            // The report at `index` anchors the search; the whole queue is indexed by the kept day totals.
            let whole = within == nil && Visibility(user: user) == .all
            let offset = try Self.zoneOffset(db)
            var anchor: Row?
            // Nothing lies before the first report: searching backward from it wraps at once.
            switch !forward && index <= 0 ? .beyondTheEnd : whole ? try QueueOrdinal.anchor(at: max(0, index), db, offset: offset) : .unknown {
            case .report(let row): anchor = row
            case .beyondTheEnd: anchor = nil
            case .unknown:
                anchor = try Row.fetchOne(db, sql: "SELECT submitted_at, id FROM report \(allWhere) ORDER BY submitted_at, id LIMIT 1 OFFSET ?",
                                          arguments: allArgs + [max(0, index)])
            }
            let cmp = forward ? ">" : "<"
            let order = forward ? "ASC" : "DESC"
            var hit: Row?
            let source = whole && walkOrder ? "report INDEXED BY report_submitted" : "report"
            if let anchor {
                let extra = (hitWhere.isEmpty ? "WHERE " : hitWhere + " AND ") + "(submitted_at, id) \(cmp) (?, ?)"
                hit = try Row.fetchOne(db, sql: "SELECT submitted_at, id FROM \(source) \(extra) ORDER BY submitted_at \(order), id \(order) LIMIT 1",
                                       arguments: hitArgs + [anchor[0], anchor[1]])
            }
            if hit == nil {
                hit = try Row.fetchOne(db, sql: "SELECT submitted_at, id FROM \(source) \(hitWhere) ORDER BY submitted_at \(order), id \(order) LIMIT 1",
                                       arguments: hitArgs)
            }
            guard let hit else { return nil }
            if whole, let position = try QueueOrdinal.index(of: hit[0], id: hit[1], db, offset: offset) { return position }
            let extra = (allWhere.isEmpty ? "WHERE " : allWhere + " AND ") + "(submitted_at, id) < (?, ?)"
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM report \(extra)", arguments: allArgs + [hit[0], hit[1]])
        }
    }

    /// Ids of every report a plain full-text search (bare words only) matches, ascending, read
    /// from the FTS index alone (3 ms for 93,000 matches at 1M); nil for any other filter.
    /// The desk keeps them for `n`/`N`, so only the first `/` reads them.
    public func fullTextHits(_ filter: String) throws -> [Int64]? {
        guard case .text(let words)? = try? FilterParser.parse(filter) else { return nil }
        let query = SQLiteCondition.ftsQuery(FilterCompiler.tokens(words))
        if query.isEmpty { return [] }
        return try read { db in
            // Read through SQLite's C API: GRDB's row cursor cost 15 ms for 93,000 ids.
            let statement = try db.cachedStatement(sql: "SELECT rowid FROM report_text WHERE report_text MATCH ?")
            try statement.setArguments([query])
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            var ids: [Int64] = []
            var code = sqlite3_step(handle)
            while code == SQLITE_ROW {
                ids.append(sqlite3_column_int64(handle, 0))
                code = sqlite3_step(handle)
            }
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
            if zip(ids, ids.dropFirst()).contains(where: { $0.0 > $0.1 }) { ids.sort() }
            return ids
        }
    }

    /// Where the next of `hits` (ascending ids) lies in the whole oldest-first queue of a user
    /// who sees every report, after `index`, forward or backward, wrapping around.
    /// Walks the submission-order index (index-only) from the report at `index` and looks each
    /// id up among the hits: for words in one report in a hundred or more this reads a few
    /// hundred index entries, where SQLite would first build the set of every match (15 ms for
    /// 93,000). Gives up after `budget` entries, for words whose matches cluster in time.
    public func position(ofNextAmong hits: [Int64], after index: Int, forward: Bool, for user: User,
                         budget: Int = 20_000) throws -> HitPosition {
        guard Visibility(user: user) == .all else { return .gaveUp }
        if hits.isEmpty { return .none }
        return try read { db in
            let offset = try Self.zoneOffset(db)
            var anchor: Row?
            if forward || index > 0 {
                switch try QueueOrdinal.anchor(at: max(0, index), db, offset: offset) {
                case .report(let row): anchor = row
                case .beyondTheEnd: anchor = nil
                case .unknown: return .gaveUp
                }
            }
            let order = forward ? "ASC" : "DESC"
            var left = budget
            // First from the anchor to the end of the queue, then round from the other end.
            for from in [anchor, nil] {
                var sql = "SELECT submitted_at, id FROM report INDEXED BY report_submitted"
                var arguments: StatementArguments = []
                if let from {
                    sql += " WHERE (submitted_at, id) \(forward ? ">" : "<") (?, ?)"
                    arguments = [from[0], from[1]]
                }
                sql += " ORDER BY submitted_at \(order), id \(order)"
                let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                while let row = try rows.next() {
                    let id: Int64 = row[1]
                    if Self.sortedContains(hits, id) {
                        let submitted: Int64 = row[0]
                        guard let position = try QueueOrdinal.index(of: submitted, id: id, db, offset: offset) else { return .gaveUp }
                        return .found(position)
                    }
                    left -= 1
                    if left == 0 { return .gaveUp }
                }
                if from == nil { break }
            }
            return .none
        }
    }

    private static func sortedContains(_ ids: [Int64], _ id: Int64) -> Bool {
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == id
    }

    /// Ids of every report matching, for tag-by-pattern.
    public func reportIDs(_ condition: ReportCondition?, for user: User) throws -> [Int64] {
        try read { db in
            let (whereSQL, arguments) = Self.whereClause(condition, visibility: Visibility(user: user))
            return try Int64.fetchAll(db, sql: "SELECT id FROM report \(whereSQL)", arguments: arguments)
        }
    }

    /// Every clock of one report (running, paused and stopped) judged at `now`.
    public func clockReadings(reportID: Int64, now: Date) throws -> [ClockReading] {
        try read { db in
            guard let report = try Self.findReport(db, id: reportID) else { return [] }
            let events = try Self.clockEvents(db, whereSQL: "WHERE report.id = ?", arguments: [reportID])[reportID] ?? []
            return try Self.clockEngine(db, zone: zone).readings(submitted: report.submittedAt, events: events, now: now,
                                                                       type: report.type)
        }
    }

    /// Per agency: reports per state, overdue and due-soon open reports, bounced open reports.
    public func agencyTallies(now: Date, for user: User) throws -> [AgencyTally] {
        try read { db in
            let (whereSQL, arguments) = Self.whereClause(.routed, visibility: Visibility(user: user))
            let t = RowDecoding.seconds(now)
            let rows = try Row.fetchAll(db, sql: """
                SELECT agency.code, report.state, count(*),
                       sum(report.due_at < ?), sum(report.due_at >= ? AND report.due_soon_at <= ?), sum(report.bounces > 0), sum(report.bounces)
                FROM report JOIN agency ON agency.id = report.agency_id \(whereSQL)
                GROUP BY agency.code, report.state
                """, arguments: [t, t, t] + arguments)
            var byCode: [String: AgencyTally] = [:]
            for row in rows {
                let code: String = row[0]
                var tally = byCode[code] ?? AgencyTally(code: code)
                if let state = ReportState(rawValue: row[1]) { tally.counts[state] = row[2] }
                let open = ReportState(rawValue: row[1])?.isOpen ?? false
                tally.overdue += row[3] ?? 0
                tally.dueSoon += row[4] ?? 0
                if open { tally.bouncedOpen += row[5] ?? 0 }
                tally.bounces += row[6] ?? 0
                byCode[code] = tally
            }
            // Open incidents per agency (the partial index on incident_of keeps this small).
            let (incidentWhere, incidentArguments) = Self.whereClause(
                .all([.routed, .inIncident, .open]),
                visibility: Visibility(user: user))
            for row in try Row.fetchAll(db, sql: """
                SELECT agency.code, count(DISTINCT report.incident_of) FROM report JOIN agency ON agency.id = report.agency_id
                \(incidentWhere) GROUP BY agency.code
                """, arguments: incidentArguments) {
                byCode[row[0], default: AgencyTally(code: row[0])].incidents = row[1]
            }
            return byCode.values.sorted { $0.code < $1.code }
        }
    }

    /// Reports per channel and per category submitted between two days, from the kept counters.
    public func breakdown(from: Trend.Day, to: Trend.Day, for user: User) throws -> (channels: [(String, Int)], categories: [(String, Int)]) {
        try read { db in
            var agencyFilter = ""
            var arguments: StatementArguments = [from.ordinal, to.ordinal]
            if case .agency(let own) = Visibility(user: user) { agencyFilter = " AND agency_id = ?"; arguments += [own] }
            func grouped(_ column: String) throws -> [(String, Int)] {
                try Row.fetchAll(db, sql: "SELECT \(column), sum(n) AS total FROM daily_count WHERE day BETWEEN ? AND ?\(agencyFilter) GROUP BY 1 HAVING total > 0 ORDER BY total DESC",
                                 arguments: arguments).map { ($0[0], $0[1]) }
            }
            return (try grouped("channel"), try grouped("category"))
        }
    }

    /// Open reports with their earliest running clock overdue or due soon, by clock and agency.
    public func slaGroups(now: Date, for user: User) throws -> [(clock: String, agency: String, overdue: Int, dueSoon: Int)] {
        try read { db in
            let (whereSQL, arguments) = Self.whereClause(.dueSoonBy(RowDecoding.seconds(now)),
                                                         visibility: Visibility(user: user))
            return try Row.fetchAll(db, sql: """
                SELECT report.due_clock, coalesce(agency.code, '—'), sum(report.due_at < ?), sum(report.due_at >= ?)
                FROM report LEFT JOIN agency ON agency.id = report.agency_id \(whereSQL)
                GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2
                """, arguments: [RowDecoding.seconds(now), RowDecoding.seconds(now)] + arguments).map { ($0[0] ?? "", $0[1], $0[2], $0[3]) }
        }
    }

    /// Open reports that bounced between agencies, most bounced first.
    public func bouncedReports(limit: Int, for user: User) throws -> [Report] {
        try reports(ReportQuery(condition: .all([.bounced, .open]),
                                sort: .updated, limit: limit), for: user).sorted { $0.bounces > $1.bounces }
    }

    /// The first and last day with reports (for trend ranges).
    public func reportDayRange(for user: User) throws -> (Trend.Day, Trend.Day)? {
        try read { db in
            let (whereSQL, arguments) = Self.whereClause(nil, visibility: Visibility(user: user))
            guard let row = try Row.fetchOne(db, sql: "SELECT min(submitted_at), max(submitted_at) FROM report \(whereSQL)", arguments: arguments),
                  let first = row[0] as Int64?, let last = row[1] as Int64? else { return nil }
            return (Trend.Day(Date(timeIntervalSince1970: TimeInterval(first)), zone: zone),
                    Trend.Day(Date(timeIntervalSince1970: TimeInterval(last)), zone: zone))
        }
    }
}

/// One agency's numbers for the board and the SLA view.
public struct AgencyTally: Sendable, Equatable {
    public var code: String
    public var counts: [ReportState: Int] = [:]
    public var overdue = 0
    public var dueSoon = 0
    public var bouncedOpen = 0
    public var bounces = 0
    /// Open incidents among the agency's reports.
    public var incidents = 0
}

/// Where a search with known matches lands: a queue position, no match at all, or a walk that
/// would have been long (the caller asks SQLite instead).
public enum HitPosition: Sendable, Equatable {
    case found(Int)
    case none
    case gaveUp
}
