import Foundation
import GRDB

/// The disposition board: per agency, how many reports in each state, how many overdue, how often
/// the follow-up clock was met, how fast agencies follow up, and how often reports bounce.
extension LaporStore {
    public struct BoardLine: Sendable, Equatable {
        public var code: String
        public var name: String
        public var counts: [ReportState: Int]
        public var overdue: Int
        /// Share of first follow-ups within the follow-up limit (nil when none happened in the period).
        public var followUpMetPercent: Double?
        public var medianFollowUpWorkingDays: Double?
        public var bounces: Int
        /// Incidents among the agency's reports, and the reports they hold (members and primaries).
        public var incidents = 0
        public var incidentReports = 0
    }

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
                lines[a.id] = BoardLine(code: a.code, name: a.name, counts: [:], overdue: 0, followUpMetPercent: nil,
                                        medianFollowUpWorkingDays: nil, bounces: 0)
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
            let engine = try Self.clockEngine(db, zone: zone)
            let limit = engine.policy.limit(.followUp)
            var days: [Int64: [Int]] = [:], met: [Int64: Int] = [:]
            var routedAt: (report: Int64, at: Date, agency: Int64?)?
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT audit.report_id, audit.action, audit.at, audit.to_agency_id FROM audit JOIN report ON report.id = audit.report_id
                \(whereSQL) AND audit.action IN ('route', 'follow_up', 'undo') ORDER BY audit.report_id, audit.id
                """, arguments: arguments)
            while let row = try cursor.next() {
                let report: Int64 = row[0], action: String = row[1]
                let at = Date(timeIntervalSince1970: TimeInterval(row[2] as Int64))
                if routedAt?.report != report { routedAt = nil }
                switch action {
                case "route": routedAt = (report, at, row[3])
                case "follow_up":
                    guard let routed = routedAt, let agency = routed.agency else { continue }
                    let calendar = engine.agencyCalendar(agency) ?? engine.deskCalendar
                    days[agency, default: []].append(max(0, calendar.workingDays(after: Trend.Day(routed.at, zone: zone), upTo: Trend.Day(at, zone: zone))))
                    if at <= Deadline.of(start: routed.at, limit: limit, calendar: calendar, zone: zone) { met[agency, default: 0] += 1 }
                    routedAt = (report, .distantFuture, nil) // only the first follow-up after a routing counts
                default: routedAt = nil
                }
            }
            for (agency, values) in days where !values.isEmpty {
                let sorted = values.sorted()
                let median = sorted.count % 2 == 1 ? Double(sorted[sorted.count / 2]) : Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
                lines[agency]?.medianFollowUpWorkingDays = median
                lines[agency]?.followUpMetPercent = Double(met[agency] ?? 0) / Double(values.count) * 100
            }
            return lines.values.filter { !$0.counts.isEmpty }.sorted { $0.code < $1.code }
        }
    }
}
