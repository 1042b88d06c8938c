import Foundation
import GRDB

/// ``ActionSteps`` inside one of SQLite's write transactions (`BEGIN IMMEDIATE`): the whole file is
/// held by the writer, so reading a row is enough to hold it.
struct SQLiteActionSteps: ActionSteps {
    let db: Database
    let zone: DeskZone

    func lockReport(_ key: ReportKey) throws -> Report? {
        switch key {
        case .ref(let ref): try LaporStore.findReport(db, ref)
        case .id(let id): try LaporStore.findReport(db, id: id)
        }
    }

    func lockMembers(of primaryID: Int64, in states: [ReportState]) throws -> [Report] {
        try Row.fetchAll(db, sql: """
            SELECT \(RowDecoding.reportColumns) FROM report WHERE incident_of = ? AND id <> ?
                AND state IN (\(states.map { "'\($0.rawValue)'" }.joined(separator: ","))) ORDER BY submitted_at, id
            """, arguments: [primaryID, primaryID]).map(RowDecoding.report)
    }

    func clockEngine() throws -> SLAClocks { try LaporStore.clockEngine(db, zone: zone) }

    func currentAgencies() throws -> [Agency] {
        try Row.fetchAll(db, sql: "SELECT \(RowDecoding.agencyColumns) FROM agency WHERE merged_into IS NULL")
            .map(RowDecoding.agency)
    }

    func agencyName(id: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [id])
    }

    func clockEvents(reportID: Int64) throws -> [ClockEvent] {
        try LaporStore.clockEvents(db, whereSQL: "WHERE report.id = ?", arguments: [reportID])[reportID] ?? []
    }

    func registeredRequest(reportID: Int64) throws -> InformationRequest {
        if let request = try LaporStore.informationRequest(db, reportID: reportID) { return request }
        try RequestRegister.registerNew(db, after: reportID - 1, offsetSeconds: zone.timeZone.secondsFromGMT())
        guard let request = try LaporStore.informationRequest(db, reportID: reportID) else {
            throw LaporError.reportNotFound(String(reportID))
        }
        return request
    }

    func store(_ change: ActionChange) throws -> Int64 {
        let before = change.before
        let after = change.after
        let seconds = RowDecoding.seconds(change.at)
        try db.execute(sql: """
            UPDATE report SET state = ?, agency_id = ?, bounces = ?, returned = ?, version = ?, updated_at = ?,
                state_since = CASE WHEN ? THEN ? ELSE state_since END, desk_touched = 1
            WHERE id = ?
            """, arguments: [after.state.rawValue, after.agencyID, after.bounces, after.returned, after.version,
                             seconds, ActionDecision.restartsState(change.action, from: before.state, to: after.state),
                             seconds, before.id])
        try LaporStore.appendAudit(db, AuditEntry(at: change.at, actor: change.user.login, role: change.user.role,
                                                  action: change.action.rawValue, reportID: before.id,
                                                  fromState: before.state, toState: after.state),
                                   fromAgencyID: before.agencyID, toAgencyID: after.agencyID, note: change.note,
                                   viaIncident: change.viaIncident, detail: change.detail.auditText)
        return db.lastInsertedRowID
    }

    func recordRequestStep(_ change: ActionChange, request: InformationRequest) throws {
        try LaporStore.recordRequestStep(db, change.action, request: request, from: change.before.state,
                                         detail: change.detail, at: change.at)
    }

    func storeDue(reportID: Int64, _ mark: DueMark) throws {
        try LaporStore.storeDue(db, reportID: reportID, mark: mark)
    }
}
