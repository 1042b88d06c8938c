import Foundation

/// ``UndoSteps`` in one of ``PGStore/write(_:)``'s transactions; the report is held by
/// ``PGActionSteps/lockReport(_:)`` before anything is written.
extension PGActionSteps: UndoSteps {
    func undoneRecord(_ auditID: Int64) throws -> UndoneRecord? {
        let rows = try store.query("SELECT report_id, actor, action, from_state, from_agency_id FROM audit WHERE id = $1",
                                   [String(auditID)])
        guard rows.count > 0, let reportID = PGRowDecoding.int(rows, 0, 0),
              let action = LifecycleAction(rawValue: rows.text(0, 2) ?? ""),
              let fromState = ReportState(rawValue: rows.text(0, 3) ?? "") else { return nil }
        return UndoneRecord(reportID: reportID, actor: rows.text(0, 1) ?? "", action: action, fromState: fromState,
                            fromAgencyID: PGRowDecoding.int(rows, 0, 4))
    }

    func latestAuditID(reportID: Int64) throws -> Int64? {
        PGRowDecoding.int(try store.query("SELECT max(id) FROM audit WHERE report_id = $1", [String(reportID)]), 0, 0)
    }

    func lastRoutingWasReturn(reportID: Int64, before auditID: Int64) throws -> Bool {
        try store.query("""
            SELECT action = 'return' FROM audit WHERE report_id = $1 AND id < $2 AND action IN ('route', 'return')
            ORDER BY id DESC LIMIT 1
            """, [String(reportID), String(auditID)]).text(0, 0) == "t"
    }

    func restore(reportID: Int64, state: ReportState, agencyID: Int64?, bounces: Int, returned: Bool, at now: Date) throws {
        let seconds = PGRowDecoding.seconds(now)
        try store.query("""
            UPDATE report SET state = $1, agency_id = $2, bounces = $3, returned = $4, version = version + 1,
                updated_at = $5, state_since = $5, desk_touched = 1 WHERE id = $6
            """, [state.rawValue, agencyID.map(String.init), String(bounces), returned ? "1" : "0", seconds,
                  String(reportID)])
    }

    func undoRequestStep(_ action: LifecycleAction, reportID: Int64, from: ReportState) throws {
        let columns = InformationRequest.fieldsUndone(by: action, from: from)
        guard !columns.isEmpty else { return }
        let assignments = columns.map { "\($0) = NULL" }.joined(separator: ", ")
        try store.query("UPDATE info_request SET \(assignments) WHERE report_id = $1", [String(reportID)])
    }

    func appendUndoAudit(_ entry: AuditEntry, fromAgencyID: Int64?, toAgencyID: Int64?) throws {
        try store.appendAudit(entry, fromAgencyID: fromAgencyID, toAgencyID: toAgencyID)
    }
}
