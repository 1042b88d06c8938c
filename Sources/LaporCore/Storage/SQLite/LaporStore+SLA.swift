import Foundation
import GRDB

/// SLA policy, holiday calendars and clock readings. Each report keeps the deadline of its
/// earliest running clock (`due_at`, `due_soon_at`) so filters and the queue need no replay;
/// changing the policy or a calendar recomputes every open report's.
extension LaporStore {
    public func policy() throws -> SLAPolicy { try read { db in try Self.policy(db) } }

    /// Changes one clock's limit, the due-soon percentage or the escalation threshold (supervisor; audited).
    public func setPolicy(_ change: PolicyChange, by actor: User, at now: Date) throws -> SLAPolicy {
        try administer(at: now) { try $0.setPolicy(change, by: actor) }
    }

    public func calendarEntries(calendar: String? = nil) throws -> [CalendarEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT date, name, kind, calendar, source FROM holiday \(calendar == nil ? "" : "WHERE calendar = ?") ORDER BY calendar, date",
                             arguments: calendar.map { [$0] } ?? []).map(Self.calendarEntry)
        }
    }

    /// Adds or replaces dated rows (supervisor; audited) and recomputes open deadlines. Returns (added, changed).
    public func importCalendar(_ entries: [CalendarEntry], by actor: User, at now: Date) throws -> (added: Int, changed: Int) {
        try administer(at: now) { try $0.importCalendar(entries, by: actor) }
    }

    /// Removes one dated row (supervisor; audited) and recomputes open deadlines.
    public func removeHoliday(_ day: Trend.Day, calendar: String = "national", by actor: User, at now: Date) throws -> Bool {
        try administer(at: now) { try $0.removeHoliday(day, calendar: calendar, by: actor) }
    }

    /// The clock engine as configured now (policy, the desk's calendar, agencies' own calendars).
    public func clockEngine() throws -> SLAClocks { try read { db in try Self.clockEngine(db, zone: zone) } }

    /// Every clock of each open report matching `condition` that `user` may see, judged at `now`.
    public func slaReadings(_ condition: ReportCondition?, for user: User, now: Date) throws -> [(Report, [ClockReading])] {
        try read { db in
            let engine = try Self.clockEngine(db, zone: zone)
            let combined = ReportCondition.both(.open, condition)
            let (whereSQL, arguments) = Self.whereClause(combined, visibility: Visibility(user: user))
            let reports = try Row.fetchAll(db, sql: "SELECT \(RowDecoding.reportColumns) FROM report \(whereSQL) ORDER BY report.id",
                                           arguments: arguments).map(RowDecoding.report)
            let events = try Self.clockEvents(db, whereSQL: whereSQL, arguments: arguments)
            return reports.map { r in
                (r, engine.readings(submitted: r.submittedAt, events: events[r.id] ?? [], now: now, type: r.type))
            }
        }
    }

    /// Recomputes `due_at` for every open report (after a policy or calendar change). Returns how many.
    @discardableResult
    public func recomputeDue() throws -> Int { try write { db in try Self.recomputeDue(db) } }

    // MARK: - Inside transactions

    static func policy(_ db: Database) throws -> SLAPolicy {
        SLAPolicy(settings: try settings(db))
    }

    static func settings(_ db: Database) throws -> [(key: String, value: String)] {
        try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key LIKE 'sla.%'").map { (key: $0[0], value: $0[1]) }
    }

    static func calendarEntry(_ row: Row) -> CalendarEntry {
        CalendarEntry(date: Trend.Day(row[0]) ?? Trend.Day(year: 1970, month: 1, day: 1), name: row[1],
                      kind: CalendarEntry.Kind(rawValue: row[2]) ?? .holiday, calendar: row[3], source: row[4])
    }

    static func clockEngine(_ db: Database, zone: DeskZone) throws -> SLAClocks {
        let entries = try Row.fetchAll(db, sql: "SELECT date, name, kind, calendar, source FROM holiday").map(calendarEntry)
        let calendars = try Row.fetchAll(db, sql: "SELECT id, calendar FROM agency WHERE calendar IS NOT NULL AND calendar <> ''")
            .map { (agencyID: $0[0] as Int64, calendar: $0[1] as String) }
        return SLAClocks.assemble(settings: try settings(db), entries: entries, agencyCalendars: calendars, zone: zone)
    }

    /// Lifecycle events per report for the reports selected by `whereSQL` (which may reference `report`).
    static func clockEvents(_ db: Database, whereSQL: String, arguments: StatementArguments) throws -> [Int64: [ClockEvent]] {
        var history = ClockHistory()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT audit.report_id, audit.action, audit.at, audit.from_state, audit.to_agency_id, audit.to_state, report.submitted_at,
                report.type
            FROM audit JOIN report ON report.id = audit.report_id \(whereSQL) ORDER BY audit.report_id, audit.id
            """, arguments: arguments)
        while let row = try rows.next() {
            history.add(ClockHistory.Record(reportID: row[0], action: row[1], at: Date(timeIntervalSince1970: TimeInterval(row[2] as Int64)),
                                            fromState: row[3], toAgencyID: row[4], toState: row[5],
                                            submittedAt: Date(timeIntervalSince1970: TimeInterval(row[6] as Int64)),
                                            type: ReportType(rawValue: row[7]) ?? .pengaduan))
        }
        return history.events
    }

    /// Stores the earliest running clock's deadline for one report.
    static func refreshDue(_ db: Database, reportID: Int64, submitted: Date, engine: SLAClocks, type: ReportType) throws {
        let events = try clockEvents(db, whereSQL: "WHERE report.id = ?", arguments: [reportID])[reportID] ?? []
        try storeDue(db, reportID: reportID, readings: engine.readings(submitted: submitted, events: events, now: submitted, type: type))
    }

    static func storeDue(_ db: Database, reportID: Int64, readings: [ClockReading]) throws {
        try storeDue(db, reportID: reportID, mark: DueMark(readings: readings))
    }

    static func storeDue(_ db: Database, reportID: Int64, mark: DueMark) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE report SET due_at = ?, due_soon_at = ?, due_clock = ? WHERE id = ?
            """)
        try statement.execute(arguments: [mark.deadline.map(RowDecoding.seconds), mark.soon.map(RowDecoding.seconds),
                                          mark.clock?.rawValue, reportID])
    }

    /// The desk's zone as stored in settings (Asia/Jakarta when unset).
    static func zone(_ db: Database) throws -> DeskZone {
        DeskZone(identifier: try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'time_zone'") ?? "") ?? .jakarta
    }

    /// Seconds east of UTC of the desk's zone (Indonesia keeps no daylight saving).
    static func zoneOffset(_ db: Database) throws -> Int { try zone(db).timeZone.secondsFromGMT() }

    @discardableResult
    static func recomputeDue(_ db: Database) throws -> Int {
        let zone = try zone(db)
        let engine = try clockEngine(db, zone: zone)
        let openWhere = "WHERE \(SQLiteCondition.openSQL)"
        let events = try clockEvents(db, whereSQL: openWhere, arguments: [])
        let reports = try Row.fetchAll(db, sql: "SELECT id, submitted_at, type FROM report \(openWhere)")
        for row in reports {
            let id: Int64 = row[0]
            let submitted = Date(timeIntervalSince1970: TimeInterval(row[1] as Int64))
            let type = ReportType(rawValue: row[2]) ?? .pengaduan
            try storeDue(db, reportID: id, readings: engine.readings(submitted: submitted, events: events[id] ?? [], now: submitted,
                                                                     type: type))
        }
        try db.execute(sql: "UPDATE report SET due_at = NULL, due_soon_at = NULL, due_clock = NULL WHERE state IN ('resolved', 'archived') AND due_at IS NOT NULL")
        return reports.count
    }
}

/// One change to the SLA policy.
public enum PolicyChange: Sendable {
    case limit(SLAClock, SLALimit)
    case dueSoonPercent(Int)
    case escalateAfterBounces(Int)
    /// The desk's zone (takes effect for the next command that opens the database).
    case timeZone(String)
}
