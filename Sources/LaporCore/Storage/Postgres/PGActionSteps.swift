import Foundation

/// ``ActionSteps`` inside one of ``PGStore/write(_:)``'s transactions: the report (and an
/// incident's members) are held with `FOR UPDATE`, so a second writer waits and then sees the new
/// version; everything read after the lock is what the holder of the lock wrote.
struct PGActionSteps: ActionSteps {
    let store: PGStore

    /// Finds the report as the connected role reads it, then holds it. A role the server lets
    /// read but not change the row (a viewer, a liaison's returned report) gets the plain read,
    /// so the core refuses it in the same words as on SQLite.
    func lockReport(_ key: ReportKey) throws -> Report? {
        let select = "SELECT \(store.reportColumns) FROM report"
        var rows: PGRows
        switch key {
        case .id(let id):
            rows = try store.query("\(select) WHERE id = $1", [String(id)])
        case .ref(let ref):
            let trimmed = ref.trimmingCharacters(in: .whitespaces)
            let bare = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
            rows = try store.query("\(select) WHERE tracking_id = $1", [trimmed])
            if rows.count == 0 { rows = try store.query("\(select) WHERE tracking_id = $1", [bare]) }
            if rows.count == 0, let id = Int64(bare) {
                rows = try store.query("\(select) WHERE id = $1", [String(id)])
            }
        }
        guard rows.count > 0 else { return nil }
        let found = PGRowDecoding.report(rows, 0)
        guard store.updatesReports else { return found }
        let held = try store.query("\(select) WHERE id = $1 FOR UPDATE", [String(found.id)])
        return held.count > 0 ? PGRowDecoding.report(held, 0) : found
    }

    func lockMembers(of primaryID: Int64, in states: [ReportState]) throws -> [Report] {
        let rows = try store.query("""
            SELECT \(store.reportColumns) FROM report
            WHERE incident_of = $1 AND id <> $1 AND state = ANY ($2::text[])
            ORDER BY submitted_at, id FOR UPDATE
            """, [String(primaryID), "{" + states.map(\.rawValue).joined(separator: ",") + "}"])
        return (0..<rows.count).map { PGRowDecoding.report(rows, $0) }
    }

    func clockEngine() throws -> SLAClocks { try store.clockEngine() }

    func currentAgencies() throws -> [Agency] {
        let rows = try store.query("""
            SELECT \(PGRowDecoding.agencyColumns) FROM agency WHERE merged_into IS NULL ORDER BY id
            """)
        return (0..<rows.count).map { PGRowDecoding.agency(rows, $0) }
    }

    func agencyName(id: Int64) throws -> String? {
        try store.query("SELECT name FROM agency WHERE id = $1", [String(id)]).text(0, 0)
    }

    func clockEvents(reportID: Int64) throws -> [ClockEvent] { try store.clockEvents(reportID: reportID) }

    func registeredRequest(reportID: Int64) throws -> InformationRequest {
        let select = "SELECT \(PGRowDecoding.requestColumns) FROM info_request WHERE report_id = $1"
        var rows = try store.query(select, [String(reportID)])
        if rows.count == 0 {
            // Numbered per year of receipt in the desk's zone, as SQLite's register does; a number
            // another writer takes first is a unique violation, and the transaction runs again.
            try store.query("""
                INSERT INTO info_request (report_id, year, seq)
                SELECT id, y, coalesce((SELECT max(seq) FROM info_request WHERE year = y), 0) + 1
                FROM (SELECT id, extract(year FROM to_timestamp(submitted_at + $2) AT TIME ZONE 'UTC')::bigint AS y
                      FROM report WHERE id = $1) AS r
                """, [String(reportID), String(store.zone.timeZone.secondsFromGMT())])
            rows = try store.query(select, [String(reportID)])
        }
        guard rows.count > 0 else { throw LaporError.reportNotFound(String(reportID)) }
        return PGRowDecoding.request(rows, 0)
    }

    func store(_ change: ActionChange) throws -> Int64 {
        let before = change.before
        let after = change.after
        let seconds = PGRowDecoding.seconds(change.at)
        let restarts = ActionDecision.restartsState(change.action, from: before.state, to: after.state)
        try store.query("""
            UPDATE report SET state = $1, agency_id = $2, bounces = $3, returned = $4, version = $5, updated_at = $6,
                state_since = CASE WHEN $7::boolean THEN $6 ELSE state_since END, desk_touched = 1
            WHERE id = $8
            """, [after.state.rawValue, after.agencyID.map(String.init), String(after.bounces),
                  after.returned ? "1" : "0", String(after.version), seconds, restarts ? "true" : "false",
                  String(before.id)])
        let rows = try store.query("""
            INSERT INTO audit (at, actor, role, action, report_id, from_state, to_state, from_agency_id, to_agency_id,
                note, via_incident, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id
            """, [seconds, change.user.login, change.user.role.rawValue, change.action.rawValue, String(before.id),
                  before.state.rawValue, after.state.rawValue, before.agencyID.map(String.init),
                  after.agencyID.map(String.init), change.note, change.viaIncident.map(String.init),
                  change.detail.auditText])
        return PGRowDecoding.int(rows, 0, 0) ?? 0
    }

    func recordRequestStep(_ change: ActionChange, request: InformationRequest) throws {
        let at = PGRowDecoding.seconds(change.at)
        let id = String(request.reportID)
        let detail = change.detail
        switch change.action {
        case .decide:
            try store.query("UPDATE info_request SET decision = $1, ground = $2, decided_at = $3 WHERE report_id = $4",
                            [detail.decision?.rawValue, detail.ground?.id, at, id])
        case .extend:
            try store.query("UPDATE info_request SET extended_at = $1 WHERE report_id = $2", [at, id])
        case .object:
            try store.query("UPDATE info_request SET objected_at = $1 WHERE report_id = $2", [at, id])
        case .respond where change.before.state == .objected:
            try store.query("""
                UPDATE info_request SET objection_answered_at = $1, objection_outcome = $2 WHERE report_id = $3
                """, [at, detail.outcome?.rawValue, id])
        case .dispute:
            try store.query("UPDATE info_request SET disputed_at = $1 WHERE report_id = $2", [at, id])
        default:
            break
        }
    }

    func storeDue(reportID: Int64, _ mark: DueMark) throws {
        try store.query("UPDATE report SET due_at = $1, due_soon_at = $2, due_clock = $3 WHERE id = $4",
                        [mark.deadline.map(PGRowDecoding.seconds), mark.soon.map(PGRowDecoding.seconds), mark.clock?.rawValue, String(reportID)])
    }
}
