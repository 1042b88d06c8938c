import Foundation
import GRDB

/// Reading reports, agencies, users and the audit trail, always through the reader's visibility.
extension LaporStore {
    /// One report by tracking id (with or without a leading `#`) or internal id.
    public func report(_ ref: String, for user: User) throws -> Report {
        try read { db in
            guard let report = try Self.findReport(db, ref) else { throw LaporError.reportNotFound(ref) }
            guard Visibility(user: user).allows(agencyID: report.agencyID) else {
                throw LaporError.notVisible(login: user.login, trackingID: report.trackingID)
            }
            return report
        }
    }

    /// Reports matching `query`, limited to what `user` may see.
    public func reports(_ query: ReportQuery, for user: User) throws -> [Report] {
        try read { db in
            let (whereSQL, arguments) = Self.whereClause(query.condition, visibility: Visibility(user: user))
            var sql = "SELECT \(RowDecoding.reportColumns) FROM report \(whereSQL) ORDER BY \(SQLiteCondition.orderBy(query.sort))"
            if let limit = query.limit { sql += " LIMIT \(max(0, limit)) OFFSET \(max(0, query.offset))" }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(RowDecoding.report)
        }
    }

    /// How many reports match, limited to what `user` may see.
    public func countReports(_ condition: ReportCondition?, for user: User) throws -> Int {
        try read { db in
            let (whereSQL, arguments) = Self.whereClause(condition, visibility: Visibility(user: user))
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM report \(whereSQL)", arguments: arguments) ?? 0
        }
    }

    /// How many reports match, counting at most `cap` (the desk shows "50.000+" rather than scanning a
    /// million rows on a key press). Returns (count, whether the cap was reached). All reports,
    /// for a user who sees them all, are counted exactly from the kept day totals.
    public func countReports(_ condition: ReportCondition?, for user: User, cap: Int) throws -> (Int, Bool) {
        try read { db in
            if condition == nil && Visibility(user: user) == .all {
                return (try Int.fetchOne(db, sql: "SELECT coalesce(sum(n), 0) FROM daily_total") ?? 0, false)
            }
            let (whereSQL, arguments) = Self.whereClause(condition, visibility: Visibility(user: user))
            let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM report \(whereSQL) LIMIT \(cap + 1))", arguments: arguments) ?? 0
            return (min(n, cap), n > cap)
        }
    }

    /// Report counts per submission day (in the desk's zone) between two days inclusive. Without a
    /// filter this reads the counters the write path keeps; with one it counts the matching reports.
    public func dailyCounts(from: Trend.Day, to: Trend.Day, condition: ReportCondition? = nil, for user: User) throws -> [Trend.Day: Int] {
        try read { db in
            var out: [Trend.Day: Int] = [:]
            let visibility = Visibility(user: user)
            if condition == nil {
                let rows: [Row]
                if case .agency(let own) = visibility {
                    rows = try Row.fetchAll(db, sql: "SELECT day, sum(n) FROM daily_count WHERE day BETWEEN ? AND ? AND agency_id = ? GROUP BY day",
                                            arguments: [from.ordinal, to.ordinal, own])
                } else {
                    rows = try Row.fetchAll(db, sql: "SELECT day, n FROM daily_total WHERE day BETWEEN ? AND ?", arguments: [from.ordinal, to.ordinal])
                }
                for row in rows where (row[1] as Int) != 0 { out[Trend.Day(ordinal: row[0])] = row[1] }
                return out
            }
            let offset = try Self.zoneOffset(db)
            let start = Int64(from.ordinal) * 86_400 - Int64(offset), end = Int64(to.ordinal + 1) * 86_400 - Int64(offset)
            let range = ReportCondition.both(.submitted(from: start, before: end), condition)
            let (whereSQL, arguments) = Self.whereClause(range, visibility: visibility)
            let rows = try Row.fetchAll(db, sql: """
                SELECT (submitted_at + \(offset)) / 86400 AS day, count(*) FROM report \(whereSQL) GROUP BY day
                """, arguments: arguments)
            for row in rows { out[Trend.Day(ordinal: Int(row[0] as Int64))] = row[1] }
            return out
        }
    }

    /// Rows where the kept daily counters differ from a full recount (0 when they agree).
    public func verifyDailyCounts() throws -> Int {
        try read { db in try DailyCounters.mismatches(db, offsetSeconds: try Self.zoneOffset(db)) }
    }

    public func agencies() throws -> [Agency] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(RowDecoding.agencyColumns) FROM agency WHERE merged_into IS NULL ORDER BY code").map(RowDecoding.agency)
        }
    }

    public func agency(id: Int64) throws -> Agency? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(RowDecoding.agencyColumns) FROM agency WHERE id = ?", arguments: [id]).map(RowDecoding.agency)
        }
    }

    /// The agency named by code, name or alias; a unique partial match is accepted too.
    public func agency(named ref: String) throws -> Agency {
        try read { db in try Self.resolveAgency(db, ref) }
    }

    public func users() throws -> [User] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(RowDecoding.userColumns) FROM user ORDER BY role = 'system', login").map(RowDecoding.user)
        }
    }

    /// The desk user with this login, or ``LaporError/unknownUser(login:)``.
    public func user(login: String) throws -> User {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(RowDecoding.userColumns) FROM user WHERE login = ?", arguments: [login]) else {
                throw LaporError.unknownUser(login: login)
            }
            return RowDecoding.user(row)
        }
    }

    /// The audit trail, newest last; for one report when `ref` is given (visibility applies).
    public func audit(_ ref: String? = nil, for user: User, limit: Int? = nil) throws -> [AuditEntry] {
        var reportID: Int64?
        if let ref { reportID = try report(ref, for: user).id }
        let visibility = Visibility(user: user)
        return try read { db in
            var conditions: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let reportID { conditions.append("audit.report_id = ?"); arguments.append(reportID) }
            if case .agency(let own) = visibility {
                conditions.append("report.agency_id = ?"); arguments.append(own)
            }
            let whereSQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            var sql = """
                SELECT audit.id, audit.at, audit.actor, audit.role, audit.action, audit.report_id, report.tracking_id,
                       audit.from_state, audit.to_state, fa.code, ta.code, audit.note, via.tracking_id, audit.detail
                FROM audit LEFT JOIN report ON report.id = audit.report_id
                LEFT JOIN report via ON via.id = audit.via_incident
                LEFT JOIN agency fa ON fa.id = audit.from_agency_id LEFT JOIN agency ta ON ta.id = audit.to_agency_id
                \(whereSQL) ORDER BY audit.id DESC
                """
            if let limit { sql += " LIMIT \(max(0, limit))" }
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
            return rows.reversed().map { row in
                var entry = AuditEntry(id: row[0], at: Date(timeIntervalSince1970: TimeInterval(row[1] as Int64)), actor: row[2],
                                       role: Role(rawValue: row[3]) ?? .viewer, action: row[4], reportID: row[5], trackingID: row[6],
                                       fromState: (row[7] as String?).flatMap(ReportState.init(rawValue:)),
                                       toState: (row[8] as String?).flatMap(ReportState.init(rawValue:)),
                                       fromAgency: row[9], toAgency: row[10], note: row[11])
                entry.incident = row[12]
                entry.detail = row[13]
                return entry
            }
        }
    }

    /// The agencies a report has been routed to, in order (A → B → A), with returns marked.
    public func routingChain(reportID: Int64) throws -> [RoutingStep] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT audit.action, audit.at, audit.actor, COALESCE(m.code, a.code), audit.note FROM audit
                LEFT JOIN agency a ON a.id = CASE audit.action WHEN 'return' THEN audit.from_agency_id ELSE audit.to_agency_id END
                LEFT JOIN agency m ON m.id = a.merged_into
                WHERE audit.report_id = ? AND audit.action IN ('route', 'return') ORDER BY audit.id
                """, arguments: [reportID]).map { row in
                RoutingStep(kind: (row[0] as String) == "return" ? .returned : .routed,
                            at: Date(timeIntervalSince1970: TimeInterval(row[1] as Int64)), actor: row[2],
                            agency: row[3] ?? "?", note: row[4])
            }
        }
    }

    static func findReport(_ db: Database, _ ref: String) throws -> Report? {
        let trimmed = ref.trimmingCharacters(in: .whitespaces)
        let bare = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        let sql = "SELECT \(RowDecoding.reportColumns) FROM report WHERE tracking_id = ?"
        if let row = try Row.fetchOne(db, sql: sql, arguments: [trimmed]) ?? Row.fetchOne(db, sql: sql, arguments: [bare]) {
            return RowDecoding.report(row)
        }
        if let id = Int64(bare) {
            return try Row.fetchOne(db, sql: "SELECT \(RowDecoding.reportColumns) FROM report WHERE id = ?", arguments: [id]).map(RowDecoding.report)
        }
        return nil
    }

    static func findReport(_ db: Database, id: Int64) throws -> Report? {
        try Row.fetchOne(db, sql: "SELECT \(RowDecoding.reportColumns) FROM report WHERE id = ?", arguments: [id]).map(RowDecoding.report)
    }

    /// One report by internal id, limited to what `user` may see.
    public func report(id: Int64, for user: User) throws -> Report {
        try read { db in
            guard let report = try Self.findReport(db, id: id) else { throw LaporError.reportNotFound(String(id)) }
            guard Visibility(user: user).allows(agencyID: report.agencyID) else {
                throw LaporError.notVisible(login: user.login, trackingID: report.trackingID)
            }
            return report
        }
    }

    static func resolveAgency(_ db: Database, _ ref: String) throws -> Agency {
        let all = try Row.fetchAll(db, sql: "SELECT \(RowDecoding.agencyColumns) FROM agency WHERE merged_into IS NULL").map(RowDecoding.agency)
        return try Agency.resolve(ref, among: all)
    }

    static func whereClause(_ condition: ReportCondition?, visibility: Visibility) -> (String, StatementArguments) {
        var parts: [String] = []
        var values: [SQLFragment.Value] = []
        if let condition = SQLiteCondition.fragment(condition) { parts.append("(\(condition.sql))"); values += condition.values }
        if case .agency(let own) = visibility { parts.append("report.agency_id = ?"); values.append(.integer(own)) }
        let sql = parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND ")
        return (sql, StatementArguments(values.map(\.databaseValue)))
    }
}

extension SQLFragment.Value {
    var databaseValue: DatabaseValue {
        switch self {
        case .integer(let v): v.databaseValue
        case .text(let v): v.databaseValue
        case .real(let v): v.databaseValue
        case .null: .null
        }
    }
}
