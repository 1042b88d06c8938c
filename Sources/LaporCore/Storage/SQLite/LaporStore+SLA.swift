import Foundation
import GRDB

/// SLA policy, holiday calendars and clock readings. Each report keeps the deadline of its
/// earliest running clock (`due_at`, `due_soon_at`) so filters and the queue need no replay;
/// changing the policy or a calendar recomputes every open report's.
extension LaporStore {
    public func policy() throws -> SLAPolicy { try read { db in try Self.policy(db) } }

    /// Changes one clock's limit, the due-soon percentage or the escalation threshold (supervisor; audited).
    public func setPolicy(_ change: PolicyChange, by actor: User, at now: Date) throws -> SLAPolicy {
        guard Permissions.mayAdminister(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "change the SLA policy")
        }
        return try write { db in
            if case .timeZone(let name) = change, DeskZone(identifier: name) == nil {
                throw LaporError.invalidArgument("Unknown time zone '\(name)'; use Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).")
            }
            let (key, value): (String, String) = switch change {
            case .timeZone(let name): ("time_zone", name)
            case .limit(let clock, let limit): ("sla.\(clock.rawValue)", limit.description)
            case .dueSoonPercent(let p): ("sla.due_soon_percent", String(p))
            case .escalateAfterBounces(let n): ("sla.escalate_after_bounces", String(n))
            }
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key, value])
            try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "policy_set", note: "\(key) = \(value)"))
            if case .timeZone = change {
                try DailyCounters.install(db, offsetSeconds: try Self.zoneOffset(db))
                try RequestRegister.install(db, offsetSeconds: try Self.zoneOffset(db))
            }
            try Self.recomputeDue(db)
            return try Self.policy(db)
        }
    }

    public func calendarEntries(calendar: String? = nil) throws -> [CalendarEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT date, name, kind, calendar, source FROM holiday \(calendar == nil ? "" : "WHERE calendar = ?") ORDER BY calendar, date",
                             arguments: calendar.map { [$0] } ?? []).map(Self.calendarEntry)
        }
    }

    /// Adds or replaces dated rows (supervisor; audited) and recomputes open deadlines. Returns (added, changed).
    public func importCalendar(_ entries: [CalendarEntry], by actor: User, at now: Date) throws -> (added: Int, changed: Int) {
        guard Permissions.mayAdminister(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "change holiday calendars")
        }
        return try write { db in
            var added = 0, changed = 0
            for e in entries {
                let old = try Row.fetchOne(db, sql: "SELECT date, name, kind, calendar, source FROM holiday WHERE calendar = ? AND date = ?",
                                           arguments: [e.calendar, e.date.text]).map(Self.calendarEntry)
                if old == e { continue }
                if old == nil { added += 1 } else { changed += 1 }
                try db.execute(sql: """
                    INSERT INTO holiday (calendar, date, name, kind, source) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(calendar, date) DO UPDATE SET name = excluded.name, kind = excluded.kind, source = excluded.source
                    """, arguments: [e.calendar, e.date.text, e.name, e.kind.rawValue, e.source])
            }
            if added + changed > 0 {
                try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "calendar_import",
                                                    note: "\(added) added, \(changed) changed"))
                try Self.recomputeDue(db)
            }
            return (added, changed)
        }
    }

    /// Removes one dated row (supervisor; audited) and recomputes open deadlines.
    public func removeHoliday(_ day: Trend.Day, calendar: String = "national", by actor: User, at now: Date) throws -> Bool {
        guard Permissions.mayAdminister(actor.role) else {
            throw LaporError.permissionDenied(login: actor.login, role: actor.role, what: "change holiday calendars")
        }
        return try write { db in
            try db.execute(sql: "DELETE FROM holiday WHERE calendar = ? AND date = ?", arguments: [calendar, day.text])
            guard db.changesCount > 0 else { return false }
            try Self.appendAudit(db, AuditEntry(at: now, actor: actor.login, role: actor.role, action: "calendar_remove", note: "\(calendar) \(day.text)"))
            try Self.recomputeDue(db)
            return true
        }
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
        var policy = SLAPolicy.standard
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key LIKE 'sla.%'") {
            let key: String = row[0], value: String = row[1]
            let name = String(key.dropFirst(4))
            if let clock = SLAClock(rawValue: name), let limit = SLALimit(value) { policy.limits[clock] = limit }
            else if name == "due_soon_percent", let p = Int(value) { policy.dueSoonPercent = p }
            else if name == "escalate_after_bounces", let n = Int(value) { policy.escalateAfterBounces = n }
        }
        return policy
    }

    static func calendarEntry(_ row: Row) -> CalendarEntry {
        CalendarEntry(date: Trend.Day(row[0]) ?? Trend.Day(year: 1970, month: 1, day: 1), name: row[1],
                      kind: CalendarEntry.Kind(rawValue: row[2]) ?? .holiday, calendar: row[3], source: row[4])
    }

    static func clockEngine(_ db: Database, zone: DeskZone) throws -> SLAClocks {
        let entries = try Row.fetchAll(db, sql: "SELECT date, name, kind, calendar, source FROM holiday").map(calendarEntry)
        let byCalendar = Dictionary(grouping: entries, by: \.calendar).mapValues { Set($0.map(\.date)) }
        let national = WorkingCalendar(name: "national", holidays: byCalendar["national"] ?? [])
        var agencyCalendars: [Int64: WorkingCalendar] = [:]
        var built: [String: WorkingCalendar] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, calendar FROM agency WHERE calendar IS NOT NULL AND calendar <> ''") {
            let name: String = row[1]
            if built[name] == nil {
                built[name] = name == "24x7" ? .roundTheClock
                    : WorkingCalendar(name: name, holidays: (byCalendar["national"] ?? []).union(byCalendar[name] ?? []))
            }
            agencyCalendars[row[0]] = built[name]
        }
        let frozen = agencyCalendars
        return SLAClocks(policy: try policy(db), zone: zone, deskCalendar: national, agencyCalendar: { frozen[$0] })
    }

    /// Lifecycle events per report for the reports selected by `whereSQL` (which may reference `report`).
    static func clockEvents(_ db: Database, whereSQL: String, arguments: StatementArguments) throws -> [Int64: [ClockEvent]] {
        var out: [Int64: [ClockEvent]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT audit.report_id, audit.action, audit.at, audit.from_state, audit.to_agency_id, audit.to_state, report.submitted_at,
                report.type
            FROM audit JOIN report ON report.id = audit.report_id \(whereSQL) ORDER BY audit.report_id, audit.id
            """, arguments: arguments)
        while let row = try rows.next() {
            let name: String = row[1]
            // An import (or an import that changed the state) stands for the history the file implies.
            if name == "import_update" && (row[3] as String?) == (row[5] as String?) { continue }
            if name == "import" || name == "import_update", let state = (row[5] as String?).flatMap(ReportState.init(rawValue:)) {
                let submitted = Date(timeIntervalSince1970: TimeInterval(row[6] as Int64))
                let type = ReportType(rawValue: row[7]) ?? .pengaduan
                out[row[0]] = SLAClocks.importedEvents(to: state, at: submitted, agencyID: row[4], type: type)
                continue
            }
            // An undo cancels the event it compensates, which is always the report's latest.
            if name == "undo" { _ = out[row[0]]?.popLast(); continue }
            guard let action = LifecycleAction(rawValue: name), let from = ReportState(rawValue: row[3]) else { continue }
            out[row[0], default: []].append(ClockEvent(action: action, at: Date(timeIntervalSince1970: TimeInterval(row[2] as Int64)),
                                                       from: from, toAgencyID: row[4]))
        }
        return out
    }

    /// Stores the earliest running clock's deadline for one report.
    static func refreshDue(_ db: Database, reportID: Int64, submitted: Date, engine: SLAClocks, type: ReportType) throws {
        let events = try clockEvents(db, whereSQL: "WHERE report.id = ?", arguments: [reportID])[reportID] ?? []
        try storeDue(db, reportID: reportID, readings: engine.readings(submitted: submitted, events: events, now: submitted, type: type))
    }

    static func storeDue(_ db: Database, reportID: Int64, readings: [ClockReading]) throws {
        let running = readings.filter(\.isRunning)
        let first = running.min { $0.deadline < $1.deadline }
        let soon = running.map(\.dueSoonAt).min()
        let statement = try db.cachedStatement(sql: "UPDATE report SET due_at = ?, due_soon_at = ?, due_clock = ? WHERE id = ?")
        try statement.execute(arguments: [first.map { RowDecoding.seconds($0.deadline) }, soon.map { RowDecoding.seconds($0) },
                                   first?.clock.rawValue, reportID])
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
