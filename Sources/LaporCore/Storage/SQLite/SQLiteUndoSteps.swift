import Foundation
import GRDB

/// ``UndoSteps`` in the action's BEGIN IMMEDIATE transaction.
extension SQLiteActionSteps: UndoSteps {
    func undoneRecord(_ auditID: Int64) throws -> UndoneRecord? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT report_id, actor, action, from_state, from_agency_id FROM audit WHERE id = ?
            """, arguments: [auditID]), let reportID: Int64 = row[0],
              let action = LifecycleAction(rawValue: row[2]), let fromState = ReportState(rawValue: row[3] ?? "") else {
            return nil
        }
        return UndoneRecord(reportID: reportID, actor: row[1], action: action, fromState: fromState, fromAgencyID: row[4])
    }

    func latestAuditID(reportID: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit WHERE report_id = ?", arguments: [reportID])
    }

    func lastRoutingWasReturn(reportID: Int64, before auditID: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT action = 'return' FROM audit WHERE report_id = ? AND id < ? AND action IN ('route', 'return')
            ORDER BY id DESC LIMIT 1
            """, arguments: [reportID, auditID]) ?? false
    }

    func restore(reportID: Int64, state: ReportState, agencyID: Int64?, bounces: Int, returned: Bool, at now: Date) throws {
        let seconds = RowDecoding.seconds(now)
        try db.execute(sql: """
            UPDATE report SET state = ?, agency_id = ?, bounces = ?, returned = ?, version = version + 1, updated_at = ?,
                state_since = ?, desk_touched = 1 WHERE id = ?
            """, arguments: [state.rawValue, agencyID, bounces, returned, seconds, seconds, reportID])
    }

    func undoRequestStep(_ action: LifecycleAction, reportID: Int64, from: ReportState) throws {
        try LaporStore.undoRequestStep(db, action, reportID: reportID, from: from)
    }

    func appendUndoAudit(_ entry: AuditEntry, fromAgencyID: Int64?, toAgencyID: Int64?) throws {
        try LaporStore.appendAudit(db, entry, fromAgencyID: fromAgencyID, toAgencyID: toAgencyID)
    }
}
