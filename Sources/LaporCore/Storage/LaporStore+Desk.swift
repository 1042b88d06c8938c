import Foundation
import GRDB

/// Queries the desk needs beyond listing: positions in the queue order, ids for tagging,
/// one report's clocks, and per-agency tallies for the board and SLA views.
extension LaporStore {
    /// Index (in the oldest-first order of `within`) of the next report after `index` that also matches
    /// `matching`, searching forward or backward and wrapping around; nil when none matches.
    public func position(ofNext matching: SQLFragment, within: SQLFragment?, after index: Int, forward: Bool, for user: User) throws -> Int? {
        try read { db in
            let both = within.map { SQLFragment("(\($0.sql)) AND (\(matching.sql))", $0.values + matching.values) } ?? matching
            let (allWhere, allArgs) = Self.whereClause(within, visibility: Visibility(user: user))
            let (hitWhere, hitArgs) = Self.whereClause(both, visibility: Visibility(user: user))
            // The report at `index` anchors the search.
            let anchor = try Row.fetchOne(db, sql: "SELECT submitted_at, id FROM report \(allWhere) ORDER BY submitted_at, id LIMIT 1 OFFSET ?",
                                          arguments: allArgs + [max(0, index)])
            let cmp = forward ? ">" : "<"
            let order = forward ? "ASC" : "DESC"
            var hit: Row?
            if let anchor {
                let extra = (hitWhere.isEmpty ? "WHERE " : hitWhere + " AND ") + "(submitted_at, id) \(cmp) (?, ?)"
                hit = try Row.fetchOne(db, sql: "SELECT submitted_at, id FROM report \(extra) ORDER BY submitted_at \(order), id \(order) LIMIT 1",
                                       arguments: hitArgs + [anchor[0], anchor[1]])
            }
            if hit == nil {
                hit = try Row.fetchOne(db, sql: "SELECT submitted_at, id FROM report \(hitWhere) ORDER BY submitted_at \(order), id \(order) LIMIT 1",
                                       arguments: hitArgs)
            }
            guard let hit else { return nil }
            let extra = (allWhere.isEmpty ? "WHERE " : allWhere + " AND ") + "(submitted_at, id) < (?, ?)"
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM report \(extra)", arguments: allArgs + [hit[0], hit[1]])
        }
    }

    /// Ids of every report matching, for tag-by-pattern.
    public func reportIDs(_ condition: SQLFragment?, for user: User) throws -> [Int64] {
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
            return try Self.clockEngine(db, zone: zone).readings(submitted: report.submittedAt, events: events, now: now)
        }
    }

    /// Per agency: reports per state, overdue and due-soon open reports, bounced open reports.
    public func agencyTallies(now: Date, for user: User) throws -> [AgencyTally] {
        try read { db in
            let (whereSQL, arguments) = Self.whereClause(SQLFragment("report.agency_id IS NOT NULL"), visibility: Visibility(user: user))
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
            return byCode.values.sorted { $0.code < $1.code }
        }
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
}
