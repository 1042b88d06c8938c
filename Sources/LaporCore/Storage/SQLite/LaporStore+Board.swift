import Foundation
import GRDB

/// The disposition board: per agency, how many reports in each state, how many overdue, how often
/// the follow-up clock was met, how fast agencies follow up, and how often reports bounce.
extension LaporStore {
    public typealias BoardLine = LaporCore.BoardLine

    /// Board lines for reports submitted between two days (inclusive), judged at `now`.
    public func board(from: Trend.Day, to: Trend.Day, now: Date, for user: User) throws -> [BoardLine] {
        try read { db in
            let offset = try Self.zoneOffset(db)
            let start = Int64(from.ordinal) * 86_400 - Int64(offset), end = Int64(to.ordinal + 1) * 86_400 - Int64(offset)
            let period = ReportCondition.all([.submitted(from: start, before: end), .routed])
            let (whereSQL, arguments) = Self.whereClause(period, visibility: Visibility(user: user))
            let t = RowDecoding.seconds(now)
            var lines: [Int64: BoardLine] = [:]
            for a in try Row.fetchAll(db, sql: "SELECT \(RowDecoding.agencyColumns) FROM agency WHERE merged_into IS NULL").map(RowDecoding.agency) {
                lines[a.id] = BoardLine(code: a.code, name: a.name)
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT report.agency_id, report.state, count(*), sum(report.due_at < ?), sum(report.bounces)
                FROM report \(whereSQL) GROUP BY report.agency_id, report.state
                """, arguments: [t] + arguments) {
                let id: Int64 = row[0]
                guard let state = ReportState(rawValue: row[1]) else { continue }
                lines[id]?.counts[state] = row[2]
                lines[id]?.overdue += row[3] ?? 0
                lines[id]?.bounces += row[4] ?? 0
            }
            // Incidents: how many distinct incidents the agency's reports make, and how many reports they hold.
            for row in try Row.fetchAll(db, sql: """
                SELECT report.agency_id, count(DISTINCT report.incident_of), count(*)
                FROM report \(whereSQL) AND report.incident_of IS NOT NULL GROUP BY report.agency_id
                """, arguments: arguments) {
                let id: Int64 = row[0]
                lines[id]?.incidents = row[1]
                lines[id]?.incidentReports = row[2]
            }
            // Follow-up speed: from the latest routing to the first follow-up, on the agency's calendar.
            var speed = FollowUpSpeed(engine: try Self.clockEngine(db, zone: zone))
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT audit.report_id, audit.action, audit.at, audit.to_agency_id FROM audit JOIN report ON report.id = audit.report_id
                \(whereSQL) AND audit.action IN ('route', 'follow_up', 'undo') ORDER BY audit.report_id, audit.id
                """, arguments: arguments)
            while let row = try cursor.next() {
                speed.add(reportID: row[0], action: row[1], at: Date(timeIntervalSince1970: TimeInterval(row[2] as Int64)),
                          toAgencyID: row[3])
            }
            speed.fill(&lines)
            return lines.values.filter { !$0.counts.isEmpty }.sorted { $0.code < $1.code }
        }
    }
}
