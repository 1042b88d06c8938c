import Foundation

/// What `show` and `audit` read on a server: one report, its routing chain, history, clocks,
/// origin, incident and register row. The SQL mirrors SQLite's; clocks and request rules are
/// decided by the same core code (``SLAClocks/assemble(settings:entries:agencyCalendars:zone:)``,
/// ``ClockHistory``, ``RequestRules``).
extension PGStore {
    public func report(_ ref: String, for user: User) throws -> Report {
        let trimmed = ref.trimmingCharacters(in: .whitespaces)
        let bare = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        let byTracking = "SELECT \(reportColumns) FROM report WHERE tracking_id = $1"
        var rows = try query(byTracking, [trimmed], keep: true)
        if rows.count == 0 { rows = try query(byTracking, [bare], keep: true) }
        if rows.count == 0, let id = Int64(bare) {
            rows = try query("SELECT \(reportColumns) FROM report WHERE id = $1", [String(id)], keep: true)
        }
        guard rows.count > 0 else { throw LaporError.reportNotFound(ref) }
        let report = PGRowDecoding.report(rows, 0)
        guard Visibility(user: user).allows(agencyID: report.agencyID) else {
            throw LaporError.notVisible(login: user.login, trackingID: report.trackingID)
        }
        return report
    }

    public func routingChain(reportID: Int64) throws -> [RoutingStep] {
        let rows = try query("""
            SELECT audit.action, audit.at, audit.actor, COALESCE(m.code, a.code), audit.note FROM audit
            LEFT JOIN agency a ON a.id = CASE audit.action WHEN 'return' THEN audit.from_agency_id ELSE audit.to_agency_id END
            LEFT JOIN agency m ON m.id = a.merged_into
            WHERE audit.report_id = $1 AND audit.action IN ('route', 'return') ORDER BY audit.id
            """, [String(reportID)], keep: true)
        return (0..<rows.count).map { i in
            RoutingStep(kind: rows.text(i, 0) == "return" ? .returned : .routed,
                        at: Cell.date(rows, i, 1) ?? Date(timeIntervalSince1970: 0),
                        actor: rows.text(i, 2) ?? "", agency: rows.text(i, 3) ?? "?", note: rows.text(i, 4) ?? "")
        }
    }

    public func audit(_ ref: String?, for user: User, limit: Int?) throws -> [AuditEntry] {
        var reportID: Int64?
        if let ref { reportID = try report(ref, for: user).id }
        var conditions: [String] = []
        var parameters: [String?] = []
        if let reportID {
            parameters.append(String(reportID))
            conditions.append("audit.report_id = $\(parameters.count)")
        }
        if case .agency(let own) = Visibility(user: user) {
            parameters.append(String(own))
            conditions.append("report.agency_id = $\(parameters.count)")
        }
        var sql = """
            SELECT audit.id, audit.at, audit.actor, audit.role, audit.action, audit.report_id, report.tracking_id,
                   audit.from_state, audit.to_state, fa.code, ta.code, audit.note, via.tracking_id, audit.detail
            FROM audit LEFT JOIN report ON report.id = audit.report_id
            LEFT JOIN report via ON via.id = audit.via_incident
            LEFT JOIN agency fa ON fa.id = audit.from_agency_id LEFT JOIN agency ta ON ta.id = audit.to_agency_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) ORDER BY audit.id DESC
            """
        if let limit {
            parameters.append(String(max(0, limit)))
            sql += " LIMIT $\(parameters.count)"
        }
        // One report's trail is a lookup by key; the whole trail's plan depends on its limit.
        let rows = try query(sql, parameters, keep: reportID != nil && limit == nil)
        return (0..<rows.count).reversed().map { i in
            var entry = AuditEntry(id: Cell.int(rows, i, 0) ?? 0,
                                   at: Cell.date(rows, i, 1) ?? Date(timeIntervalSince1970: 0),
                                   actor: rows.text(i, 2) ?? "", role: Role(rawValue: rows.text(i, 3) ?? "") ?? .viewer,
                                   action: rows.text(i, 4) ?? "", reportID: Cell.int(rows, i, 5),
                                   trackingID: rows.text(i, 6),
                                   fromState: rows.text(i, 7).flatMap(ReportState.init(rawValue:)),
                                   toState: rows.text(i, 8).flatMap(ReportState.init(rawValue:)),
                                   fromAgency: rows.text(i, 9), toAgency: rows.text(i, 10), note: rows.text(i, 11) ?? "")
            entry.incident = rows.text(i, 12)
            entry.detail = rows.text(i, 13)
            return entry
        }
    }

    public func clockReadings(reportID: Int64, now: Date) throws -> [ClockReading] {
        let rows = try query("SELECT \(reportColumns) FROM report WHERE id = $1", [String(reportID)], keep: true)
        guard rows.count > 0 else { return [] }
        let report = PGRowDecoding.report(rows, 0)
        let events = try clockEvents(reportID: reportID)
        return try clockEngine().readings(submitted: report.submittedAt, events: events, now: now, type: report.type)
    }

    /// The clock engine from the desk's settings, calendars and agencies.
    public func clockEngine() throws -> SLAClocks { try clockEngine(zone: zone) }

    /// The same for a zone (a policy change computes deadlines in the zone it just set).
    func clockEngine(zone: DeskZone) throws -> SLAClocks {
        let settings = try query("SELECT key, value FROM setting WHERE key LIKE 'sla.%'")
        let holidays = try query("SELECT date, name, kind, calendar, source FROM holiday")
        let calendars = try query("SELECT id, calendar FROM agency WHERE calendar IS NOT NULL AND calendar <> ''")
        let entries = (0..<holidays.count).map { Self.calendarEntry(holidays, $0) }
        return SLAClocks.assemble(
            settings: (0..<settings.count).map { (key: settings.text($0, 0) ?? "", value: settings.text($0, 1) ?? "") },
            entries: entries,
            agencyCalendars: (0..<calendars.count).map {
                (agencyID: Cell.int(calendars, $0, 0) ?? 0, calendar: calendars.text($0, 1) ?? "")
            },
            zone: zone)
    }

    /// One `holiday` row read as `date, name, kind, calendar, source`.
    static func calendarEntry(_ rows: PGRows, _ i: Int) -> CalendarEntry {
        CalendarEntry(date: rows.text(i, 0).flatMap(Trend.Day.init) ?? Trend.Day(year: 1970, month: 1, day: 1),
                      name: rows.text(i, 1) ?? "",
                      kind: CalendarEntry.Kind(rawValue: rows.text(i, 2) ?? "") ?? .holiday,
                      calendar: rows.text(i, 3) ?? "national", source: rows.text(i, 4) ?? "")
    }

    func clockEvents(reportID: Int64) throws -> [ClockEvent] {
        try clockEvents(whereSQL: "WHERE report.id = $1", [String(reportID)], keep: true)[reportID] ?? []
    }

    /// Lifecycle events per report for the reports `whereSQL` selects (it may name `report`). Each
    /// report's records are read through the `(report_id, id)` index (LATERAL): joined by hash, the
    /// planner read the whole trail for 7,000 open reports among a million (229 ms against 30). The
    /// subquery's ORDER BY keeps it one: a plain LATERAL subquery is pulled up into that same join.
    func clockEvents(whereSQL: String, _ parameters: [String?], keep: Bool = false) throws -> [Int64: [ClockEvent]] {
        let rows = try query("""
            SELECT audit.report_id, audit.action, audit.at, audit.from_state, audit.to_agency_id, audit.to_state,
                   report.submitted_at, report.type
            FROM report CROSS JOIN LATERAL (SELECT * FROM audit WHERE audit.report_id = report.id ORDER BY id) AS audit
            \(whereSQL) ORDER BY audit.report_id, audit.id
            """, parameters, keep: keep)
        var history = ClockHistory()
        for i in 0..<rows.count {
            history.add(ClockHistory.Record(reportID: Cell.int(rows, i, 0) ?? 0, action: rows.text(i, 1) ?? "",
                                            at: Cell.date(rows, i, 2) ?? Date(timeIntervalSince1970: 0),
                                            fromState: rows.text(i, 3), toAgencyID: Cell.int(rows, i, 4),
                                            toState: rows.text(i, 5),
                                            submittedAt: Cell.date(rows, i, 6) ?? Date(timeIntervalSince1970: 0),
                                            type: ReportType(rawValue: rows.text(i, 7) ?? "") ?? .pengaduan))
        }
        return history.events
    }

    public func origin(trackingID: String) throws -> ReportOrigin? {
        let rows = try query("""
            SELECT type_label, status_label, status_reason, channel_label, original_body, parent_agency
            FROM report_origin WHERE tracking_id = $1
            """, [trackingID], keep: true)
        guard rows.count > 0 else { return nil }
        let text = { (column: Int) in rows.text(0, column) ?? "" }
        return ReportOrigin(typeLabel: text(0), statusLabel: text(1), statusReason: text(2), channelLabel: text(3),
                            originalBody: text(4), parentAgency: text(5))
    }

    public func incident(of reportID: Int64) throws -> IncidentSummary? {
        let rows = try query("""
            SELECT r.incident_of, p.tracking_id,
                   (SELECT count(*) FROM report m WHERE m.incident_of = r.incident_of AND m.id <> r.incident_of)
            FROM report r LEFT JOIN report p ON p.id = r.incident_of WHERE r.id = $1 AND r.incident_of IS NOT NULL
            """, [String(reportID)], keep: true)
        guard rows.count > 0, let primary = Cell.int(rows, 0, 0) else { return nil }
        return IncidentSummary(primaryID: primary, primary: rows.text(0, 1) ?? "?", members: rows.int(0, 2) ?? 0)
    }

    public func requestStatus(reportID: Int64) throws -> RequestStatus? {
        let rows = try query("SELECT \(PGRowDecoding.requestColumns) FROM info_request WHERE report_id = $1",
                             [String(reportID)], keep: true)
        guard rows.count > 0 else { return nil }
        let request = PGRowDecoding.request(rows, 0)
        let calendar = try deskCalendar()
        let window = request.objectedAt == nil
            ? request.decidedAt.map { RequestRules.objectionWindow(decided: $0, calendar: calendar, zone: zone) }
            : nil
        return RequestStatus(request: request, objectionWindowEnds: window)
    }
}

/// PostgreSQL's row readers, short for the long decoders above.
private typealias Cell = PGRowDecoding
