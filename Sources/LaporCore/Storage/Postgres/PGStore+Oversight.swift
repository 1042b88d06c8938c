import Foundation

/// What supervisors and leaders read on a PostgreSQL desk (`sla`, `stats trend/compare/board/verify`):
/// the same reads as SQLite's, the deciding (clocks, follow-up speed) in the core. Reads that take
/// more than one statement see one snapshot.
extension PGStore {
    public func slaReadings(_ condition: ReportCondition?, for user: User,
                            now: Date) throws -> [(Report, [ClockReading])] {
        try snapshot {
            let engine = try clockEngine()
            let (whereSQL, parameters) = try whereClause(.both(.open, condition), visibility: Visibility(user: user))
            let rows = try query("SELECT \(reportColumns) FROM report \(whereSQL) ORDER BY report.id",
                                 parameters)
            let events = try clockEvents(whereSQL: whereSQL, parameters)
            return (0..<rows.count).map { i in
                let report = PGRowDecoding.report(rows, i)
                let history = events[report.id] ?? []
                return (report, engine.readings(submitted: report.submittedAt, events: history, now: now, type: report.type))
            }
        }
    }

    public func dailyCounts(from: Trend.Day, to: Trend.Day, condition: ReportCondition?,
                            for user: User) throws -> [Trend.Day: Int] {
        var out: [Trend.Day: Int] = [:]
        let visibility = Visibility(user: user)
        let rows: PGRows
        if condition == nil {
            let range = [String(from.ordinal), String(to.ordinal)]
            if case .agency(let own) = visibility {
                rows = try query("""
                    SELECT day, sum(n) FROM daily_count WHERE day BETWEEN $1 AND $2 AND agency_id = $3 GROUP BY day
                    """, range + [String(own)])
            } else {
                rows = try query("SELECT day, n FROM daily_total WHERE day BETWEEN $1 AND $2", range)
            }
        } else {
            let offset = zone.timeZone.secondsFromGMT()
            let range = ReportCondition.both(submittedOn(from, to), condition)
            let (whereSQL, parameters) = try whereClause(range, visibility: visibility)
            rows = try query("""
                SELECT (submitted_at + \(offset)) / 86400 AS day, count(*) FROM report \(whereSQL) GROUP BY day
                """, parameters)
        }
        for i in 0..<rows.count {
            guard let day = rows.int(i, 0), let n = rows.int(i, 1), n != 0 else { continue }
            out[Trend.Day(ordinal: day)] = n
        }
        return out
    }

    public func board(from: Trend.Day, to: Trend.Day, now: Date, for user: User) throws -> [BoardLine] {
        try snapshot {
            let period = ReportCondition.all([submittedOn(from, to), .routed])
            let (whereSQL, parameters) = try whereClause(period, visibility: Visibility(user: user))
            var lines: [Int64: BoardLine] = [:]
            for agency in try agencies() { lines[agency.id] = BoardLine(code: agency.code, name: agency.name) }
            let seconds = PGRowDecoding.seconds(now)
            let states = try query("""
                SELECT report.agency_id, report.state, count(*),
                       count(*) FILTER (WHERE report.due_at < $\(parameters.count + 1)), sum(report.bounces)
                FROM report \(whereSQL) GROUP BY report.agency_id, report.state
                """, parameters + [seconds])
            for i in 0..<states.count {
                guard let id = PGRowDecoding.int(states, i, 0),
                      let state = ReportState(rawValue: states.text(i, 1) ?? "") else { continue }
                lines[id]?.counts[state] = states.int(i, 2)
                lines[id]?.overdue += states.int(i, 3) ?? 0
                lines[id]?.bounces += states.int(i, 4) ?? 0
            }
            let incidents = try query("""
                SELECT report.agency_id, count(DISTINCT report.incident_of), count(*)
                FROM report \(whereSQL) AND report.incident_of IS NOT NULL GROUP BY report.agency_id
                """, parameters)
            for i in 0..<incidents.count {
                guard let id = PGRowDecoding.int(incidents, i, 0) else { continue }
                lines[id]?.incidents = incidents.int(i, 1) ?? 0
                lines[id]?.incidentReports = incidents.int(i, 2) ?? 0
            }
            var speed = FollowUpSpeed(engine: try clockEngine())
            let steps = try query("""
                SELECT audit.report_id, audit.action, audit.at, audit.to_agency_id
                FROM audit JOIN report ON report.id = audit.report_id
                \(whereSQL) AND audit.action IN ('route', 'follow_up', 'undo') ORDER BY audit.report_id, audit.id
                """, parameters)
            for i in 0..<steps.count {
                speed.add(reportID: PGRowDecoding.int(steps, i, 0) ?? 0, action: steps.text(i, 1) ?? "",
                          at: PGRowDecoding.date(steps, i, 2) ?? Date(timeIntervalSince1970: 0),
                          toAgencyID: PGRowDecoding.int(steps, i, 3))
            }
            speed.fill(&lines)
            return lines.values.filter { !$0.counts.isEmpty }.sorted { $0.code < $1.code }
        }
    }

    public func verifyDailyCounts() throws -> Int {
        try query(PGTables.counterMismatches(offset: zone.timeZone.secondsFromGMT())).int(0, 0) ?? 0
    }

    /// Reports submitted from the start of one day to the end of another, in the desk's zone.
    private func submittedOn(_ from: Trend.Day, _ to: Trend.Day) -> ReportCondition {
        let offset = Int64(zone.timeZone.secondsFromGMT())
        return .submitted(from: Int64(from.ordinal) * 86_400 - offset, before: Int64(to.ordinal + 1) * 86_400 - offset)
    }
}
